/**
 * KPI repository benchmark against the real InfluxDB (INFLUX_URL, default http://127.0.0.1:8086).
 * Loads 10,000 cells × 2 days of 15-minute points into a dedicated database once (skipped when already loaded),
 * then measures side by side, after a warm-up: (a) window sums for 500 cells through InfluxKpiRepository.sumWindow
 * vs the same InfluxQL sent raw (curl, and an in-process fetch); (b) the latest-interval scan over all cells vs
 * the same raw; plus alternatives for the scan. Prints a table and writes bench-results/kpi.json.
 * Run: npm run bench:kpi [-- --reps=10]
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { promisify } from 'node:util';
import { CellKpiInterval, TimeWindow } from '@cellscope/domain';
import { loadConfig } from '@cellscope/config';
import {
  InfluxHttpClient,
  InfluxKpiRepository,
  InfluxKpiWriter,
  InfluxSchema,
  KpiInfluxQlBuilder,
  KpiSelection,
  quoteIdentifier,
  SumStrategy,
  timeLiteral,
} from '@cellscope/kpi';

const run = promisify(execFile);

const DATABASE = 'cellscope_bench_kpi';
const CELLS = 10_000;
const DAYS = 2;
const INTERVAL_MS = 15 * 60_000;
const END = new Date('2026-03-03T00:00:00.000Z');
const START = new Date(END.getTime() - DAYS * 24 * 3_600_000);
const DATASET = `cells=${CELLS};days=${DAYS};end=${END.toISOString()}`;
const WINDOW_CELLS = 500;
const WARMUP = 2;
const REPS = Number(process.argv.find((a) => a.startsWith('--reps='))?.slice('--reps='.length) ?? 10);

interface Stats {
  median: number;
  p95: number;
  min: number;
  max: number;
  reps: number;
}

interface Row {
  case: string;
  adapter?: Stats;
  rawCurl?: Stats;
  rawFetch?: Stats;
  ratioCurl?: number;
  ratioFetch?: number;
  rows?: number;
  note?: string;
}

function cellId(i: number): string {
  return `BENCH-${String(i).padStart(5, '0')}`;
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

/** Warm-up, then `REPS` timed runs of `fn`, in ms. */
async function measure(fn: () => Promise<unknown>): Promise<Stats> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p95: percentile(times, 95), min: times[0], max: times[times.length - 1], reps: REPS };
}

/** Interleaves the timed runs of several variants so that drift in the server affects all alike. */
async function measureSideBySide(variants: Record<string, () => Promise<unknown>>): Promise<Record<string, Stats>> {
  const names = Object.keys(variants);
  for (let i = 0; i < WARMUP; i++) for (const n of names) await variants[n]();
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < REPS; i++) {
    for (const n of names) {
      const started = performance.now();
      await variants[n]();
      times[n].push(performance.now() - started);
    }
  }
  return Object.fromEntries(
    names.map((n) => {
      const t = times[n].sort((a, b) => a - b);
      return [n, { median: percentile(t, 50), p95: percentile(t, 95), min: t[0], max: t[t.length - 1], reps: REPS }];
    }),
  );
}

/** Deterministic, varied counters of one cell and interval; a few cells are DOWN now and then. */
function intervalOf(cell: number, time: number): CellKpiInterval {
  const k = Math.floor(time / INTERVAL_MS);
  const h = ((cell * 2654435761 + k * 40503) >>> 0) % 1000;
  const load = 0.2 + (h % 700) / 1000;
  const down = h === 7 ? 900 : 0;
  return {
    cellId: cellId(cell),
    time: new Date(time),
    counters: {
      prbDlUsed: Math.round(9000 * load),
      prbDlAvail: 9000,
      accessSucc: 1000 - (h % 9),
      accessAtt: 1000,
      dropAbnormal: h % 6,
      dropTotal: 400 + (h % 200),
      mrGood: 4700 + (h % 300),
      mrTotal: 5000,
      thpDlVolKbit: 1_000_000 + h * 2000,
      thpDlTimeMs: 80_000 + h * 40,
      trafficMb: 100 + h,
      unavailS: down,
      periodS: 900,
    },
  };
}

async function isLoaded(client: InfluxHttpClient): Promise<boolean> {
  const [dbs] = await client.query('SHOW DATABASES');
  if (!(dbs?.series[0]?.values ?? []).some((r) => r[0] === DATABASE)) return false;
  const [marker] = await client.query(`SELECT last("dataset") FROM "bench_meta"`);
  return marker?.series[0]?.values[0]?.[1] === DATASET;
}

