/**
 * Benchmark of the network-view endpoint (GET /api/v1/tickets/{id}/network-view) with 10,000 stored views in a
 * dedicated PostgreSQL database. The API runs in a child process (the real app, createApiApp, logging every request at
 * LOG_LEVEL=info into a file); the load comes from this process, asking for random tickets:
 *
 * 1. a constant 500 req/s for 20 s, open loop (bench/paced-load.ts: each request is due at a fixed instant and its
 *    latency counts from then) — the target figure: p99 ≤ 20 ms;
 * 2. autocannon with overallRate 500 for 20 s, the figure earlier runs reported; autocannon paces per second, so this
 *    is a burst of 50 concurrent requests at the start of every second (see paced-load.ts), reported for comparison;
 * 3. autocannon at the maximum rate (50 connections, 15 s).
 *
 * Each phase also reports the API process's CPU time per request (user + system, all its threads) and the load
 * average: client, API and PostgreSQL share the machine's cores.
 *
 * The load generator runs with --single-threaded-gc and a fixed 16 MB semi-space (package.json): in an open-loop
 * measurement the client's own GC pauses count as latency of the requests due meanwhile, and on two shared cores its
 * parallel GC helpers waited for the API and PostgreSQL. The API process runs with Node's defaults, as in
 * production; BENCH_API_NODE_FLAGS adds flags to it. Each phase reports the API's event-loop delay and GC pauses.
 *
 * Run: npm run bench:api   (DATABASE_URL points at the server; a database cellscope_bench_api_<time> is created and dropped)
 * BENCH_LOG_LEVEL overrides the API's log level (default info); BENCH_CPU_PROF=<dir> writes the API process's CPU profile,
 * BENCH_HEAP_PROF=<file> a sampled profile of everything it allocated in the measured phases.
 */
