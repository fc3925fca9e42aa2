/**
 * Benchmark of the network-view endpoint (GET /api/v1/tickets/{id}/network-view) with 10,000 stored views in a
 * dedicated PostgreSQL database. The API runs in a child process (the real app, createApiApp); autocannon drives
 * it from this process at a fixed 500 req/s and then at the maximum rate, asking for random tickets.
 *
 * Run: npm run bench:api   (DATABASE_URL points at the server; a database cellscope_bench_api_<time> is created and dropped)
 */
import { fork, ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import autocannon from 'autocannon';
import { loadConfig } from '@cellscope/config';
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

const VIEWS = 10_000;
const API_KEY = 'bench-handler-key-0001';
const FIXED_RATE = 500;
const FIXED_SECONDS = 20;
const MAX_SECONDS = 15;
const SERVE_FLAG = '--serve';

interface ServerReady {
  type: 'ready';
  port: number;
  seededMs: number;
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

/** Child process: start the real API on the bench database, store the views, report the port. */
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
    LOG_LEVEL: 'warn',
  });
  const app = await createApiApp(config);
  await app.startAllMicroservices();
  await app.listen(config.API_PORT, config.API_HOST);
  const views = app.get(NetworkViewRepository);
  const started = Date.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < VIEWS) await views.save(benchView(next++));
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  process.send?.({ type: 'ready', port, seededMs: Date.now() - started } satisfies ServerReady);
  process.on('message', async (message) => {
    if (message === 'stop') {
      await app.close();
      process.exit(0);
    }
  });
}

async function run(label: string, port: number, options: { connections: number; duration: number; overallRate?: number }): Promise<autocannon.AutocannonResult> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: options.connections,
    duration: options.duration,
    overallRate: options.overallRate,
    headers: { 'X-API-Key': API_KEY },
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => ({ ...request, path: `/api/v1/tickets/${ticketIdOf(Math.floor(Math.random() * VIEWS))}/network-view` }),
      },
    ],
  });
  console.log(
    `${label}: ${result.requests.average.toFixed(0)} req/s, latency p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, ` +
      `p99 ${result.latency.p99} ms, max ${result.latency.max} ms, ${result['2xx']} × 2xx, ${result.non2xx} non-2xx, ${result.errors} errors`,
  );
  return result;
}

/** Mean latency and share within 20 ms of the view route as the server measured it (from /metrics). */
async function serverSideLatency(port: number): Promise<{ count: number; meanMs: number; within20ms: number }> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const labels = 'route="/api/v1/tickets/:ticketIdOrComplaintNo/network-view",method="GET",status="200"';
  const value = (line: RegExp): number => Number(line.exec(text)?.[1] ?? NaN);
  const escaped = labels.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const count = value(new RegExp(`http_request_duration_seconds_count\\{${escaped}\\} (\\S+)`));
  const sum = value(new RegExp(`http_request_duration_seconds_sum\\{${escaped}\\} (\\S+)`));
  const within = value(new RegExp(`http_request_duration_seconds_bucket\\{le="0.02",${escaped}\\} (\\S+)`));
  return { count, meanMs: (sum / count) * 1000, within20ms: within / count };
}

async function main(): Promise<void> {
  const base = loadConfig(process.env);
  const databaseUrl = withDatabaseName(base.DATABASE_URL, `cellscope_bench_api_${Date.now().toString(36)}`);
  const [port, grpcPort] = [await freePort(), await freePort()];
  let child: ChildProcess | undefined;
  try {
    child = fork(__filename, [SERVE_FLAG], {
      env: { ...process.env, DATABASE_URL: databaseUrl, BENCH_PORT: String(port), BENCH_GRPC_PORT: String(grpcPort) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const server = child;
    const ready = await new Promise<ServerReady>((resolve, reject) => {
      server.once('message', (message) => resolve(message as ServerReady));
      server.once('exit', (code) => reject(new Error(`API process exited with ${code} before it was ready`)));
    });
    console.log(`stored ${VIEWS} views in ${(ready.seededMs / 1000).toFixed(1)} s (database ${databaseUrl.split('/').pop()})`);
    await run('warm-up', port, { connections: 10, duration: 3 });
    const fixed = await run(`fixed ${FIXED_RATE} req/s`, port, { connections: 50, duration: FIXED_SECONDS, overallRate: FIXED_RATE });
    const max = await run('max rate', port, { connections: 50, duration: MAX_SECONDS });
    const serverTimes = await serverSideLatency(port);
    console.log(
      `server side (http_request_duration_seconds, all runs): ${serverTimes.count} requests, mean ${serverTimes.meanMs.toFixed(2)} ms, ` +
        `${(serverTimes.within20ms * 100).toFixed(1)} % within 20 ms`,
    );
    const summary = {
      views: VIEWS,
      serverSide: { meanMs: Number(serverTimes.meanMs.toFixed(2)), shareWithin20ms: Number(serverTimes.within20ms.toFixed(4)) },
      fixedRate: { target: FIXED_RATE, reqPerSec: Math.round(fixed.requests.average), p99Ms: fixed.latency.p99, non2xx: fixed.non2xx, errors: fixed.errors },
      maxRate: { reqPerSec: Math.round(max.requests.average), p99Ms: max.latency.p99, non2xx: max.non2xx, errors: max.errors },
      targetMet: fixed.latency.p99 <= 20 && fixed.non2xx === 0 && fixed.errors === 0,
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