async function loadDataset(client: InfluxHttpClient, writer: InfluxKpiWriter): Promise<void> {
  if (await isLoaded(client)) {
    console.log(`dataset already loaded in ${DATABASE} (${DATASET}); skipping load`);
    return;
  }
  await client.query(`DROP DATABASE ${quoteIdentifier(DATABASE)}`, { method: 'POST' });
  await writer.ensureDatabase();
  const times: number[] = [];
  for (let t = START.getTime(); t < END.getTime(); t += INTERVAL_MS) times.push(t);
  const total = times.length * CELLS;
  const started = performance.now();
  let written = 0;
  let lastReport = 0;
  const pending: Promise<void>[] = [];
  for (const t of times) {
    const batch: CellKpiInterval[] = [];
    for (let c = 0; c < CELLS; c++) batch.push(intervalOf(c, t));
    pending.push(writer.write(batch));
    if (pending.length >= 2) await pending.shift();
    written += batch.length;
    if (written - lastReport >= total / 20 || written === total) {
      lastReport = written;
      const s = (performance.now() - started) / 1000;
      console.log(`  loaded ${written.toLocaleString('en')} / ${total.toLocaleString('en')} points (${Math.round((100 * written) / total)} %), ${Math.round(written / s).toLocaleString('en')} points/s`);
    }
  }
  await Promise.all(pending);
  await client.query(`CREATE DATABASE ${quoteIdentifier(DATABASE)}`, { method: 'POST' });
  await client.write(`bench_meta dataset="${DATASET}" ${Date.now()}`);
  console.log(`loaded ${total.toLocaleString('en')} points in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** Query-string parameters as InfluxHttpClient sends them for a query. */
function queryParams(influxql: string, chunked: boolean): { method: 'GET' | 'POST'; params: URLSearchParams } {
  const params = new URLSearchParams({ db: DATABASE, epoch: 'ms' });
  if (chunked) params.set('chunked', 'true');
  // Same rule as InfluxHttpClient: GET while the URL stays within 4,096 characters, POST beyond.
  const method = `${params}&${new URLSearchParams({ q: influxql })}`.length + 30 > 4096 ? 'POST' : 'GET';
  return { method, params };
}

function rawCurl(baseUrl: string, influxql: string, chunked = false): () => Promise<number> {
  const { method, params } = queryParams(influxql, chunked);
  const args = ['-sS', '--fail', '--data-urlencode', `q=${influxql}`];
  if (method === 'GET') args.unshift('-G');
  return async () => {
    const { stdout } = await run('curl', [...args, `${baseUrl}/query?${params}`], { maxBuffer: 512 * 1024 * 1024 });
    return stdout.length;
  };
}

function rawFetch(baseUrl: string, influxql: string, chunked = false): () => Promise<number> {
  const { method, params } = queryParams(influxql, chunked);
  return async () => {
    const body = method === 'POST' ? new URLSearchParams({ q: influxql }).toString() : undefined;
    if (method === 'GET') params.set('q', influxql);
    const response = await fetch(`${baseUrl}/query?${params}`, {
      method,
      body,
      headers: body ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {},
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`);
    return text.length;
  };
}

