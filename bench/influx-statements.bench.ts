/**
 * bench:influx-statements — what the correlator's KPI reads cost InfluxDB, batched against naive, per part.
 *
 * Reads the data set of bench:correlate (run that first: it loads 10,000 cells × 2 days into InfluxDB) through the
 * real InfluxKpiRepository, with the correlator's read pattern for chunks of bench tickets (three cells each): the
 * evaluation-window sums, the 7-day traffic baseline and the "KPI data through" read. Batched: one sumWindows call
 * per chunk and kind (tickets grouped by window) and one dataThrough per chunk, as CorrelationService does. Naive:
 * one sumWindow per ticket, cell and window and one dataThrough per ticket. For each part it reports InfluxDB's CPU
 * (from /proc) and the wall time per ticket, and the naive/batched ratio, all measured in one run.
 *
 * Env: BENCH_CHUNK (1000, tickets per batched call, as KAFKA_CHUNK_SIZE), BENCH_CHUNKS (5), BENCH_NAIVE_TICKETS
 * (1000), BENCH_RESULT_FILE (bench-results/influx-statements.json), INFLUX_URL.
 */
import { dirname } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadConfig } from '@cellscope/config';
import { baselineWindow, evaluationWindow, TimeWindow } from '@cellscope/domain';
import { InfluxHttpClient, InfluxKpiRepository, KpiSelection, KpiWindowQuery } from '@cellscope/kpi';
import { benchTicketShape, INFLUX_DB, prng } from './correlate-bench.dataset';
import { pidListeningOn, processCpuSeconds } from './server-process';

const CHUNK = Number(process.env.BENCH_CHUNK ?? 1000);
const CHUNKS = Number(process.env.BENCH_CHUNKS ?? 5);
const NAIVE_TICKETS = Number(process.env.BENCH_NAIVE_TICKETS ?? 1000);
const RESULT_FILE = process.env.BENCH_RESULT_FILE ?? 'bench-results/influx-statements.json';
/** As the correlator: the baseline only feeds daily traffic, and its interval count is not used. */
const BASELINE_SELECTION: KpiSelection = { counters: ['trafficMb'], percents: [] };
const BASELINE_DAYS = 7;

const log = (text: string) => process.stderr.write(`[bench:influx-statements] ${text}\n`);

interface BenchTicket {
  cellIds: string[];
  window: TimeWindow;
  baseline: TimeWindow;
}

type Part = 'window' | 'baseline' | 'dataThrough';
const PARTS: Part[] = ['window', 'baseline', 'dataThrough'];

interface PartCost {
  influxCpuMsPerTicket: number;
  wallMsPerTicket: number;
}

function benchTickets(count: number, seed: number, windowMinutes: number): BenchTicket[] {
  const random = prng(seed);
  return Array.from({ length: count }, () => {
    const { occurred, cellIds } = benchTicketShape(random);
    const at = new Date(occurred);
    return { cellIds, window: evaluationWindow(at, windowMinutes), baseline: baselineWindow(at, BASELINE_DAYS) };
  });
}

/** One query per distinct window with the union of its tickets' cells, as CorrelationService groups them. */
function windowQueries(tickets: readonly BenchTicket[], windowOf: (t: BenchTicket) => TimeWindow, select?: KpiSelection): KpiWindowQuery[] {
  const groups = new Map<string, { window: TimeWindow; cells: Set<string> }>();
  for (const t of tickets) {
    const w = windowOf(t);
    const key = `${w.from.getTime()}-${w.to.getTime()}`;
    const group = groups.get(key) ?? { window: w, cells: new Set<string>() };
    for (const id of t.cellIds) group.cells.add(id);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => ({ cellIds: [...g.cells], window: g.window, select, countIntervals: select === undefined }));
}

async function measure(influxd: number, tickets: number, run: () => Promise<unknown>): Promise<PartCost> {
  const cpu0 = processCpuSeconds(influxd);
  const t0 = performance.now();
  await run();
  const wallMs = performance.now() - t0;
  const cpuMs = (processCpuSeconds(influxd) - cpu0) * 1000;
  return { influxCpuMsPerTicket: cpuMs / tickets, wallMsPerTicket: wallMs / tickets };
}

function add(total: Record<Part, { cpuMs: number; wallMs: number; tickets: number }>, part: Part, cost: PartCost, tickets: number): void {
  total[part].cpuMs += cost.influxCpuMsPerTicket * tickets;
  total[part].wallMs += cost.wallMsPerTicket * tickets;
  total[part].tickets += tickets;
}

