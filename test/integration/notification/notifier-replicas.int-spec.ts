import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Kafka } from 'kafkajs';
import { AppConfig, loadConfig } from '@cellscope/config';
import { Cell, SmsNotification, UsageRecord } from '@cellscope/domain';
import { InfluxHttpClient, InfluxKpiWriter } from '@cellscope/kpi';
import { KafkaMessagePublisher, MessagePublisher } from '@cellscope/messaging';
import { advisoryLockKey, IncidentRepository, NOTIFIER_LEADER_LOCK, NotifierTicker } from '@cellscope/notification';
import { CellRepository, UsageRepository } from '@cellscope/persistence';
import { createInfluxTestDatabase, InfluxTestDatabase } from '@cellscope/testing/kpi/influx-test-database';
import { createTopics, deleteTopics, uniqueTopic } from '@cellscope/testing/kafka-test-topics';
import { TestDatabase } from '@cellscope/testing/postgres-test-database';
import { stackEndpoints } from '@cellscope/testing/stack';
import { NotifierModule } from '../../../apps/notifier/src/notifier.module';
import { cellFactory, INTERVAL_MS, intervalsFor } from '../../factories/network.factory';
import { GatedPublisher } from './support/gated-publisher';
import { createNotificationTestDatabase } from './support/notification-test-database';
import { readSmsTopic, topicMessageCount } from './support/sms-topic';

const TICK_MS = 500;
const MINUTE = 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A running notifier replica. */
interface Replica {
  name: string;
  app: INestApplication;
  ticker: NotifierTicker;
  gate?: GatedPublisher;
}

/**
 * Several notifier replicas on one database, with their real tickers (NOTIFIER_TICK_MS = 500) and the system clock:
 * one leader at a time, and a leader killed between its outbox commit and its publish loses and duplicates nothing.
 * The replicas do not consume views here (TICKET_UPDATE is covered by notifier.int-spec.ts), so starting and stopping
 * them does not wait for consumer-group rebalances.
 */
