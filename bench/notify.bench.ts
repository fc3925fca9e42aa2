/**
 * bench:notify — the notifier against the real stack with 10,000 cells.
 *
 * 10,000 cells (2,500 sites of 4) with two hours of 15-minute KPIs in InfluxDB, the inventory, 50 subscribers' usage
 * per site and 2,000 recent tickets in PostgreSQL. Measures (1) the duration of one detection tick (leader: KPI scan
 * of all cells, inventory, open incidents, complaint clusters, outbox commit, publish) with nothing changing and with
 * one site going down; (2) with the real ticker at NOTIFIER_TICK_MS = 2000, the latency from writing the KPI points
 * that show a site down to its first OUTAGE_NOTICE arriving on the Kafka SMS topic. Targets: tick ≤ 2 s,
 * latency ≤ one tick + 5 s. Results go to stdout and bench-results/notify.json.
 *
 * Env: BENCH_TICKS (10), BENCH_LATENCY_TRIALS (10), plus KAFKA_BROKERS / INFLUX_URL / DATABASE_URL. A database
 * cellscope_bench_notify_<time>, an InfluxDB database of the same name and two topics are created and removed.
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Kafka, logLevel } from 'kafkajs';
import { AppConfig, loadConfig } from '@cellscope/config';
import { Cell, CellKpiInterval, NetworkView, SmsNotification, UsageRecord } from '@cellscope/domain';
import { InfluxHttpClient, InfluxKpiWriter, quoteIdentifier } from '@cellscope/kpi';
import { NotifierTicker, TickOutcome } from '@cellscope/notification';
import { CellRepository, dropDatabase, ensureDatabaseExists, NetworkViewRepository, UsageRepository, withDatabaseName } from '@cellscope/persistence';
import { NotifierModule } from '../apps/notifier/src/notifier.module';

const SITES = 2_500;
const CELLS_PER_SITE = 4;
const SUBSCRIBERS_PER_SITE = 50;
const TICKETS = 2_000;
const INTERVAL_MS = 15 * 60_000;
const HISTORY_INTERVALS = 8;
const TICKS = Number(process.env.BENCH_TICKS ?? 10);
const LATENCY_TRIALS = Number(process.env.BENCH_LATENCY_TRIALS ?? 10);
const TICK_MS = 2_000;
const TARGET_TICK_MS = 2_000;
const TARGET_LATENCY_MS = TICK_MS + 5_000;

const log = (text: string) => process.stderr.write(`[bench:notify] ${text}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const siteId = (s: number) => `bsite-${String(s).padStart(4, '0')}`;
const cellId = (s: number, c: number) => `bcell-${String(s).padStart(4, '0')}-${c}`;
const msisdn = (s: number, k: number) => `86135${String(s).padStart(4, '0')}${String(k).padStart(4, '0')}`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function summary(values: number[]): { p50: number; p95: number; max: number; mean: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(...values), mean: Math.round(mean) };
}

function counters(down: boolean, seed: number): CellKpiInterval['counters'] {
  return {
    prbDlUsed: 30 + (seed % 50),
    prbDlAvail: 100,
    accessSucc: 995,
    accessAtt: 1000,
    dropAbnormal: 3,
    dropTotal: 1000,
    mrGood: 970,
    mrTotal: 1000,
    thpDlVolKbit: 600_000,
    thpDlTimeMs: 20_000,
    trafficMb: 2_000,
    unavailS: down ? 900 : 0,
    periodS: 900,
  };
}

function cells(): Cell[] {
  const out: Cell[] = [];
  for (let s = 0; s < SITES; s++) {
    for (let c = 0; c < CELLS_PER_SITE; c++) {
      out.push({
        cellId: cellId(s, c),
        name: `Bench ${s}-${c}`,
        siteId: siteId(s),
        siteName: `基准站${s}`,
        siteType: 'MACRO',
        networkType: c % 2 ? '5G' : '4G',
        lat: 40 + (s % 50) / 100,
        lon: 111 + Math.floor(s / 50) / 100,
        azimuth: c * 90,
        status: 'ACTIVE',
      });
    }
  }
  return out;
}

function view(i: number, occurredAt: Date): NetworkView {
  const s = i % SITES;
  const at = occurredAt.toISOString();
  return {
    ticketId: `BENCH-WO-${i}`,
    complaintNo: `BENCH-CS-${i}`,
    status: 'FINAL',
    version: 1,
    msisdn: msisdn(s, 9000 + (i % 100)),
    symptom: 'SLOW_DATA',
    symptomSource: 'TICKET',
    reportedAt: at,
    occurredAt: at,
    window: { from: at, to: at },
    kpiDataThrough: at,
    userSide: {},
    cells: [{ cellId: cellId(s, i % CELLS_PER_SITE), role: 'SERVING', selection: 'TICKET', name: 'x', siteId: siteId(s), siteType: 'MACRO', networkType: '4G', kpis: {} as NetworkView['cells'][number]['kpis'], findings: [] }],
    verdict: { networkRelated: false, cause: 'NO_NETWORK_ISSUE', confidence: 0.5, summary: { zh: '', en: '' }, evidence: [], suggestedReply: { zh: '', en: '' } },
    correlatedAt: at,
  };
}

async function main(): Promise<void> {
  const stamp = Date.now().toString(36);
  const name = `cellscope_bench_notify_${stamp}`;
  const base = loadConfig(process.env);
  const dbUrl = withDatabaseName(base.DATABASE_URL, name);
  const topics = { TOPIC_SMS: `bench.notify.${stamp}.sms`, TOPIC_NETWORK_CONTEXT: `bench.notify.${stamp}.context` };
  const env = {
    ...process.env,
    DATABASE_URL: dbUrl,
    INFLUX_DATABASE: name,
    NOTIFIER_KAFKA_GROUP_ID: `bench.notify.${stamp}`,
    NOTIFIER_QUIET_HOURS: '00:00-00:00',
    NOTIFIER_DAILY_CAP: '100',
    LOG_LEVEL: 'warn',
  };
  const configFor = (tickMs: number): AppConfig => loadConfig({ ...env, NOTIFIER_TICK_MS: String(tickMs) }, topics);

  const kafka = new Kafka({ clientId: 'bench-notify', brokers: base.KAFKA_BROKERS, logLevel: logLevel.ERROR });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: Object.values(topics).map((topic) => ({ topic, numPartitions: base.KAFKA_PARTITIONS })) });
  await ensureDatabaseExists(dbUrl);
  const influx = new InfluxHttpClient({ url: base.INFLUX_URL, database: name, timeoutMs: 60_000, maxRetries: 2 });
  await influx.query(`CREATE DATABASE ${quoteIdentifier(name)}`, { method: 'POST' });
  const writer = new InfluxKpiWriter(influx);
  let app: INestApplicationContext | undefined;
  try {
    // ---------------------------------------------------------------- data
    const inventory = cells();
    const now = Date.now();
    const current = Math.floor(now / INTERVAL_MS) * INTERVAL_MS;
    let started = performance.now();
    const history: CellKpiInterval[] = [];
    inventory.forEach((cell, i) => {
      for (let k = HISTORY_INTERVALS - 1; k >= 0; k--) history.push({ cellId: cell.cellId, time: new Date(current - k * INTERVAL_MS), counters: counters(false, i + k) });
    });
    await writer.write(history);
    log(`wrote ${history.length} KPI points for ${inventory.length} cells in ${Math.round(performance.now() - started)} ms`);

    // Start the notifier once (migrations), idle ticker, to seed PostgreSQL through its own adapters.
    app = await NestFactory.createApplicationContext(NotifierModule.forRoot(configFor(3_600_000), { consumeViews: false }), { logger: ['error', 'warn'] });
    await app.init();
    started = performance.now();
    await app.get(CellRepository).upsertMany(inventory);
    const usage: UsageRecord[] = [];
    for (let s = 0; s < SITES; s++) {
      for (let k = 0; k < SUBSCRIBERS_PER_SITE; k++) {
        usage.push({ msisdn: msisdn(s, k), cellId: cellId(s, k % CELLS_PER_SITE), start: new Date(now - 40 * 60_000), end: new Date(now - 5 * 60_000) });
      }
    }
    await app.get(UsageRepository).insertMany(usage);
    const views = app.get(NetworkViewRepository);
    for (let i = 0; i < TICKETS; i++) await views.save(view(i, new Date(now - ((i * 37) % (20 * 60)) * 60_000)));
    log(`seeded ${inventory.length} cells, ${usage.length} usage records, ${TICKETS} views in ${Math.round(performance.now() - started)} ms`);

    // ---------------------------------------------------------------- (1) tick duration
    const ticker = app.get(NotifierTicker);
    await ticker.runOnce(); // warm-up (connections, plans)
    const steady: number[] = [];
    for (let i = 0; i < TICKS; i++) {
      const t = performance.now();
      const outcome = await ticker.runOnce();
      steady.push(Math.round(performance.now() - t));
      if (!outcome.leader) throw new Error('the bench notifier is not the leader');
    }
    log(`steady tick (10,000 cells, nothing changes): ${JSON.stringify(summary(steady))} ms`);

    const outageTicks: number[] = [];
    let outageNotices = 0;
    for (let i = 0; i < Math.min(TICKS, 5); i++) {
      const s = SITES - 1 - i;
      await writer.write(Array.from({ length: CELLS_PER_SITE }, (_, c) => ({ cellId: cellId(s, c), time: new Date(current), counters: counters(true, c) })));
      const t = performance.now();
      const outcome: TickOutcome = await ticker.runOnce();
      outageTicks.push(Math.round(performance.now() - t));
      outageNotices += outcome.published;
      if (outcome.detection?.opened.length !== 1) throw new Error(`expected one new incident, got ${outcome.detection?.opened.length}`);
    }
    log(`tick with one site going down (+ ${outageNotices / outageTicks.length} notices published): ${JSON.stringify(summary(outageTicks))} ms`);
    await app.close();
    app = undefined;

    // ---------------------------------------------------------------- (2) KPI point → notice on Kafka
    const arrivals = new Map<string, number>();
    const consumer = kafka.consumer({ groupId: `bench.notify.${stamp}.reader`, maxWaitTimeInMs: 50 });
    await consumer.connect();
    await consumer.subscribe({ topics: [topics.TOPIC_SMS], fromBeginning: false });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const notice = JSON.parse(message.value?.toString() ?? '{}') as SmsNotification;
        for (const id of notice.cellIds ?? []) if (!arrivals.has(id)) arrivals.set(id, Date.now());
      },
    });
    await sleep(3_000); // group join
    app = await NestFactory.createApplicationContext(NotifierModule.forRoot(configFor(TICK_MS), { consumeViews: false }), { logger: ['error', 'warn'] });
    await app.init();
    await sleep(TICK_MS * 2);
    const latencies: number[] = [];
    for (let i = 0; i < LATENCY_TRIALS; i++) {
      const s = i * 7;
      const cell0 = cellId(s, 0);
      // Random phase against the ticker.
      await sleep(Math.floor(Math.random() * TICK_MS));
      const written = Date.now();
      await writer.write(Array.from({ length: CELLS_PER_SITE }, (_, c) => ({ cellId: cellId(s, c), time: new Date(current), counters: counters(true, c) })));
      const deadline = written + 30_000;
      while (!arrivals.has(cell0) && Date.now() < deadline) await sleep(10);
      const arrived = arrivals.get(cell0);
      if (arrived === undefined) throw new Error(`no notice for site ${siteId(s)} within 30 s`);
      latencies.push(arrived - written);
      log(`trial ${i + 1}: ${arrived - written} ms`);
    }
    await consumer.disconnect();
    log(`KPI point → OUTAGE_NOTICE on Kafka (tick ${TICK_MS} ms): ${JSON.stringify(summary(latencies))} ms`);

    const result = {
      cells: inventory.length,
      sites: SITES,
      usageRecords: usage.length,
      tickets: TICKETS,
      tickMs: { steady: summary(steady), withSiteOutage: summary(outageTicks), target: TARGET_TICK_MS },
      latencyMs: { ...summary(latencies), tickIntervalMs: TICK_MS, target: TARGET_LATENCY_MS, trials: latencies.length },
      pass: percentile(steady, 95) <= TARGET_TICK_MS && percentile(outageTicks, 95) <= TARGET_TICK_MS && Math.max(...latencies) <= TARGET_LATENCY_MS,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    mkdirSync('bench-results', { recursive: true });
    writeFileSync('bench-results/notify.json', `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await app?.close().catch(() => undefined);
    const existing = new Set(await admin.listTopics().catch(() => [] as string[]));
    const created = [...Object.values(topics), `${topics.TOPIC_NETWORK_CONTEXT}.dlq`].filter((topic) => existing.has(topic));
    await admin.deleteTopics({ topics: created }).catch(() => undefined);
    await admin.disconnect();
    await influx.query(`DROP DATABASE ${quoteIdentifier(name)}`, { method: 'POST' }).catch(() => undefined);
    await dropDatabase(dbUrl).catch(() => undefined);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:notify failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
