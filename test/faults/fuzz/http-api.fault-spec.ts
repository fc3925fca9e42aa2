import { mkdirSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { createInfluxTestDatabase, InfluxTestDatabase } from '@cellscope/testing/kpi/influx-test-database';
import { createTopics, deleteTopics, uniqueTopic } from '@cellscope/testing/kafka-test-topics';
import { ApiTestApp, startApiTestApp, TEST_KEYS, uniqueSuffix } from '../../integration/api/support/api-test-app';
import { ApiOperation, ApiSamples, fetchApiOperations, seedApiSamples } from '../../integration/security/support/api-surface';
import { badRequestArbitrary, HttpFuzzCase, validRequest } from './support/bad-http-requests';
import { fuzzCount, fuzzSeed } from './support/fuzz-seed';
import { inPool, RawHttpClient, RawHttpResponse } from './support/raw-http-client';

/** Requests in flight at once (keep-alive connections). */
const CONCURRENCY = 8;
/** One valid request after every this many bad ones, per operation. */
const VALID_EVERY = 25;

/** Internals that must never reach a caller in an error body. */
const LEAK_PATTERN = /\n\s+at |node_modules|QueryFailedError|TypeError|RangeError|SyntaxError|EntityNotFound|duplicate key|postgres:\/\//;

/**
 * Fuzzes every operation of the OpenAPI document the running API serves (so a new endpoint is fuzzed, or fails the
 * test, without anyone remembering it): FUZZ_HTTP_RUNS (default 2,000, about 45 s on two cores, to keep CI within its budget; FUZZ_HTTP_RUNS=10000 for the
 * full count) generated bad requests per operation against the real app on real PostgreSQL, InfluxDB (KPI store) and Kafka (ticket bus), over keep-alive connections. Every
 * answer is below 500; bad requests get a 4xx with the error body; valid requests interleaved still succeed; the app
 * stays ready. Seeded (FUZZ_SEED) for replay.
 */
describe('fuzzing every HTTP endpoint of the API (real PostgreSQL + InfluxDB + Kafka)', () => {
  const seed = fuzzSeed('http api');
  const runsPerOperation = fuzzCount('FUZZ_HTTP_RUNS', 2_000);
  const suffix = uniqueSuffix();
  const ticketsTopic = uniqueTopic('fuzz-http.tickets');
  let influx: InfluxTestDatabase;
  let api: ApiTestApp;
  let operations: ApiOperation[];
  let samples: ApiSamples;
  let client: RawHttpClient;

  beforeAll(async () => {
    influx = await createInfluxTestDatabase('fuzz_http');
    await createTopics([ticketsTopic], 3);
    api = await startApiTestApp({
      env: {
        CELLSCOPE_KPI_STORE: 'influx',
        INFLUX_DATABASE: influx.database,
        CELLSCOPE_BUS: 'kafka',
        TOPIC_TICKETS: ticketsTopic,
        API_RATE_LIMIT_PER_MINUTE: '100000000',
        // Every 4xx is a warn line; only errors matter here (and writing 100,000 lines would slow the app down).
        LOG_LEVEL: 'error',
      },
    });
    samples = await seedApiSamples(api, suffix);
    operations = await fetchApiOperations(api.baseUrl);
    const url = new URL(api.baseUrl);
    client = new RawHttpClient(url.hostname, Number(url.port), CONCURRENCY);
  });

  afterAll(async () => {
    client?.close();
    mkdirSync('test-artifacts/fuzz', { recursive: true });
    if (api) writeFileSync('test-artifacts/fuzz/http-api.log', api.log.text);
    await api?.close();
    await influx?.drop();
    await deleteTopics([ticketsTopic]).catch(() => undefined);
  });

  it('finds the operations in the served OpenAPI document, all behind an API key', () => {
    expect(operations.length).toBeGreaterThanOrEqual(11);
    expect(operations.filter((o) => !o.path.startsWith('/api/v1/')).map((o) => o.name)).toEqual([]);
    expect(operations.filter((o) => !o.secured).map((o) => o.name)).toEqual([]);
  });

  it('answers every bad request with a 4xx and the error body, never a 5xx, and keeps serving valid requests', async () => {
    const started = Date.now();
    const cases: HttpFuzzCase[] = [];
    const perOperation = new Map<string, number>();
    operations.forEach((operation, index) => {
      // Builds the cases from the document; throws for a parameter or body the generator has no sample for.
      const bad = fc.sample(badRequestArbitrary(operation, samples, TEST_KEYS.admin, operations), { seed: seed + index, numRuns: runsPerOperation });
      bad.forEach((badCase, i) => {
        cases.push(badCase);
        if (i % VALID_EVERY === VALID_EVERY - 1) cases.push(validRequest(operation, samples, TEST_KEYS.admin));
      });
      perOperation.set(operation.name, bad.length);
    });
    // Interleave the operations so every endpoint is under load at the same time.
    const order = fc.sample(fc.shuffledSubarray(cases.map((_, i) => i), { minLength: cases.length, maxLength: cases.length }), { seed, numRuns: 1 })[0];
    const generatedMs = Date.now() - started;

    const failures: string[] = [];
    const statuses: Record<string, number> = {};
    const kinds = new Set<string>();
    const latency = new Map<string, [number, number]>();
    const answers = await inPool(order, CONCURRENCY, async (caseIndex) => {
      const fuzzCase = cases[caseIndex];
      let response: RawHttpResponse;
      const sent = performance.now();
      try {
        response = await client.send(fuzzCase.request);
        const timing = (latency.get(fuzzCase.operation) ?? [0, 0]);
        latency.set(fuzzCase.operation, [timing[0] + 1, timing[1] + performance.now() - sent]);
      } catch (error) {
        failures.push(`${describe(fuzzCase)}: transport failure ${(error as Error).message}`);
        return;
      }
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      kinds.add(`${fuzzCase.operation} | ${fuzzCase.kind.replace(/ \(.*$/, '')}`);
      const problem = judge(fuzzCase, response);
      if (problem) failures.push(`${describe(fuzzCase)}: ${problem}`);
    });
    const sentMs = Date.now() - started - generatedMs;

    expect({ seed, failures: failures.slice(0, 15), count: failures.length }).toEqual({ seed, failures: [], count: 0 });
    expect(answers).toHaveLength(cases.length);
    for (const operation of operations) expect({ operation: operation.name, cases: perOperation.get(operation.name) }).toEqual({ operation: operation.name, cases: runsPerOperation });

    const ready = await fetch(`${api.baseUrl}/health/ready`);
    expect(ready.status).toBe(200);
    const errorLines = api.log.text.split('\n').filter((line) => line.includes('"level":"error"'));
    expect(errorLines.slice(0, 5)).toEqual([]);
    const badCount = cases.filter((c) => c.kind !== 'valid').length;
    process.stdout.write(
      `[fuzz] http api (seed ${seed}): ${operations.length} operations × ${runsPerOperation} bad requests = ${badCount} bad + ${cases.length - badCount} valid; ` +
        `statuses ${JSON.stringify(statuses)}; ${kinds.size} distinct operation/kind pairs; generated in ${generatedMs} ms, ` +
        `sent in ${sentMs} ms (${Math.round(cases.length / (sentMs / 1000))} req/s); mean latency per operation ms ` +
        `${JSON.stringify(Object.fromEntries([...latency].map(([name, [n, total]]) => [name, Math.round((10 * total) / n) / 10])))}\n`,
    );
  }, 900_000);

  function describe(fuzzCase: HttpFuzzCase): string {
    const body = fuzzCase.request.body === undefined ? '' : ` body ${Buffer.from(fuzzCase.request.body).subarray(0, 120).toString('utf8')}`;
    return `[seed ${seed}] ${fuzzCase.operation} (${fuzzCase.kind}) ${fuzzCase.request.method} ${fuzzCase.request.path.slice(0, 200)}${body}`;
  }
});

/** What is wrong with an answer, or undefined when it is what the case expects. */
function judge(fuzzCase: HttpFuzzCase, response: RawHttpResponse): string | undefined {
  const { status } = response;
  if (status >= 500) return `answered ${status}: ${response.body.slice(0, 300)}`;
  if (fuzzCase.expect === '2xx') return status >= 200 && status < 300 ? undefined : `valid request answered ${status}: ${response.body.slice(0, 300)}`;
  if (fuzzCase.expect === '4xx' && (status < 400 || status >= 500)) return `expected a 4xx, got ${status}: ${response.body.slice(0, 200)}`;
  if (status < 400) return undefined;
  let body: { statusCode?: unknown; error?: unknown; message?: unknown };
  try {
    body = JSON.parse(response.body) as typeof body;
  } catch {
    return `${status} without a JSON error body: ${response.contentType} ${response.body.slice(0, 200)}`;
  }
  if (body.statusCode !== status || typeof body.error !== 'string' || typeof body.message !== 'string' || body.message.length === 0) {
    return `${status} with an error body not in the format: ${response.body.slice(0, 200)}`;
  }
  if (LEAK_PATTERN.test(response.body)) return `${status} error body shows internals: ${response.body.slice(0, 300)}`;
  return undefined;
}