describe('notifier replicas (real Kafka + InfluxDB + PostgreSQL)', () => {
  let db: TestDatabase;
  let influx: InfluxTestDatabase;
  let writer: InfluxKpiWriter;
  let config: AppConfig;
  const replicas: Replica[] = [];
  const run = uniqueTopic('notify-rep');
  const topics = { TOPIC_SMS: `${run}.sms`, TOPIC_NETWORK_CONTEXT: `${run}.context` };

  async function start(name: string, gated = false): Promise<Replica> {
    let builder = Test.createTestingModule({ imports: [NotifierModule.forRoot(config, { replica: name, consumeViews: false })] });
    let gate: GatedPublisher | undefined;
    if (gated) {
      builder = builder.overrideProvider(MessagePublisher).useFactory({
        factory: (kafka: Kafka) => (gate = new GatedPublisher(new KafkaMessagePublisher(kafka))),
        inject: [Kafka],
      });
    }
    const moduleRef = await builder.compile();
    const app = moduleRef.createNestApplication({ logger: ['error'] });
    await app.init();
    const replica = { name, app, ticker: app.get(NotifierTicker), gate };
    replicas.push(replica);
    return replica;
  }

  async function stop(replica: Replica): Promise<void> {
    replicas.splice(replicas.indexOf(replica), 1);
    await replica.app.close();
  }

  /** What the server sees when a replica's process is killed: all its sessions end at once (the lock goes with them). */
  async function killSessions(replica: Replica): Promise<number> {
    const rows: { pid: number }[] = await db.dataSource.query(
      `SELECT pg_terminate_backend(pid), pid FROM pg_stat_activity WHERE datname = $1 AND application_name LIKE $2`,
      [db.name, `cellscope-notifier-${replica.name}%`],
    );
    return rows.length;
  }

  async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 20000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await sleep(50);
    }
  }

  /** A site of two cells, healthy for two hours, then DOWN in the current interval; `msisdns` used them just now. */
  async function siteGoesDown(msisdns: string[]): Promise<Cell[]> {
    const siteId = `${run}-${Math.random().toString(36).slice(2, 8)}`;
    const cells = [cellFactory({ siteId }), cellFactory({ siteId })];
    await replicas[0].app.get(CellRepository).upsertMany(cells);
    const now = Date.now();
    const current = new Date(Math.floor(now / INTERVAL_MS) * INTERVAL_MS);
    const usage: UsageRecord[] = msisdns.map((msisdn, i) => ({
      msisdn,
      cellId: cells[i % 2].cellId,
      start: new Date(now - 20 * MINUTE),
      end: new Date(now - MINUTE),
    }));
    await replicas[0].app.get(UsageRepository).insertMany(usage);
    await writer.write(cells.flatMap((cell) => intervalsFor(cell, new Date(current.getTime() - 2 * 60 * MINUTE), current, 'NONE')));
    await writer.write(cells.flatMap((cell) => intervalsFor(cell, current, new Date(current.getTime() + 1), 'OUTAGE')));
    return cells;
  }

  const notices = async (count: number): Promise<SmsNotification[]> => (await readSmsTopic(topics.TOPIC_SMS, count)).map((m) => m.notification);
  const ofCells = (list: SmsNotification[], cells: Cell[]) => list.filter((n) => n.cellIds.includes(cells[0].cellId));

  beforeAll(async () => {
    db = await createNotificationTestDatabase('notifier_rep');
    influx = await createInfluxTestDatabase('it_notify_rep');
    await createTopics([topics.TOPIC_SMS, topics.TOPIC_NETWORK_CONTEXT, `${topics.TOPIC_NETWORK_CONTEXT}.dlq`], 3);
    writer = new InfluxKpiWriter(new InfluxHttpClient({ url: influx.url, database: influx.database, timeoutMs: 15000, maxRetries: 1 }));
    config = loadConfig(
      {
        ...process.env,
        DATABASE_URL: db.url,
        DATABASE_POOL_SIZE: '4',
        KAFKA_BROKERS: stackEndpoints().kafkaBrokers.join(','),
        INFLUX_DATABASE: influx.database,
        NOTIFIER_KAFKA_GROUP_ID: `${run}.group`,
        NOTIFIER_TICK_MS: String(TICK_MS),
        // No quiet hours and no cap: these tests are about who sends, not about the policy.
        NOTIFIER_QUIET_HOURS: '00:00-00:00',
        NOTIFIER_DAILY_CAP: '100',
        LOG_LEVEL: 'error',
      },
      topics,
    );
  });

  afterAll(async () => {
    for (const replica of [...replicas]) await stop(replica).catch(() => undefined);
    await deleteTopics([topics.TOPIC_SMS, topics.TOPIC_NETWORK_CONTEXT, `${topics.TOPIC_NETWORK_CONTEXT}.dlq`]).catch(() => undefined);
    await influx?.drop();
    await db?.drop();
  });

  it('lets exactly one of two replicas detect, and publishes each notice once', async () => {
    const [a, b] = await Promise.all([start('A'), start('B')]);
    const msisdns = ['8613600000001', '8613600000002', '8613600000003', '8613600000004'];
    const cells = await siteGoesDown(msisdns);
    await waitFor('4 notices on the SMS topic', async () => (await topicMessageCount(topics.TOPIC_SMS)) >= 4);
    await sleep(4 * TICK_MS);

    expect(await topicMessageCount(topics.TOPIC_SMS)).toBe(4);
    const sent = ofCells(await notices(4), cells);
    expect(sent.map((n) => n.msisdn).sort()).toEqual(msisdns);
    expect(new Set(sent.map((n) => n.notificationId)).size).toBe(4);
    expect((await a.app.get(IncidentRepository).findOpen()).map((i) => i.kind)).toEqual(['SITE_OUTAGE']);

    const [leader, follower] = a.ticker.stats.leaderTicks > 0 ? [a, b] : [b, a];
    expect(leader.ticker.stats.leaderTicks).toBeGreaterThan(2);
    expect(follower.ticker.stats.leaderTicks).toBe(0);
    expect(follower.ticker.stats.followerTicks).toBeGreaterThan(2);
    const key = advisoryLockKey(NOTIFIER_LEADER_LOCK);
    const holders = await db.dataSource.query(
      `SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
       WHERE l.locktype = 'advisory' AND l.classid = $1 AND l.objid = $2 AND l.granted AND a.datname = $3`,
      [key.classId, key.objId, db.name],
    );
    expect(holders).toEqual([{ application_name: `cellscope-notifier-${leader.name}-leader` }]);
    await Promise.all([stop(a), stop(b)]);
  });

  it('loses and duplicates nothing when the leader is killed after its commit and before its publish', async () => {
    const p = await start('P', true);
    await waitFor('P to lead', () => p.ticker.stats.leaderTicks > 0);
    const q = await start('Q');
    await waitFor('Q to follow', () => q.ticker.stats.followerTicks > 0);
    const before = await topicMessageCount(topics.TOPIC_SMS);

    const gate = p.gate!.arm(topics.TOPIC_SMS);
    const msisdns = ['8613600000011', '8613600000012', '8613600000013'];
    const cells = await siteGoesDown(msisdns);
    expect(await gate.hit).toBe(3);
    // P committed: the incident and its three notices are in PostgreSQL, not yet published.
    const pending = await db.dataSource.query(
      'SELECT msisdn FROM sms_notifications WHERE published_at IS NULL AND $1 = ANY(cell_ids) ORDER BY msisdn',
      [cells[0].cellId],
    );
    expect(pending.map((r: { msisdn: string }) => r.msisdn)).toEqual(msisdns);

    const killedAt = Date.now();
    expect(await killSessions(p)).toBeGreaterThanOrEqual(2);
    const closing = stop(p);
    gate.drop();
    await closing;

    await waitFor('the 3 notices on the SMS topic', async () => (await topicMessageCount(topics.TOPIC_SMS)) >= before + 3);
    const takeoverMs = Date.now() - killedAt;
    await sleep(4 * TICK_MS);
    expect(await topicMessageCount(topics.TOPIC_SMS)).toBe(before + 3);
    const sent = ofCells(await notices(before + 3), cells);
    expect(sent.map((n) => n.msisdn).sort()).toEqual(msisdns);
    expect(new Set(sent.map((n) => n.notificationId)).size).toBe(3);
    expect(q.ticker.stats.leaderTicks).toBeGreaterThan(0);
    // Within one tick plus the time to publish (generous bound for a loaded machine).
    expect(takeoverMs).toBeLessThan(TICK_MS + 5000);
    const [{ n }] = await db.dataSource.query('SELECT count(*)::int AS n FROM sms_notifications WHERE published_at IS NULL');
    expect(n).toBe(0);
  });

  it('republishes the SAME notificationIds when the leader dies after the publish and before marking (at least once)', async () => {
    const [q] = replicas;
    const r = await start('R', true);
    await stop(q);
    await waitFor('R to lead', () => r.ticker.stats.leaderTicks > 0);
    const s = await start('S');
    await waitFor('S to follow', () => s.ticker.stats.followerTicks > 0);
    const before = await topicMessageCount(topics.TOPIC_SMS);

    const gate = r.gate!.arm(topics.TOPIC_SMS);
    const msisdns = ['8613600000021', '8613600000022'];
    const cells = await siteGoesDown(msisdns);
    await gate.hit;
    await gate.send();
    await killSessions(r);
    const closing = stop(r);
    gate.finish();
    await closing;

    await waitFor('the republished notices', async () => (await topicMessageCount(topics.TOPIC_SMS)) >= before + 4);
    await sleep(4 * TICK_MS);
    expect(await topicMessageCount(topics.TOPIC_SMS)).toBe(before + 4);
    const sent = ofCells(await notices(before + 4), cells);
    expect(sent).toHaveLength(4);
    // Each notice twice, byte for byte the same: downstream drops the second by notificationId.
    const byId = new Map<string, SmsNotification[]>();
    for (const notice of sent) byId.set(notice.notificationId, [...(byId.get(notice.notificationId) ?? []), notice]);
    expect([...byId.values()].map((copies) => copies.length)).toEqual([2, 2]);
    for (const [first, second] of byId.values()) expect(second).toEqual(first);
    expect([...byId.values()].map(([notice]) => notice.msisdn).sort()).toEqual(msisdns);
  });
});
