import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { loadConfig } from '@cellscope/config';
import { Cell, notificationIdFor, SmsNotification, UsageRecord } from '@cellscope/domain';
import { InfluxHttpClient, InfluxKpiWriter } from '@cellscope/kpi';
import { IncidentRepository, NotifierTicker, OptOutRepository } from '@cellscope/notification';
import { CellRepository, NetworkViewRepository, UsageRepository } from '@cellscope/persistence';
import { createInfluxTestDatabase, InfluxTestDatabase } from '@cellscope/testing/kpi/influx-test-database';
import { consumeUntil, createTopics, deleteTopics, testKafka, uniqueTopic } from '@cellscope/testing/kafka-test-topics';
import { TestDatabase } from '@cellscope/testing/postgres-test-database';
import { stackEndpoints } from '@cellscope/testing/stack';
import { NotifierModule } from '../../../apps/notifier/src/notifier.module';
import { cellFactory, CellFault, intervalsFor } from '../../factories/network.factory';
import { ManualClock } from './support/manual-clock';
import { buildNetworkView } from './support/network-view.builder';
import { createNotificationTestDatabase } from './support/notification-test-database';
import { readSmsTopic, topicMessageCount } from './support/sms-topic';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** 12:00 in Asia/Shanghai (outside the default quiet hours 22:00-08:00). */
const NOON = new Date('2026-03-02T04:00:00.000Z');
/** 23:30 in Asia/Shanghai (inside the quiet hours). */
const NIGHT = new Date('2026-03-02T15:30:00.000Z');
/** 08:00 in Asia/Shanghai the next morning: the end of the quiet hours. */
const NEXT_MORNING = '2026-03-03T00:00:00.000Z';
/** 14:00 in Asia/Shanghai the next day. */
const AFTERNOON = new Date('2026-03-03T06:00:00.000Z');
/** Noon two days later, for the complaint cluster. */
const LATER = new Date('2026-03-04T04:00:00.000Z');
const plus = (at: Date, ms: number) => new Date(at.getTime() + ms);

/**
 * The notifier end to end against the real stack: KPIs in InfluxDB, inventory/tickets/usage/opt-outs/outbox in
 * PostgreSQL, notices on a real Kafka SMS topic, views read from a real network-context topic. Ticks are run by hand
 * on a manual clock so each step is deterministic.
 */