function perTicket(total: Record<Part, { cpuMs: number; wallMs: number; tickets: number }>): Record<Part | 'all', PartCost> {
  const out = {} as Record<Part | 'all', PartCost>;
  let cpu = 0;
  let wall = 0;
  for (const part of PARTS) {
    const t = total[part];
    out[part] = { influxCpuMsPerTicket: t.cpuMs / t.tickets, wallMsPerTicket: t.wallMs / t.tickets };
    cpu += out[part].influxCpuMsPerTicket;
    wall += out[part].wallMsPerTicket;
  }
  out.all = { influxCpuMsPerTicket: cpu, wallMsPerTicket: wall };
  return out;
}

const emptyTotals = () => Object.fromEntries(PARTS.map((p) => [p, { cpuMs: 0, wallMs: 0, tickets: 0 }])) as Record<Part, { cpuMs: number; wallMs: number; tickets: number }>;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const influxd = pidListeningOn(Number(new URL(config.INFLUX_URL).port || 8086));
  if (influxd === undefined) throw new Error(`no process listens on the port of ${config.INFLUX_URL} here: this benchmark needs the local InfluxDB (deploy/local/up)`);
  const client = new InfluxHttpClient({ url: config.INFLUX_URL, database: INFLUX_DB, timeoutMs: 60_000, maxRetries: 2 });
  const probe = await client.query('SELECT count("traffic_mb") FROM "cell_kpi" WHERE time >= 0');
  const points = probe[0]?.series[0]?.values[0]?.[1];
  if (!(typeof points === 'number' && points > 0)) throw new Error(`InfluxDB database ${INFLUX_DB} holds no bench data: run npm run bench:correlate first`);
  log(`${points} KPI points in ${INFLUX_DB}; influxd pid ${influxd}`);
  const kpis = new InfluxKpiRepository(client);
  const windowMinutes = config.CORRELATION_WINDOW_MINUTES;

  // Warm-up: one batched chunk, not counted (the first reads load index and blocks).
  const warm = benchTickets(CHUNK, 100, windowMinutes);
  await kpis.sumWindows(windowQueries(warm, (t) => t.window));

  const batched = emptyTotals();
  for (let c = 0; c < CHUNKS; c++) {
    const chunk = benchTickets(CHUNK, 200 + c, windowMinutes);
    const cells = [...new Set(chunk.flatMap((t) => t.cellIds))];
    const since = new Date(Math.min(...chunk.map((t) => t.window.from.getTime())));
    add(batched, 'dataThrough', await measure(influxd, CHUNK, () => kpis.dataThrough(cells, since)), CHUNK);
    add(batched, 'window', await measure(influxd, CHUNK, () => kpis.sumWindows(windowQueries(chunk, (t) => t.window))), CHUNK);
    add(batched, 'baseline', await measure(influxd, CHUNK, () => kpis.sumWindows(windowQueries(chunk, (t) => t.baseline, BASELINE_SELECTION))), CHUNK);
    log(`  batched chunk ${c + 1}/${CHUNKS} (${CHUNK} tickets, ${cells.length} cells)`);
  }

  const naive = emptyTotals();
  const naiveTickets = benchTickets(NAIVE_TICKETS, 300, windowMinutes);
  for (const t of naiveTickets) {
    add(naive, 'dataThrough', await measure(influxd, 1, () => kpis.dataThrough(t.cellIds)), 1);
    add(naive, 'window', await measure(influxd, 1, async () => { for (const id of t.cellIds) await kpis.sumWindow([id], t.window); }), 1);
    add(naive, 'baseline', await measure(influxd, 1, async () => { for (const id of t.cellIds) await kpis.sumWindow([id], t.baseline); }), 1);
  }
  log(`  naive: ${NAIVE_TICKETS} tickets`);

  const b = perTicket(batched);
  const n = perTicket(naive);
  log(`per ticket (3 cells)      batched: influxd CPU / wall     naive: influxd CPU / wall     naive ÷ batched (CPU)`);
  for (const part of [...PARTS, 'all'] as const) {
    log(
      `  ${part.padEnd(12)} ${b[part].influxCpuMsPerTicket.toFixed(3).padStart(16)} ms / ${b[part].wallMsPerTicket.toFixed(3)} ms` +
        `   ${n[part].influxCpuMsPerTicket.toFixed(3).padStart(10)} ms / ${n[part].wallMsPerTicket.toFixed(3)} ms` +
        `   ${(n[part].influxCpuMsPerTicket / b[part].influxCpuMsPerTicket).toFixed(1).padStart(8)}×`,
    );
  }
  const result = { date: new Date().toISOString(), chunk: CHUNK, chunks: CHUNKS, naiveTickets: NAIVE_TICKETS, batched: b, naive: n };
  mkdirSync(dirname(RESULT_FILE), { recursive: true });
  writeFileSync(RESULT_FILE, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error: unknown) => {
  log(`failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  process.exit(1);
});