import { fork, ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '@cellscope/config';
import {
  assembleNetworkView,
  Cell,
  CellKpiSums,
  DEFAULT_THRESHOLDS,
  evaluationWindow,
  NetworkView,
  Ticket,
} from '@cellscope/domain';
import { dropDatabase, NetworkViewRepository, withDatabaseName } from '@cellscope/persistence';
import { createApiApp } from '../apps/api/src/create-api-app';
import { runPacedLoad } from './paced-load';

const VIEWS = 10_000;
const API_KEY = 'bench-handler-key-0001';
const FIXED_RATE = 500;
const FIXED_SECONDS = 20;
const MAX_SECONDS = 15;
const WARM_UP_REQUESTS = 5_000;
const CONNECTIONS = 50;
const TARGET_P99_MS = 20;
const SERVE_FLAG = '--serve';

interface ServerReady {
  type: 'ready';
  port: number;
  seededMs: number;
  /** VACUUM ANALYZE and CHECKPOINT after the load. */
  settledMs: number;
}

interface ServerCpu {
  type: 'cpu';
  /** Microseconds of CPU (user + system) the API process used since it started. */
  micros: number;
  /** Event-loop stalls and GC pauses since the previous CPU query (each query starts a new count). */
  stalls: ServerStalls;
}

/** What kept the API's event loop from answering during a phase. */
interface ServerStalls {
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  gcPauses: number;
  /** Pauses by kind: minor (scavenge), major (mark-compact), incremental marking, weak callbacks. */
  gcKinds: Record<string, number>;
  gcTotalMs: number;
  gcMaxMs: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function ticketIdOf(n: number): string {
  return `BENCH-${String(n).padStart(6, '0')}`;
}

/** Window sums of a cell with plausible counters; `load` 0..1 drives PRB utilisation. */
function sums(cellId: string, load: number): CellKpiSums {
  return {
    cellId,
    intervals: 8,
    downIntervals: 0,
    counters: {
      prbDlUsed: Math.round(80_000 * load),
      prbDlAvail: 80_000,
      accessSucc: 7_950,
      accessAtt: 8_000,
      dropAbnormal: 30,
      dropTotal: 4_000,
      mrGood: 38_000,
      mrTotal: 40_000,
      thpDlVolKbit: 16_000_000 * (1.2 - load),
      thpDlTimeMs: 800_000,
      trafficMb: 2_000,
      unavailS: 0,
      periodS: 7_200,
    },
  };
}

/** One realistic view (two cells, verdict) per ticket number, built by the domain as the correlator does. */
function benchView(n: number): NetworkView {
  const occurredAt = new Date(Date.UTC(2026, 2, 2, 8, 0) - (n % 2000) * 15 * 60_000);
  const cells: Cell[] = [
    { cellId: `B-${n % 3000}-1`, name: `站点${n % 3000}-1`, siteId: `S-${n % 3000}`, siteType: 'MACRO', networkType: '4G', lat: 40.8, lon: 111.7, status: 'ACTIVE' },
    { cellId: `B-${(n + 7) % 3000}-2`, name: `站点${(n + 7) % 3000}-2`, siteId: `S-${(n + 7) % 3000}`, siteType: 'MICRO', networkType: '5G', lat: 40.81, lon: 111.71, status: 'ACTIVE' },
  ];
  const ticket: Ticket = {
    ticketId: ticketIdOf(n),
    version: 1,
    status: 'OPEN',
    msisdn: `138${String(10_000_000 + n).slice(-8)}`,
    reportedAt: new Date(occurredAt.getTime() + 20 * 60_000),
    occurredAt,
    symptom: n % 2 === 0 ? 'SLOW_DATA' : 'CALL_DROP',
    subscriber: { fiveGEnabled: true, volteEnabled: n % 5 !== 0, terminal: 'Bench Phone' },
  };
  const window = evaluationWindow(occurredAt, 60);
  return assembleNetworkView({
    ticket,
    complaintNo: `CSB${String(n).padStart(8, '0')}`,
    selected: [
      { cellId: cells[0].cellId, role: 'SERVING', selection: 'USAGE', usageShare: 0.7 },
      { cellId: cells[1].cellId, role: 'NEIGHBOR', selection: 'USAGE', usageShare: 0.3 },
    ],
    cells,
    windowSums: new Map([
      [cells[0].cellId, sums(cells[0].cellId, (n % 10) / 10)],
      [cells[1].cellId, sums(cells[1].cellId, 0.3)],
    ]),
    baselineSums: new Map([[cells[0].cellId, sums(cells[0].cellId, 0.4)]]),
    baselineDays: 7,
    thresholds: DEFAULT_THRESHOLDS,
    kpiDataThrough: window.to,
    window,
    now: new Date(window.to.getTime() + 60_000),
  });
}

/** Event-loop delay (sampled every 5 ms) and GC pauses of this process, counted from the last take(). */
function watchStalls(): { take(): ServerStalls } {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const gc = { pauses: 0, totalMs: 0, maxMs: 0, kinds: {} as Record<string, number> };
  const kindNames: Record<number, string> = {
    [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
    [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
    [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
    [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = kindNames[((entry as { detail?: { kind?: number } }).detail)?.kind ?? -1] ?? 'other';
      gc.kinds[kind] = (gc.kinds[kind] ?? 0) + 1;
      gc.pauses += 1;
      gc.totalMs += entry.duration;
      gc.maxMs = Math.max(gc.maxMs, entry.duration);
    }
  }).observe({ entryTypes: ['gc'] });
  const ms = (ns: number) => Number((ns / 1e6).toFixed(1));
  return {
    take() {
      const taken: ServerStalls = {
        loopDelayP99Ms: ms(loop.percentile(99)),
        loopDelayMaxMs: ms(loop.max),
        gcPauses: gc.pauses,
        gcKinds: gc.kinds,
        gcTotalMs: Number(gc.totalMs.toFixed(1)),
        gcMaxMs: Number(gc.maxMs.toFixed(1)),
      };
      loop.reset();
      Object.assign(gc, { pauses: 0, totalMs: 0, maxMs: 0, kinds: {} });
      return taken;
    },
  };
}

/** Child process: start the real API on the bench database, store the views, report the port; answer CPU queries. */
async function serve(): Promise<void> {
  const port = Number(process.env.BENCH_PORT);
  const config = loadConfig(process.env, {
    CELLSCOPE_KPI_STORE: 'memory',
    CELLSCOPE_BUS: 'memory',
    CELLSCOPE_API_KEYS: `${API_KEY}:handler`,
    API_HOST: '127.0.0.1',
    API_PORT: port,
    GRPC_PORT: Number(process.env.BENCH_GRPC_PORT),
    API_RATE_LIMIT_PER_MINUTE: 100_000_000,
    LOG_LEVEL: (process.env.BENCH_LOG_LEVEL ?? 'info') as AppConfig['LOG_LEVEL'],
  });
  // Synchronous writes, as pino writes to stdout by default.
  const logDestination = pino.destination({ dest: String(process.env.BENCH_LOG_FILE), sync: true });
  const app = await createApiApp(config, { logDestination });
  await app.startAllMicroservices();
  await app.listen(config.API_PORT, config.API_HOST);
  const stalls = watchStalls();
  const views = app.get(NetworkViewRepository);
  const started = Date.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < VIEWS) await views.save(benchView(next++));
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  const seededMs = Date.now() - started;
  // The bulk load's after-effects (autovacuum, the checkpoint flushing its pages) are not the endpoint's steady state:
  // done here, before the measured phases, instead of during them.
  const settling = Date.now();
  const dataSource = app.get(DataSource);
  await dataSource.query('VACUUM ANALYZE network_views');
  await dataSource.query('VACUUM ANALYZE network_view_cells');
  await dataSource.query('CHECKPOINT');
  const heapProfile = await startAllocationSampling(process.env.BENCH_HEAP_PROF);
  process.send?.({ type: 'ready', port, seededMs, settledMs: Date.now() - settling } satisfies ServerReady);
  process.on('message', async (message) => {
    if (message === 'cpu') {
      const usage = process.cpuUsage();
      process.send?.({ type: 'cpu', micros: usage.user + usage.system, stalls: stalls.take() } satisfies ServerCpu);
    } else if (message === 'stop') {
      await heapProfile?.();
      await app.close();
      process.exit(0);
    }
  });
}

/**
 * BENCH_HEAP_PROF=<file>: samples every allocation of the measured phases, also of objects a GC collected since
 * (what drives the minor GCs), and writes a .heapprofile (Chrome DevTools format) there when the API stops.
 */
async function startAllocationSampling(file: string | undefined): Promise<(() => Promise<void>) | undefined> {
  if (!file) return undefined;
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 16_384,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  return async () => {
    const { profile } = await session.post('HeapProfiler.stopSampling');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}

/** CPU the API process has used so far (microseconds), and its stalls since the previous call. */
function serverCpu(server: ChildProcess): Promise<ServerCpu> {
  return new Promise((resolve) => {
    const onMessage = (message: unknown): void => {
      if ((message as ServerCpu | null)?.type !== 'cpu') return;
      server.off('message', onMessage);
      resolve(message as ServerCpu);
    };
    server.on('message', onMessage);
    server.send('cpu');
  });
}

/** Server-side view of one phase: API CPU per request, this process's CPU per request and the load average after it. */
interface PhaseCost {
  serverStalls: ServerStalls;
  serverCpuMsPerRequest: number;
  clientCpuMsPerRequest: number;
  loadAverage1m: number;
}

async function measured<T>(server: ChildProcess, phase: () => Promise<T>, requests: (result: T) => number): Promise<{ result: T; cost: PhaseCost }> {
  const serverBefore = await serverCpu(server);
  const clientBefore = process.cpuUsage();
  const result = await phase();
  const client = process.cpuUsage(clientBefore);
  const serverAfter = await serverCpu(server);
  const serverMicros = serverAfter.micros - serverBefore.micros;
  const count = Math.max(1, requests(result));
  return {
    result,
    cost: {
      serverStalls: serverAfter.stalls,
      serverCpuMsPerRequest: Number((serverMicros / count / 1000).toFixed(3)),
      clientCpuMsPerRequest: Number(((client.user + client.system) / count / 1000).toFixed(3)),
      loadAverage1m: Number(loadavg()[0].toFixed(2)),
    },
  };
}

function costText(cost: PhaseCost): string {
  const st = cost.serverStalls;
  return (
    `API CPU ${cost.serverCpuMsPerRequest} ms/request, client CPU ${cost.clientCpuMsPerRequest} ms/request, load average ${cost.loadAverage1m}\n` +
    `  API event-loop delay p99 ${st.loopDelayP99Ms} ms, max ${st.loopDelayMaxMs} ms; GC ${st.gcPauses} pauses ${JSON.stringify(st.gcKinds)}, ${st.gcTotalMs} ms in all, longest ${st.gcMaxMs} ms`
  );
}

function viewPath(): string {
  return `/api/v1/tickets/${ticketIdOf(Math.floor(Math.random() * VIEWS))}/network-view`;
}

async function autocannonRun(
  label: string,
  port: number,
  options: { connections: number; duration?: number; amount?: number; overallRate?: number },
): Promise<autocannon.AutocannonResult> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    ...options,
    headers: { 'X-API-Key': API_KEY },
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: viewPath() }) }],
  });
  console.log(
    `${label}: ${result.requests.average.toFixed(0)} req/s, latency p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, ` +
      `p99 ${result.latency.p99} ms, max ${result.latency.max} ms, ${result['2xx']} × 2xx, ${result.non2xx} non-2xx, ${result.errors} errors`,
  );
  return result;
}