function fmt(ms: number | undefined): string {
  return ms === undefined ? '' : ms.toFixed(1);
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const baseUrl = config.INFLUX_URL.replace(/\/+$/, '');
  const client = new InfluxHttpClient({ url: baseUrl, database: DATABASE, timeoutMs: 120_000, maxRetries: 2 });
  const schema = InfluxSchema.DEFAULT;
  const writer = new InfluxKpiWriter(client, schema, { batchSize: 5_000 });
  const repository = new InfluxKpiRepository(client, schema);
  const builder = new KpiInfluxQlBuilder(schema);
  console.log(`InfluxDB ${(await client.ping()).version ?? '?'} at ${baseUrl}, database ${DATABASE}, ${REPS} repetitions after ${WARMUP} warm-up runs`);
  await loadDataset(client, writer);

  const rows: Row[] = [];
  const ids = Array.from({ length: WINDOW_CELLS }, (_, i) => cellId(Math.floor((i * CELLS) / WINDOW_CELLS) + 3));
  const occurredAt = new Date(END.getTime() - 6 * 3_600_000);
  const twoHours: TimeWindow = { from: new Date(occurredAt.getTime() - 3_600_000), to: new Date(occurredAt.getTime() + 3_600_000) };
  const twoDays: TimeWindow = { from: START, to: END };
  const strategies: Record<SumStrategy, InfluxKpiRepository> = {
    auto: repository,
    rows: new InfluxKpiRepository(client, schema, { sumStrategy: 'rows' }),
    aggregate: new InfluxKpiRepository(client, schema, { sumStrategy: 'aggregate' }),
  };
  const threeDays: TimeWindow = { from: new Date(START.getTime() - 24 * 3_600_000), to: END };
  const sumCases: [string, SumStrategy, TimeWindow][] = [
    ['sumWindow 500 cells, 2 h window (auto → rows)', 'auto', twoHours],
    ['sumWindow 500 cells, 2 d window (auto → rows)', 'auto', twoDays],
    ['sumWindow 500 cells, 3 d window over 2 d of data (auto → aggregate)', 'auto', threeDays],
    ['  alt: 2 h window with aggregate sums', 'aggregate', twoHours],
    ['  alt: 2 d window with aggregate sums', 'aggregate', twoDays],
  ];
  for (const [name, strategy, window] of sumCases) {
    const repo = strategies[strategy];
    const requests = repo.sumWindowRequests(ids, window);
    if (requests.length !== 1) throw new Error('expected one request for 500 cells');
    const influxql = requests[0].influxql;
    const sums = await repo.sumWindow(ids, window);
    console.log(`measuring ${name.trim()} (${requests[0].kinds.join('+')}${requests[0].chunked ? ', chunked' : ''}, ${influxql.length} characters of InfluxQL)`);
    const stats = await measureSideBySide({
      adapter: () => repo.sumWindow(ids, window),
      curl: rawCurl(baseUrl, influxql, requests[0].chunked),
      fetch: rawFetch(baseUrl, influxql, requests[0].chunked),
    });
    rows.push({ case: name, adapter: stats.adapter, rawCurl: stats.curl, rawFetch: stats.fetch, rows: sums.size, note: requests[0].kinds.join('+') });
  }

  const at = END;
  const lookbackMs = 60 * 60_000;
  const scans: [string, KpiSelection | undefined][] = [
    [`latestIntervals ${CELLS} cells, 1 h lookback, all counters`, undefined],
    [`latestIntervals ${CELLS} cells, 1 h lookback, unavailS+periodS`, { counters: ['unavailS', 'periodS'] }],
  ];
  for (const [name, select] of scans) {
    const latest = await repository.latestIntervals(at, lookbackMs, select);
    const scanQl = builder.latestStatement(at, lookbackMs, select);
    console.log(`measuring ${name}`);
    const scan = await measureSideBySide({
      adapter: () => repository.latestIntervals(at, lookbackMs, select),
      curl: rawCurl(baseUrl, scanQl, true),
      fetch: rawFetch(baseUrl, scanQl, true),
    });
    rows.push({ case: name, adapter: scan.adapter, rawCurl: scan.curl, rawFetch: scan.fetch, rows: latest.length });
  }

  console.log('measuring dataThrough');
  const through = await repository.dataThrough();
  const throughStats = await measure(() => repository.dataThrough());
  rows.push({ case: 'dataThrough, all cells', adapter: throughStats, rows: through ? 1 : 0, note: through?.toISOString() });
  const subset = ids.slice(0, 5);
  const throughSubset = await measure(() => repository.dataThrough(subset));
  rows.push({ case: 'dataThrough, 5 cells', adapter: throughSubset, rows: 1 });

  // Alternatives for the latest-interval scan, raw over fetch (the adapter uses the first).
  const scanQl = builder.latestStatement(at, lookbackMs);
  const fields = schema.counters.map((c) => `${quoteIdentifier(schema.fields[c] as string)} AS ${quoteIdentifier(c)}`).join(', ');
  const range = `time > ${timeLiteral(new Date(at.getTime() - lookbackMs))} AND time <= ${timeLiteral(at)}`;
  const alternatives: Record<string, [string, boolean]> = {
    '  scan alt: ORDER BY time DESC LIMIT 1, chunked (adapter)': [scanQl, true],
    '  scan alt: ORDER BY time DESC LIMIT 1, not chunked': [scanQl, false],
    '  scan alt: last(period_s) selector + other fields': [`SELECT last("period_s") AS "sel", ${fields} FROM "cell_kpi" WHERE ${range} GROUP BY "cell_id"`, false],
    '  scan alt: all rows in lookback, newest picked client-side': [`SELECT ${fields} FROM "cell_kpi" WHERE ${range} GROUP BY "cell_id"`, false],
    '  scan alt: last(*) (loses the point time)': [`SELECT last(*) FROM "cell_kpi" WHERE ${range} GROUP BY "cell_id"`, false],
  };
  console.log('measuring scan alternatives');
  const altStats = await measureSideBySide(Object.fromEntries(Object.entries(alternatives).map(([n, [q, c]]) => [n, rawFetch(baseUrl, q, c)])));
  for (const [n, st] of Object.entries(altStats)) rows.push({ case: n, rawFetch: st });

  for (const r of rows) {
    if (r.adapter && r.rawCurl) r.ratioCurl = r.adapter.median / r.rawCurl.median;
    if (r.adapter && r.rawFetch) r.ratioFetch = r.adapter.median / r.rawFetch.median;
  }

  const header = ['case', 'adapter med', 'adapter p95', 'curl med', 'curl p95', 'fetch med', 'fetch p95', 'adapter/curl', 'adapter/fetch', 'rows'];
  const table = rows.map((r) => [
    r.case,
    fmt(r.adapter?.median),
    fmt(r.adapter?.p95),
    fmt(r.rawCurl?.median),
    fmt(r.rawCurl?.p95),
    fmt(r.rawFetch?.median),
    fmt(r.rawFetch?.p95),
    r.ratioCurl === undefined ? '' : r.ratioCurl.toFixed(2),
    r.ratioFetch === undefined ? '' : r.ratioFetch.toFixed(2),
    r.rows === undefined ? '' : String(r.rows),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ');
  console.log('\ntimes in ms');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const t of table) console.log(line(t));

  // The targets of issue #4: (a) sums for 500 cells over the evaluation window (2 h), (b) the full 10,000-cell scan.
  const primarySum = rows.find((r) => r.case.startsWith('sumWindow 500 cells, 2 h'));
  const scanRow = rows.find((r) => r.case.startsWith('latestIntervals') && r.case.endsWith('all counters'));
  const others = rows.filter((r) => r.ratioCurl !== undefined && r !== primarySum && r !== scanRow && !r.case.includes('alt:'));
  const checks = {
    sumWindow2hRatioCurl: primarySum?.ratioCurl,
    sumWindow2hRatioFetch: primarySum?.ratioFetch,
    scanRatioCurl: scanRow?.ratioCurl,
    scanRatioFetch: scanRow?.ratioFetch,
    scanMedianMs: scanRow?.adapter?.median,
    otherCasesRatioCurlMax: Math.max(...others.map((r) => r.ratioCurl as number)),
    otherCasesRatioFetchMax: Math.max(...others.map((r) => r.ratioFetch ?? Infinity)),
  };
  const verdict = {
    ratioWithin1_2: (checks.sumWindow2hRatioCurl ?? Infinity) <= 1.2 && (checks.scanRatioCurl ?? Infinity) <= 1.2,
    scanUnder2s: (checks.scanMedianMs ?? Infinity) < 2000,
  };
  const r2 = (x: number | undefined) => (x === undefined ? '?' : x.toFixed(2));
  console.log(
    `\ntargets: adapter/raw(curl) ≤ 1.2 → ${verdict.ratioWithin1_2 ? 'met' : 'NOT met'}` +
      ` (2 h sums ${r2(checks.sumWindow2hRatioCurl)}, scan ${r2(checks.scanRatioCurl)}; vs in-process fetch ${r2(checks.sumWindow2hRatioFetch)} and ${r2(checks.scanRatioFetch)});` +
      ` ${CELLS.toLocaleString('en')}-cell scan < 2 s → ${verdict.scanUnder2s ? 'met' : 'NOT met'} (median ${fmt(checks.scanMedianMs)} ms)`,
  );
  console.log(`other cases: adapter/curl max ${r2(checks.otherCasesRatioCurlMax)}, adapter/fetch max ${r2(checks.otherCasesRatioFetchMax)}`);
  const loadAverage = loadavg();
  console.log(`machine load average (1/5/15 min): ${loadAverage.map((l) => l.toFixed(2)).join(' / ')}`);

  const out = resolve(process.cwd(), 'bench-results/kpi.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    JSON.stringify(
      { at: new Date().toISOString(), influxUrl: baseUrl, database: DATABASE, dataset: DATASET, warmup: WARMUP, reps: REPS, loadAverage, rows, checks, verdict },
      null,
      2,
    ),
  );
  console.log(`results written to ${out}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