describe('notifier (real Kafka + InfluxDB + PostgreSQL)', () => {
  let db: TestDatabase;
  let influx: InfluxTestDatabase;
  let writer: InfluxKpiWriter;
  let app: INestApplication | undefined;
  let ticker: NotifierTicker;
  const clock = new ManualClock(plus(NOON, -24 * HOUR));
  const run = uniqueTopic('notify');
  const topics = { TOPIC_SMS: `${run}.sms`, TOPIC_NETWORK_CONTEXT: `${run}.context` };
  const producer = testKafka('notifier-test-producer').producer();

  const siteId = `${run}-S1`;
  const site: Cell[] = [1, 2, 3].map(() => cellFactory({ siteId, siteName: '测试一号站' }));
  const [a1, a2, a3] = site;
  const elsewhere = cellFactory({ siteId: `${run}-S2` });
  const nightSite = `${run}-S3`;
  const [c1, c2] = [cellFactory({ siteId: nightSite }), cellFactory({ siteId: nightSite })];
  const M = {
    ticketHolder: '8613700000001',
    plusTicketHolder: '+8613700000002',
    usage: '8613700000003',
    oldUsage: '8613700000004',
    optedOut: '8613700000005',
    capped: '8613700000006',
    oldTicket: '8613700000007',
    neighbor: '8613700000008',
    night: '8613700000009',
    ticketFinal: '8613700000010',
    ticketProvisional: '8613700000011',
    ticketOutage: '8613700000012',
    firstCell: '8613700000013',
    secondCell: '8613700000014',
  };
  const outageRecipients = [M.ticketHolder, M.plusTicketHolder.slice(1), M.usage].sort();

  const write = (cells: Cell[], from: Date, to: Date, fault: CellFault) =>
    writer.write(cells.flatMap((cell) => intervalsFor(cell, from, to, fault)));
  const usage = (msisdn: string, cell: Cell, start: Date, end: Date): UsageRecord => ({ msisdn, cellId: cell.cellId, start, end });
  const tick = async (at: Date) => {
    clock.set(at);
    return ticker.runOnce();
  };
  const smsOfKind = (messages: { notification: SmsNotification }[], kind: SmsNotification['kind']) =>
    messages.map((m) => m.notification).filter((n) => n.kind === kind);

  beforeAll(async () => {
    db = await createNotificationTestDatabase('notifier_it');
    influx = await createInfluxTestDatabase('it_notify');
    await createTopics([topics.TOPIC_SMS, topics.TOPIC_NETWORK_CONTEXT, `${topics.TOPIC_NETWORK_CONTEXT}.dlq`], 3);
    await producer.connect();
    writer = new InfluxKpiWriter(new InfluxHttpClient({ url: influx.url, database: influx.database, timeoutMs: 15000, maxRetries: 1 }));

    // Noon: the site's three cells were healthy, then all DOWN in the interval that started 15 minutes ago.
    await write([...site, elsewhere], plus(NOON, -2 * HOUR), plus(NOON, -15 * MINUTE), 'NONE');
    await write(site, plus(NOON, -15 * MINUTE), NOON, 'OUTAGE');
    await write([elsewhere], plus(NOON, -15 * MINUTE), NOON, 'NONE');
    // Night: one of two cells of another site goes DOWN.
    await write([c1, c2], plus(NIGHT, -2 * HOUR), plus(NIGHT, -15 * MINUTE), 'NONE');
    await write([c1], plus(NIGHT, -15 * MINUTE), NIGHT, 'OUTAGE');
    await write([c2], plus(NIGHT, -15 * MINUTE), NIGHT, 'NONE');

    const config = loadConfig(
      {
        ...process.env,
        DATABASE_URL: db.url,
        DATABASE_POOL_SIZE: '4',
        KAFKA_BROKERS: stackEndpoints().kafkaBrokers.join(','),
        INFLUX_DATABASE: influx.database,
        NOTIFIER_KAFKA_GROUP_ID: `${run}.group`,
        NOTIFIER_TICK_MS: String(HOUR),
        NOTIFIER_DAILY_CAP: '3',
        NOTIFIER_QUIET_HOURS: '22:00-08:00',
        NOTIFIER_TIMEZONE: 'Asia/Shanghai',
        LOG_LEVEL: 'warn',
      },
      topics,
    );
    const moduleRef = await Test.createTestingModule({ imports: [NotifierModule.forRoot(config, { clock })] }).compile();
    app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
    await app.init();
    ticker = app.get(NotifierTicker);

    await app.get(CellRepository).upsertMany([...site, elsewhere, c1, c2]);
    const views = app.get(NetworkViewRepository);
    for (const view of [
      buildNetworkView({ msisdn: M.ticketHolder, occurredAt: plus(NOON, -3 * HOUR), cells: [[a1.cellId, 'SERVING']] }),
      buildNetworkView({ msisdn: M.plusTicketHolder, occurredAt: plus(NOON, -20 * HOUR), cells: [[a2.cellId, 'SERVING']] }),
      buildNetworkView({ msisdn: M.oldTicket, occurredAt: plus(NOON, -30 * HOUR), cells: [[a3.cellId, 'SERVING']] }),
      buildNetworkView({ msisdn: M.neighbor, occurredAt: plus(NOON, -HOUR), cells: [[elsewhere.cellId, 'SERVING'], [a1.cellId, 'NEIGHBOR']] }),
    ]) {
      await views.save(view);
    }
    await app.get(UsageRepository).insertMany([
      usage(M.usage, a2, plus(NOON, -40 * MINUTE), plus(NOON, -20 * MINUTE)),
      usage(M.oldUsage, a3, plus(NOON, -3 * HOUR), plus(NOON, -2 * HOUR)),
      usage(M.ticketHolder, a1, plus(NOON, -30 * MINUTE), plus(NOON, -10 * MINUTE)),
      usage(M.optedOut, a1, plus(NOON, -30 * MINUTE), plus(NOON, -5 * MINUTE)),
      usage(M.capped, a3, plus(NOON, -30 * MINUTE), plus(NOON, -5 * MINUTE)),
      usage(M.night, c1, plus(NIGHT, -30 * MINUTE), plus(NIGHT, -5 * MINUTE)),
    ]);
    await app.get(OptOutRepository).add(M.optedOut, plus(NOON, -24 * HOUR));
    // The capped subscriber already got three SMS today (10:00 local time), all published.
    for (let i = 0; i < 3; i++) {
      await db.dataSource.query(
        `INSERT INTO sms_notifications (notification_id, msisdn, kind, ticket_id, language, text, cell_ids, created_at, not_before, published_at)
         VALUES ($1, $2, 'TICKET_UPDATE', $3, 'zh-CN', 'earlier', '{}', $4, $4, $4)`,
        [`earlier-${run}-${i}`, M.capped, `WO-EARLIER-${i}`, plus(NOON, -2 * HOUR)],
      );
    }
    // The ticker's own first tick (at the early clock) has run before the test takes over.
    const deadline = Date.now() + 10000;
    while (ticker.stats.leaderTicks + ticker.stats.followerTicks === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  });

  afterAll(async () => {
    await app?.close();
    await producer.disconnect();
    await deleteTopics([topics.TOPIC_SMS, topics.TOPIC_NETWORK_CONTEXT, `${topics.TOPIC_NETWORK_CONTEXT}.dlq`]).catch(() => undefined);
    await influx?.drop();
    await db?.drop();
  });

  it('opens one SITE_OUTAGE when every cell of a site is DOWN and sends one OUTAGE_NOTICE per affected subscriber', async () => {
    const outcome = await tick(NOON);
    expect(outcome.leader).toBe(true);
    expect(outcome.detection?.opened.map((i) => i.kind)).toEqual(['SITE_OUTAGE']);
    expect(outcome.published).toBe(3);

    const [incident] = await app!.get(IncidentRepository).findOpen();
    expect(incident).toMatchObject({
      kind: 'SITE_OUTAGE',
      state: 'OPEN',
      siteId,
      cellIds: site.map((c) => c.cellId).sort(),
      cause: 'OUTAGE',
      openedAt: plus(NOON, -15 * MINUTE),
      // Ticket holders (2), usage in the last hour (the ticket holder again, 1 more), the opted-out and the capped one.
      affectedSubscribers: 5,
    });
    expect(await topicMessageCount(topics.TOPIC_SMS)).toBe(3);
    const messages = await readSmsTopic(topics.TOPIC_SMS, 3);
    expect(messages.map((m) => m.key).sort()).toEqual(outageRecipients);
    for (const { key, notification } of messages) {
      expect(notification).toMatchObject({
        notificationId: notificationIdFor(incident.incidentId, key!, 'OUTAGE_NOTICE'),
        msisdn: key,
        kind: 'OUTAGE_NOTICE',
        language: 'zh-CN',
        incidentId: incident.incidentId,
        cellIds: incident.cellIds,
        createdAt: NOON.toISOString(),
        notBefore: NOON.toISOString(),
      });
      expect(notification.text).toMatch(/^尊敬的客户，您好！.*测试一号站.*基站出现故障.*10010/);
    }
  });

  it('publishes nothing new when a tick is replayed', async () => {
    const outcome = await tick(NOON);
    expect(outcome.detection).toMatchObject({ opened: [], resolved: [], planned: 0, recorded: 0 });
    expect(outcome.published).toBe(0);
    expect(await topicMessageCount(topics.TOPIC_SMS)).toBe(3);
    const [{ n }] = await db.dataSource.query("SELECT count(*)::int AS n FROM sms_notifications WHERE kind = 'OUTAGE_NOTICE'");
    expect(n).toBe(3);
  });

  it('resolves after two healthy intervals and sends a RECOVERY_NOTICE to those who got the outage notice', async () => {
    await write(site, NOON, plus(NOON, 15 * MINUTE), 'NONE');
    const first = await tick(plus(NOON, 15 * MINUTE));
    expect(first.detection?.resolved).toEqual([]);
    expect((await app!.get(IncidentRepository).findOpen())[0]?.healthyIntervals).toBe(1);
    expect(await topicMessageCount(topics.TOPIC_SMS)).toBe(3);

    await write(site, plus(NOON, 15 * MINUTE), plus(NOON, 30 * MINUTE), 'NONE');
    const second = await tick(plus(NOON, 30 * MINUTE));
    expect(second.detection?.resolved.map((i) => i.kind)).toEqual(['SITE_OUTAGE']);
    expect(second.published).toBe(3);
    const incidentId = second.detection!.resolved[0].incidentId;
    expect(await app!.get(IncidentRepository).findById(incidentId)).toMatchObject({ state: 'RESOLVED', resolvedAt: plus(NOON, 30 * MINUTE) });

    expect(await topicMessageCount(topics.TOPIC_SMS)).toBe(6);
    const recoveries = smsOfKind(await readSmsTopic(topics.TOPIC_SMS, 6), 'RECOVERY_NOTICE');
    expect(recoveries.map((n) => n.msisdn).sort()).toEqual(outageRecipients);
    for (const n of recoveries) {
      expect(n.notificationId).toBe(notificationIdFor(incidentId, n.msisdn, 'RECOVERY_NOTICE'));
      expect(n.text).toMatch(/^尊敬的客户，您好！.*已于3月2日12:30修复/);
    }

    const replay = await tick(plus(NOON, 30 * MINUTE));
    expect(replay.published).toBe(0);
    expect(await topicMessageCount(topics.TOPIC_SMS)).toBe(6);
  });

  it('holds a notice created during quiet hours until the quiet hours end (notBefore)', async () => {
    const outcome = await tick(NIGHT);
    expect(outcome.detection?.opened.map((i) => [i.kind, i.cellIds])).toEqual([['CELL_OUTAGE', [c1.cellId]]]);
    expect(outcome.published).toBe(1);
    const night = smsOfKind(await readSmsTopic(topics.TOPIC_SMS, 7), 'OUTAGE_NOTICE').filter((n) => n.msisdn === M.night);
    expect(night).toHaveLength(1);
    expect(night[0]).toMatchObject({ createdAt: NIGHT.toISOString(), notBefore: NEXT_MORNING, cellIds: [c1.cellId] });
  });

  it('sends one TICKET_UPDATE for a FINAL view only, with the verdict in customer words, and dead-letters malformed views', async () => {
    const final = buildNetworkView({ msisdn: M.ticketFinal, occurredAt: plus(NIGHT, -2 * HOUR), cells: [[elsewhere.cellId, 'SERVING']], cause: 'CONGESTION' });
    const provisional = buildNetworkView({ msisdn: M.ticketProvisional, occurredAt: plus(NIGHT, -HOUR), cells: [[elsewhere.cellId, 'SERVING']], status: 'PROVISIONAL', cause: 'CONGESTION' });
    const outage = buildNetworkView({ msisdn: M.ticketOutage, occurredAt: plus(NIGHT, -10 * MINUTE), cells: [[c1.cellId, 'SERVING']], cause: 'OUTAGE' });
    await producer.send({
      topic: topics.TOPIC_NETWORK_CONTEXT,
      messages: [
        { key: provisional.ticketId, value: JSON.stringify(provisional) },
        { key: final.ticketId, value: JSON.stringify(final) },
        { key: 'broken', value: JSON.stringify({ ...final, ticketId: 'broken id!', verdict: null }) },
        { key: outage.ticketId, value: JSON.stringify(outage) },
      ],
    });
    // The handler records the notices and, as this replica leads, publishes them at once.
    const messages = await consumeUntil(topics.TOPIC_SMS, (m) => m.filter((x) => x.value?.includes('TICKET_UPDATE')).length >= 2, 60000);
    const updates = messages.map((m) => JSON.parse(m.value!) as SmsNotification).filter((n) => n.kind === 'TICKET_UPDATE');
    expect(updates.map((n) => n.msisdn).sort()).toEqual([M.ticketFinal, M.ticketOutage]);
    const congestion = updates.find((n) => n.msisdn === M.ticketFinal)!;
    expect(congestion).toMatchObject({
      notificationId: notificationIdFor(`${final.ticketId}:FINAL`, M.ticketFinal, 'TICKET_UPDATE'),
      ticketId: final.ticketId,
      cellIds: [elsewhere.cellId],
      notBefore: NEXT_MORNING,
    });
    expect(congestion.text).toContain(final.complaintNo);
    expect(congestion.text).toContain('使用人数较多');
    const nightIncident = (await app!.get(IncidentRepository).findOpen()).find((i) => i.cellIds.includes(c1.cellId))!;
    expect(updates.find((n) => n.msisdn === M.ticketOutage)?.incidentId).toBe(nightIncident.incidentId);

    const dead = await consumeUntil(`${topics.TOPIC_NETWORK_CONTEXT}.dlq`, (m) => m.length >= 1, 30000);
    expect(JSON.parse(dead[0].value!).error.code).toBe('INVALID_CONTRACT');

    // Redelivered and newer versions of the same FINAL ticket add nothing.
    await producer.send({
      topic: topics.TOPIC_NETWORK_CONTEXT,
      messages: [
        { key: final.ticketId, value: JSON.stringify(final) },
        { key: final.ticketId, value: JSON.stringify({ ...final, version: 2 }) },
      ],
    });
    await new Promise((r) => setTimeout(r, 4000));
    expect(await topicMessageCount(topics.TOPIC_SMS)).toBe(9);
    const [{ n }] = await db.dataSource.query("SELECT count(*)::int AS n FROM sms_notifications WHERE kind = 'TICKET_UPDATE' AND msisdn = $1", [M.ticketProvisional]);
    expect(n).toBe(0);
  });

  it('also sends the RECOVERY_NOTICE to a subscriber whose TICKET_UPDATE was tied to the outage', async () => {
    await write([c1], NIGHT, plus(NIGHT, 15 * MINUTE), 'NONE');
    await tick(plus(NIGHT, 15 * MINUTE));
    await write([c1], plus(NIGHT, 15 * MINUTE), plus(NIGHT, 30 * MINUTE), 'NONE');
    const outcome = await tick(plus(NIGHT, 30 * MINUTE));
    expect(outcome.detection?.resolved.map((i) => i.cellIds)).toEqual([[c1.cellId]]);
    expect(outcome.published).toBe(2);
    const recoveries = smsOfKind(await readSmsTopic(topics.TOPIC_SMS, 11), 'RECOVERY_NOTICE').filter((n) => n.cellIds[0] === c1.cellId);
    expect(recoveries.map((n) => n.msisdn).sort()).toEqual([M.night, M.ticketOutage]);
    for (const n of recoveries) expect(n.notBefore).toBe(NEXT_MORNING);
    expect(await topicMessageCount(topics.TOPIC_SMS)).toBe(11);
  });

  it('folds a cell outage into the site outage that follows: nobody is told twice, everybody gets the recovery', async () => {
    const siteId4 = `${run}-S4`;
    const [d1, d2] = [cellFactory({ siteId: siteId4 }), cellFactory({ siteId: siteId4 })];
    await app!.get(CellRepository).upsertMany([d1, d2]);
    await app!.get(UsageRepository).insertMany([
      usage(M.firstCell, d1, plus(AFTERNOON, -30 * MINUTE), plus(AFTERNOON, -5 * MINUTE)),
      usage(M.secondCell, d2, plus(AFTERNOON, 0), plus(AFTERNOON, 10 * MINUTE)),
    ]);
    await write([d1, d2], plus(AFTERNOON, -2 * HOUR), plus(AFTERNOON, -15 * MINUTE), 'NONE');
    await write([d1], plus(AFTERNOON, -15 * MINUTE), AFTERNOON, 'OUTAGE');
    const before = await topicMessageCount(topics.TOPIC_SMS);

    // One of the two cells is DOWN: a CELL_OUTAGE, told to the subscriber on it.
    const first = await tick(AFTERNOON);
    const [cellIncident] = first.detection!.opened;
    expect([cellIncident.kind, cellIncident.cellIds]).toEqual(['CELL_OUTAGE', [d1.cellId]]);
    expect(first.published).toBe(1);

    // Then both: one SITE_OUTAGE takes the cell outage over; only the subscriber not yet told gets a notice.
    await write([d1, d2], AFTERNOON, plus(AFTERNOON, 15 * MINUTE), 'OUTAGE');
    const second = await tick(plus(AFTERNOON, 15 * MINUTE));
    const [siteIncident] = second.detection!.opened;
    expect([siteIncident.kind, siteIncident.cellIds]).toEqual(['SITE_OUTAGE', [d1.cellId, d2.cellId].sort()]);
    expect(second.published).toBe(1);
    const incidents = app!.get(IncidentRepository);
    expect(await incidents.findById(cellIncident.incidentId)).toMatchObject({ state: 'RESOLVED', absorbedBy: siteIncident.incidentId });
    expect(await incidents.findById(siteIncident.incidentId)).toMatchObject({ state: 'OPEN', affectedSubscribers: 2 });

    await write([d1, d2], plus(AFTERNOON, 15 * MINUTE), plus(AFTERNOON, 30 * MINUTE), 'NONE');
    await tick(plus(AFTERNOON, 30 * MINUTE));
    await write([d1, d2], plus(AFTERNOON, 30 * MINUTE), plus(AFTERNOON, 45 * MINUTE), 'NONE');
    const recovery = await tick(plus(AFTERNOON, 45 * MINUTE));
    expect(recovery.detection?.resolved.map((i) => i.incidentId)).toEqual([siteIncident.incidentId]);
    expect(recovery.published).toBe(2);

    expect(await topicMessageCount(topics.TOPIC_SMS)).toBe(before + 4);
    const all = (await readSmsTopic(topics.TOPIC_SMS, before + 4)).map((m) => m.notification);
    const about = (incidentId: string, kind: SmsNotification['kind']) =>
      all.filter((n) => n.incidentId === incidentId && n.kind === kind).map((n) => n.msisdn);
    expect(about(cellIncident.incidentId, 'OUTAGE_NOTICE')).toEqual([M.firstCell]);
    expect(about(siteIncident.incidentId, 'OUTAGE_NOTICE')).toEqual([M.secondCell]);
    expect(about(cellIncident.incidentId, 'RECOVERY_NOTICE')).toEqual([]);
    expect(about(siteIncident.incidentId, 'RECOVERY_NOTICE').sort()).toEqual([M.firstCell, M.secondCell]);
  });

  it('opens a suspected COMPLAINT_CLUSTER for 5 tickets on one SERVING cell within 30 minutes, without SMS, and resolves it when quiet', async () => {
    const busy = cellFactory({ siteId: `${run}-S5` });
    const views = app!.get(NetworkViewRepository);
    for (const minutesAgo of [25, 20, 15, 10, 5]) {
      await views.save(buildNetworkView({ msisdn: `86137100000${minutesAgo}`, occurredAt: plus(LATER, -minutesAgo * MINUTE), cells: [[busy.cellId, 'SERVING']] }));
    }
    // Four tickets are not a cluster yet.
    const early = await tick(plus(LATER, -7 * MINUTE));
    expect(early.detection?.opened).toEqual([]);
    const before = await topicMessageCount(topics.TOPIC_SMS);

    const outcome = await tick(LATER);
    expect(outcome.detection?.opened.map((i) => [i.kind, i.cause, i.cellIds, i.openedAt])).toEqual([
      ['COMPLAINT_CLUSTER', 'SUSPECTED', [busy.cellId], plus(LATER, -5 * MINUTE)],
    ]);
    expect(outcome.published).toBe(0);
    const clusterId = outcome.detection!.opened[0].incidentId;
    expect(await app!.get(IncidentRepository).findById(clusterId)).toMatchObject({ state: 'OPEN', affectedSubscribers: 5 });
    expect((await tick(LATER)).detection?.opened).toEqual([]);

    expect((await tick(plus(LATER, 100 * MINUTE))).detection?.resolved).toEqual([]);
    const quiet = await tick(plus(LATER, 115 * MINUTE));
    expect(quiet.detection?.resolved.map((i) => i.incidentId)).toEqual([clusterId]);
    expect(await app!.get(IncidentRepository).findById(clusterId)).toMatchObject({ state: 'RESOLVED', resolvedAt: plus(LATER, 115 * MINUTE) });
    expect(await topicMessageCount(topics.TOPIC_SMS)).toBe(before);
  });
});