/** The view route's http_request_duration_seconds as the API measured it (cumulative since start). */
interface ServerHistogram {
  count: number;
  sumSeconds: number;
  within20ms: number;
}

async function serverHistogram(port: number): Promise<ServerHistogram> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const labels = 'route="/api/v1/tickets/:ticketIdOrComplaintNo/network-view",method="GET",status="200"';
  const escaped = labels.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const value = (line: RegExp): number => Number(line.exec(text)?.[1] ?? 0);
  return {
    count: value(new RegExp(`http_request_duration_seconds_count\\{${escaped}\\} (\\S+)`)),
    sumSeconds: value(new RegExp(`http_request_duration_seconds_sum\\{${escaped}\\} (\\S+)`)),
    within20ms: value(new RegExp(`http_request_duration_seconds_bucket\\{le="0.02",${escaped}\\} (\\S+)`)),
  };
}

/** Mean and share within 20 ms of the requests the API served between two snapshots. */
function serverSide(before: ServerHistogram, after: ServerHistogram): { requests: number; meanMs: number; shareWithin20ms: number } {
  const requests = after.count - before.count;
  return {
    requests,
    meanMs: Number((((after.sumSeconds - before.sumSeconds) / Math.max(1, requests)) * 1000).toFixed(2)),
    shareWithin20ms: Number(((after.within20ms - before.within20ms) / Math.max(1, requests)).toFixed(4)),
  };
}

