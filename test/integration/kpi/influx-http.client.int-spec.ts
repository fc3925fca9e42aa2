import { InfluxHttpClient, InfluxQueryError, InfluxUnavailableError, quoteIdentifier } from '@cellscope/kpi';
import { closedLoopbackPort, InfluxFaultProxy } from '@cellscope/testing/kpi/influx-fault-proxy';
import { createInfluxTestDatabase, InfluxTestDatabase } from '@cellscope/testing/kpi/influx-test-database';

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected a failure');
}

describe('InfluxHttpClient against the real InfluxDB', () => {
  let db: InfluxTestDatabase;
  let proxy: InfluxFaultProxy;
  let client: InfluxHttpClient;

  beforeAll(async () => {
    db = await createInfluxTestDatabase('it_kpi_client');
    await db.client.write(['m,c=a v=1 0', 'm,c=a v=2 900000', 'm,c=b v=3 0', 'm,c=b v=4 900000', 'm,c=c v=5 0'].join('\n'));
  });

  afterAll(async () => {
    await db.drop();
  });

  beforeEach(async () => {
    proxy = await new InfluxFaultProxy(db.url).start();
    client = new InfluxHttpClient({ url: proxy.url, database: db.database, maxRetries: 2, retryBaseDelayMs: 40, retryMaxDelayMs: 200, timeoutMs: 2000 });
  });

  afterEach(async () => {
    await proxy.stop();
  });

  it('pings and reports the server version', async () => {
    const ping = await db.client.ping();
    expect(ping.version).toMatch(/^1\.|^v?\d/);
  });

  it('a closed port is InfluxUnavailableError after the bounded retries, with backoff', async () => {
    const port = await closedLoopbackPort();
    const closed = new InfluxHttpClient({ url: `http://127.0.0.1:${port}`, database: 'x', maxRetries: 3, retryBaseDelayMs: 40, retryMaxDelayMs: 1000 });
    const started = performance.now();
    const error = await failure(closed.query('SELECT * FROM m'));
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(InfluxUnavailableError);
    expect((error as InfluxUnavailableError).attempts).toBe(4);
    expect((error as InfluxUnavailableError).retriable).toBe(true);
    expect((error as Error).message).toMatch(/ECONNREFUSED|connection failed/);
    // Three backoffs of at least 20, 40 and 80 ms (half of 40·2^n).
    expect(elapsed).toBeGreaterThanOrEqual(140);
    await expect(closed.ping()).rejects.toBeInstanceOf(InfluxUnavailableError);
  });

  it('a bad query is InfluxQueryError at once, without retry', async () => {
    const error = await failure(client.query('SELEC nonsense FROM'));
    expect(error).toBeInstanceOf(InfluxQueryError);
    expect((error as InfluxQueryError).status).toBe(400);
    expect((error as Error).message).toContain('error parsing query');
    expect(proxy.seen).toHaveLength(1);
  });

  it('a statement-level error is InfluxQueryError naming the statement, without retry', async () => {
    const error = await failure(client.query(`SELECT * FROM m; SELECT * FROM ${quoteIdentifier(`${db.database}_missing`)}..m`));
    expect(error).toBeInstanceOf(InfluxQueryError);
    expect((error as InfluxQueryError).statementId).toBe(1);
    const missing = await failure(client.query('SELECT * FROM m', { database: `${db.database}_missing` }));
    expect(missing).toBeInstanceOf(InfluxQueryError);
    expect((missing as Error).message).toContain('database not found');
    expect(proxy.seen).toHaveLength(2);
  });

  it('a bad line on /write is InfluxQueryError without retry', async () => {
    const error = await failure(client.write('m,c=a v=notanumber 0'));
    expect(error).toBeInstanceOf(InfluxQueryError);
    expect((error as InfluxQueryError).status).toBe(400);
    expect(proxy.seen).toHaveLength(1);
  });

  it('retries 5xx and succeeds when the server recovers', async () => {
    proxy.failNext({ kind: 'status', status: 503 }, { kind: 'status', status: 500 });
    const [result] = await client.query('SELECT count(v) FROM m');
    expect(result.series[0].values[0][1]).toBe(5);
    expect(proxy.seen).toHaveLength(3);
  });

  it('gives up on a lasting 5xx with InfluxUnavailableError carrying the status', async () => {
    proxy.failAlways({ kind: 'status', status: 502 });
    const error = await failure(client.write('m,c=z v=1 0'));
    expect(error).toBeInstanceOf(InfluxUnavailableError);
    expect((error as InfluxUnavailableError).status).toBe(502);
    expect((error as InfluxUnavailableError).attempts).toBe(3);
    expect(proxy.seen).toHaveLength(3);
  });

  it('times out a request that gets no answer, and retries it', async () => {
    const slow = new InfluxHttpClient({ url: proxy.url, database: db.database, maxRetries: 1, retryBaseDelayMs: 10, timeoutMs: 300 });
    proxy.failNext({ kind: 'hang' });
    const [recovered] = await slow.query('SELECT count(v) FROM m');
    expect(recovered.series[0].values[0][1]).toBe(5);
    proxy.failNext({ kind: 'hang' }, { kind: 'hang' });
    const started = performance.now();
    const error = await failure(slow.query('SELECT count(v) FROM m'));
    expect(error).toBeInstanceOf(InfluxUnavailableError);
    expect((error as Error).message).toContain('no answer within 300 ms');
    expect(performance.now() - started).toBeGreaterThanOrEqual(600);
    expect(proxy.seen).toHaveLength(4);
  });

  it('merges chunked answers (partial series) into the same result as an unchunked one', async () => {
    const q = 'SELECT v FROM m GROUP BY c; SELECT v FROM m';
    const plain = await client.query(q);
    const chunked = await client.query(q, { chunked: true, chunkSize: 1 });
    expect(chunked).toEqual(plain);
    expect(plain[0].series.map((s) => [s.tags?.c, s.values.length])).toEqual([
      ['a', 2],
      ['b', 2],
      ['c', 1],
    ]);
    expect(plain[1].series[0].values).toHaveLength(5);
    expect(proxy.seen[1].url).toContain('chunked=true');
    expect(proxy.seen[1].url).toContain('chunk_size=1');
  });

  it('sends long queries as POST and short reads as GET, with db, epoch=ms and rp', async () => {
    const withRp = new InfluxHttpClient({ url: proxy.url, database: db.database, retentionPolicy: 'autogen' });
    await withRp.query('SELECT v FROM m');
    const long = `SELECT v FROM m WHERE c =~ /^(${Array.from({ length: 800 }, (_, i) => `id${i}`).join('|')})$/`;
    await withRp.query(long);
    await withRp.query(`CREATE DATABASE ${quoteIdentifier(db.database)}`);
    const [get, post, create] = proxy.seen;
    expect(get.method).toBe('GET');
    expect(new URL(get.url, 'http://x').searchParams.get('epoch')).toBe('ms');
    expect(new URL(get.url, 'http://x').searchParams.get('rp')).toBe('autogen');
    expect(post.method).toBe('POST');
    expect(new URLSearchParams(post.body).get('q')).toBe(long);
    expect(create.method).toBe('POST');
  });

  it('authenticates with a token, basic auth or u/p parameters', async () => {
    const base = { url: proxy.url, database: db.database };
    await new InfluxHttpClient({ ...base, token: 'tok-123' }).query('SELECT v FROM m');
    await new InfluxHttpClient({ ...base, username: 'ops', password: 'p:w' }).query('SELECT v FROM m');
    await new InfluxHttpClient({ ...base, username: 'ops', password: 'pw', credentialsIn: 'query' }).write('m,c=a v=1 0');
    expect(proxy.seen[0].headers.authorization).toBe('Token tok-123');
    expect(proxy.seen[1].headers.authorization).toBe(`Basic ${Buffer.from('ops:p:w').toString('base64')}`);
    const params = new URL(proxy.seen[2].url, 'http://x').searchParams;
    expect([params.get('u'), params.get('p'), params.get('precision')]).toEqual(['ops', 'pw', 'ms']);
    expect(proxy.seen[2].headers.authorization).toBeUndefined();
  });
});
