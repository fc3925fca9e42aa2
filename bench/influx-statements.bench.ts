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
import { BASELINE_QUERY, groupByWindow } from '@cellscope/correlation';
import { baselineWindow, evaluationWindow, TimeWindow } from '@cellscope/domain';
import { InfluxHttpClient, InfluxKpiRepository, KpiWindowQuery } from '@cellscope/kpi';
import { benchTicketShape, INFLUX_DB, prng } from './correlate-bench.dataset';
import { pidListeningOn, processCpuSeconds } from './server-process';

const CHUNK = Number(process.env.BENCH_CHUNK ?? 1000);
const CHUNKS = Number(process.env.BENCH_CHUNKS ?? 5);
const NAIVE_TICKETS = Number(process.env.BENCH_NAIVE_TICKETS ?? 1000);
const RESULT_FILE = process.env.BENCH_RESULT_FILE ?? 'bench-results/influx-statements.json';

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

/** What a part cost over all the tickets it was measured for. */
interface PartTotal {
  cpuMs: number;
  wallMs: number;
  tickets: number;
}

function benchTickets(count: number, seed: number, windowMinutes: number): BenchTicket[] {
  const random = prng(seed);
  return Array.from({ length: count }, () => {
    const { occurred, cellIds } = benchTicketShape(random);
    const at = new Date(occurred);
    return { cellIds, window: evaluationWindow(at, windowMinutes), baseline: baselineWindow(at) };
  });
}

/** The queries of one sumWindows call of the correlator: one per distinct window, with the union of its cells. */
function windowQueries(tickets: readonly BenchTicket[], windowOf: (t: BenchTicket) => TimeWindow, only?: typeof BASELINE_QUERY): KpiWindowQuery[] {
  return groupByWindow(tickets, windowOf, (t) => t.cellIds).map((g) => ({ cellIds: g.cellIds, window: g.window, ...only }));
}

/** Runs one part for `tickets` tickets and adds InfluxDB's CPU and the wall time it took to the part's total. */
async function measure(influxd: number, total: PartTotal, tickets: number, run: () => Promise<unknown>): Promise<void> {
  const cpu0 = processCpuSeconds(influxd);
  const t0 = performance.now();
  await run();
  total.wallMs += performance.now() - t0;
  total.cpuMs += (processCpuSeconds(influxd) - cpu0) * 1000;
  total.tickets += tickets;
}

function perTicket(total: Record<Part, PartTotal>): Record<Part | 'all', PartCost> {
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

const emptyTotals = () => Object.fromEntries(PARTS.map((p) => [p, { cpuMs: 0, wallMs: 0, tickets: 0 }])) as Record<Part, PartTotal>;

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
    await measure(influxd, batched.dataThrough, CHUNK, () => kpis.dataThrough(cells, since));
    await measure(influxd, batched.window, CHUNK, () => kpis.sumWindows(windowQueries(chunk, (t) => t.window)));
    await measure(influxd, batched.baseline, CHUNK, () => kpis.sumWindows(windowQueries(chunk, (t) => t.baseline, BASELINE_QUERY)));
    log(`  batched chunk ${c + 1}/${CHUNKS} (${CHUNK} tickets, ${cells.length} cells)`);
  }

  const naive = emptyTotals();
  const naiveTickets = benchTickets(NAIVE_TICKETS, 300, windowMinutes);
  for (const t of naiveTickets) {
    await measure(influxd, naive.dataThrough, 1, () => kpis.dataThrough(t.cellIds));
    await measure(influxd, naive.window, 1, async () => { for (const id of t.cellIds) await kpis.sumWindow([id], t.window); });
    await measure(influxd, naive.baseline, 1, async () => { for (const id of t.cellIds) await kpis.sumWindow([id], t.baseline); });
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