function serverSideText(side: ReturnType<typeof serverSide>): string {
  return `API-side ${side.requests} requests, mean ${side.meanMs} ms, ${(side.shareWithin20ms * 100).toFixed(1)} % within 20 ms`;
}

async function main(): Promise<void> {
  const base = loadConfig(process.env);
  const stamp = Date.now().toString(36);
  const databaseUrl = withDatabaseName(base.DATABASE_URL, `cellscope_bench_api_${stamp}`);
  const logFile = join(tmpdir(), `cellscope-bench-api-${stamp}.log`);
  const [port, grpcPort] = [await freePort(), await freePort()];
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  try {
    child = fork(__filename, [SERVE_FLAG], {
      env: { ...process.env, DATABASE_URL: databaseUrl, BENCH_PORT: String(port), BENCH_GRPC_PORT: String(grpcPort), BENCH_LOG_FILE: logFile },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // BENCH_API_NODE_FLAGS: extra Node flags; BENCH_CPU_PROF=<dir>: a V8 CPU profile written there when it stops.
      execArgv: [
        ...(process.env.BENCH_API_NODE_FLAGS ?? '').split(' ').filter(Boolean),
        ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
      ],
    });
    const server = child;
    const ready = await new Promise<ServerReady>((resolve, reject) => {
      server.once('message', (message) => resolve(message as ServerReady));
      server.once('exit', (code) => reject(new Error(`API process exited with ${code} before it was ready`)));
    });
    console.log(`view document ${Buffer.byteLength(JSON.stringify(benchView(0)))} bytes as JSON`);
    console.log(
      `stored ${VIEWS} views in ${(ready.seededMs / 1000).toFixed(1)} s (database ${databaseUrl.split('/').pop()}); ` +
        `VACUUM ANALYZE and CHECKPOINT ${(ready.settledMs / 1000).toFixed(1)} s`,
    );
    console.log(`API log level ${process.env.BENCH_LOG_LEVEL ?? 'info'}, log file ${logFile}; load average before the runs ${loadavg()[0].toFixed(2)}`);
    // By count, not time: on a busy machine a few seconds may not be enough requests for the JIT to settle.
    await autocannonRun('warm-up', port, { connections: 10, amount: WARM_UP_REQUESTS });

    const beforeFixed = await serverHistogram(port);
    const fixed = await measured(
      server,
      () => runPacedLoad({ url, rate: FIXED_RATE, seconds: FIXED_SECONDS, connections: CONNECTIONS, headers: { 'X-API-Key': API_KEY }, path: viewPath }),
      (result) => result.sent,
    );
    const fixedServer = serverSide(beforeFixed, await serverHistogram(port));
    const f = fixed.result;
    console.log(
      `fixed ${FIXED_RATE} req/s (open loop, evenly spaced): ${f.reqPerSec} req/s, latency p50 ${f.latency.p50} ms, p90 ${f.latency.p90} ms, ` +
        `p99 ${f.latency.p99} ms, p99.9 ${f.latency.p999} ms, max ${f.latency.max} ms, ${f.ok2xx} × 2xx, ${f.non2xx} non-2xx, ${f.errors} errors${f.errors > 0 ? ` ${JSON.stringify(f.errorKinds)}` : ''} ` +
        `(client send lag ≤ ${f.maxSendLagMs} ms)\n  ${serverSideText(fixedServer)}; ${costText(fixed.cost)}`,
    );

    const beforeBursts = await serverHistogram(port);
    const bursts = await measured(
      server,
      () => autocannonRun(`autocannon overallRate ${FIXED_RATE} (per-second bursts, for comparison)`, port, { connections: CONNECTIONS, duration: FIXED_SECONDS, overallRate: FIXED_RATE }),
      (result) => result.requests.total,
    );
    console.log(`  ${serverSideText(serverSide(beforeBursts, await serverHistogram(port)))}; ${costText(bursts.cost)}`);

    const beforeMax = await serverHistogram(port);
    const max = await measured(server, () => autocannonRun('max rate', port, { connections: CONNECTIONS, duration: MAX_SECONDS }), (result) => result.requests.total);
    console.log(`  ${serverSideText(serverSide(beforeMax, await serverHistogram(port)))}; ${costText(max.cost)}`);

    const served = (await serverHistogram(port)).count;
    const requestLines = readFileSync(logFile, 'utf8').split('\n').filter((line) => line.includes('"msg":"request completed"')).length;
    console.log(`request log lines: ${requestLines} for ${served} view requests served`);

    const summary = {
      views: VIEWS,
      fixedRate: {
        target: FIXED_RATE,
        load: 'open loop, evenly spaced',
        reqPerSec: f.reqPerSec,
        p50Ms: f.latency.p50,
        p99Ms: f.latency.p99,
        maxMs: f.latency.max,
        non2xx: f.non2xx,
        errors: f.errors,
        serverSide: fixedServer,
        ...fixed.cost,
      },
      autocannonOverallRate: { reqPerSec: Math.round(bursts.result.requests.average), p50Ms: bursts.result.latency.p50, p99Ms: bursts.result.latency.p99 },
      maxRate: { reqPerSec: Math.round(max.result.requests.average), p99Ms: max.result.latency.p99, non2xx: max.result.non2xx, errors: max.result.errors, ...max.cost },
      requestLogLines: requestLines,
      targetMet: f.latency.p99 <= TARGET_P99_MS && f.reqPerSec >= FIXED_RATE * 0.98 && f.non2xx === 0 && f.errors === 0,
    };
    console.log(JSON.stringify(summary));
    if (!summary.targetMet) process.exitCode = 1;
  } finally {
    if (child && child.exitCode === null) {
      const stopped = new Promise((resolve) => child!.once('exit', resolve));
      child.send('stop');
      await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(logFile, { force: true });
    await dropDatabase(databaseUrl).catch((error: unknown) => console.error('could not drop the bench database:', error));
  }
}

if (process.argv.includes(SERVE_FLAG)) {
  serve().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
