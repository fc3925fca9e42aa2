import { randomBytes } from 'node:crypto';
import { Point } from '@influxdata/influxdb-client';
import { influxAuthHeaders, stackEndpoints } from '@cellscope/testing/stack';

/** One InfluxQL statement's result as /query returns it. */
interface InfluxSeries {
  name: string;
  tags?: Record<string, string>;
  columns: string[];
  values: unknown[][];
}
interface InfluxQueryResponse {
  results: { statement_id: number; series?: InfluxSeries[]; error?: string }[];
  error?: string;
}

/**
 * Smoke test of the real InfluxDB over the v1 HTTP API (the read/write path every InfluxDB
 * generation shares): a unique database, line protocol from the client library's Point written
 * with ms precision, read back with InfluxQL. Checks stored values, tags with characters that
 * need escaping, time filtering and a ratio of sums computed by the server.
 */
describe('InfluxDB smoke (real server, v1 API)', () => {
  const endpoints = stackEndpoints();
  const database = `smoke_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const base = Date.UTC(2026, 0, 15, 8, 0, 0);
  const quarter = 15 * 60 * 1000;
  const awkwardCell = 'cell 7,sector=B'; // space, comma and equals sign must survive the round trip

  async function query(q: string, method: 'GET' | 'POST' = 'GET'): Promise<InfluxQueryResponse> {
    const params = new URLSearchParams({ q, db: database, epoch: 'ms' });
    const response = await fetch(`${endpoints.influxUrl}/query?${params.toString()}`, {
      method,
      headers: influxAuthHeaders(endpoints),
    });
    const body = (await response.json()) as InfluxQueryResponse;
    if (response.status !== 200 || body.error || body.results.some((r) => r.error)) {
      throw new Error(`InfluxQL "${q}" failed: HTTP ${response.status} ${JSON.stringify(body)}`);
    }
    return body;
  }

  const toMs = (value: string | number | Date | undefined): string | undefined =>
    value instanceof Date ? String(value.getTime()) : value === undefined ? undefined : String(value);

  beforeAll(async () => {
    await query(`CREATE DATABASE "${database}"`, 'POST');
  });

  afterAll(async () => {
    await query(`DROP DATABASE "${database}"`, 'POST');
  });

  it('the database exists on the server', async () => {
    const body = await query('SHOW DATABASES');
    const names = body.results[0].series?.[0].values.map((row) => row[0]);
    expect(names).toContain(database);
  });

  it('stores line protocol written with ms precision and returns it through InfluxQL', async () => {
    const points = [
      new Point('cell_kpi').tag('cell_id', 'C1').tag('rat', '4G').intField('prb_dl_used', 700).intField('prb_dl_avail', 1000)
        .floatField('traffic_mb', 12.5).timestamp(new Date(base)),
      new Point('cell_kpi').tag('cell_id', 'C1').tag('rat', '4G').intField('prb_dl_used', 900).intField('prb_dl_avail', 1000)
        .floatField('traffic_mb', 20.25).timestamp(new Date(base + quarter)),
      new Point('cell_kpi').tag('cell_id', awkwardCell).tag('rat', '5G').intField('prb_dl_used', 50).intField('prb_dl_avail', 400)
        .floatField('traffic_mb', 3).timestamp(new Date(base)),
      // Outside the queried window: must not be counted.
      new Point('cell_kpi').tag('cell_id', 'C1').tag('rat', '4G').intField('prb_dl_used', 1).intField('prb_dl_avail', 1000)
        .floatField('traffic_mb', 99).timestamp(new Date(base + 8 * quarter)),
    ];
    const lines = points.map((p) => p.toLineProtocol({ convertTime: toMs }));
    expect(lines[2]).toContain('cell_id=cell\\ 7\\,sector\\=B');

    const params = new URLSearchParams({ db: database, precision: 'ms' });
    const write = await fetch(`${endpoints.influxUrl}/write?${params.toString()}`, {
      method: 'POST',
      headers: { ...influxAuthHeaders(endpoints), 'Content-Type': 'text/plain; charset=utf-8' },
      body: lines.join('\n'),
    });
    expect(write.status).toBe(204);

    const from = new Date(base).toISOString();
    const to = new Date(base + 2 * quarter).toISOString();
    const raw = await query(
      `SELECT prb_dl_used, prb_dl_avail, traffic_mb, rat FROM cell_kpi WHERE cell_id = 'C1' AND time >= '${from}' AND time < '${to}'`,
    );
    const series = raw.results[0].series?.[0];
    expect(series?.columns).toEqual(['time', 'prb_dl_used', 'prb_dl_avail', 'traffic_mb', 'rat']);
    expect(series?.values).toEqual([
      [base, 700, 1000, 12.5, '4G'],
      [base + quarter, 900, 1000, 20.25, '4G'],
    ]);

    // The server computes a ratio of sums per cell (the KPI formula shape of kpis.md).
    const ratio = await query(
      `SELECT 100*sum(prb_dl_used)/sum(prb_dl_avail) AS prb, sum(traffic_mb) AS traffic FROM cell_kpi ` +
        `WHERE time >= '${from}' AND time < '${to}' GROUP BY cell_id`,
    );
    const byCell = new Map((ratio.results[0].series ?? []).map((s) => [s.tags?.cell_id, s.values[0]]));
    expect([...byCell.keys()].sort()).toEqual(['C1', awkwardCell].sort());
    expect(byCell.get('C1')?.[1]).toBeCloseTo(80, 10);
    expect(byCell.get('C1')?.[2]).toBeCloseTo(32.75, 10);
    expect(byCell.get(awkwardCell)?.[1]).toBeCloseTo(12.5, 10);

    // Tag values are stored as written, escaped characters included.
    const tagValues = await query('SHOW TAG VALUES FROM cell_kpi WITH KEY = "cell_id"');
    const cells = tagValues.results[0].series?.[0].values.map((row) => row[1]);
    expect(cells?.sort()).toEqual(['C1', awkwardCell].sort());
  });
});
