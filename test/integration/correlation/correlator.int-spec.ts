import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { loadConfig } from '@cellscope/config';
import { Cell, NetworkView, VerdictCause } from '@cellscope/domain';
import { InfluxHttpClient, InfluxKpiWriter } from '@cellscope/kpi';
import { NetworkViewRepository } from '@cellscope/persistence';
import { CorrelatorModule } from '../../../apps/correlator/src/correlator.module';
import { cellFactory, CellFault, intervalsFor, ticketEventFactory } from '../../factories/network.factory';
import { createInfluxTestDatabase, InfluxTestDatabase } from '@cellscope/testing/kpi/influx-test-database';
import { consumeUntil, createTopics, deleteTopics, testKafka, uniqueTopic } from '@cellscope/testing/kafka-test-topics';
import { createTestDatabase, TestDatabase } from '@cellscope/testing/postgres-test-database';
import { stackEndpoints } from '@cellscope/testing/stack';

const HOUR = 3_600_000;

/**
 * The correlator end to end against the real stack: cells and usage on Kafka, KPIs in InfluxDB, tickets on Kafka
 * → views in PostgreSQL and on complaints.network-context.v1 with the expected verdicts.
 */
describe('correlator (real Kafka + InfluxDB + PostgreSQL)', () => {
  let db: TestDatabase;
  let influx: InfluxTestDatabase;
  let app: INestApplication | undefined;
  const run = uniqueTopic('corr');
  const topics = {
    TOPIC_TICKETS: `${run}.tickets`,
    TOPIC_CELLS: `${run}.cells`,
    TOPIC_USAGE: `${run}.usage`,
    TOPIC_NETWORK_CONTEXT: `${run}.context`,
  };
  const occurredAt = new Date(Math.floor((Date.now() - 4 * HOUR) / (15 * 60_000)) * 15 * 60_000 + 7 * 60_000);
  const producer = testKafka('corr-test-producer').producer();

  const cells: Record<string, Cell> = {
    outage: cellFactory({ networkType: '5G' }),
    congestion: cellFactory({ networkType: '4G' }),
    weak: cellFactory({ networkType: '4G', siteType: 'INDOOR', azimuth: undefined, lat: 40.9, lon: 111.9 }),
    drop: cellFactory({ networkType: '4G' }),
    access: cellFactory({ networkType: '4G' }),
    healthy5g: cellFactory({ networkType: '5G' }),
    healthy4g: cellFactory({ networkType: '4G' }),
    late: cellFactory({ networkType: '4G' }),
  };
  const faults: Record<string, CellFault> = {
    outage: 'OUTAGE',
    congestion: 'CONGESTION',
    weak: 'WEAK_COVERAGE',
    drop: 'HIGH_DROP_RATE',
    access: 'ACCESS_FAILURE',
    healthy5g: 'NONE',
    healthy4g: 'NONE',
  };

  const config = () =>
    loadConfig(
      {
        ...process.env,
        DATABASE_URL: db.url,
        KAFKA_BROKERS: stackEndpoints().kafkaBrokers.join(','),
        INFLUX_DATABASE: influx.database,
        KAFKA_GROUP_ID: `${run}.group`,
        LOG_LEVEL: 'warn',
        RECORRELATE_POLL_MS: '500',
        RECORRELATE_DELAY_MS: '0',
      },
      topics,
    );

  async function startCorrelator(): Promise<INestApplication> {
    const moduleRef = await Test.createTestingModule({ imports: [CorrelatorModule.forRoot(config())] }).compile();
    const started = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
    await started.init();
    return started;
  }

  async function send(topic: string, messages: { key: string | null; value: string }[]): Promise<void> {
    await producer.send({ topic, messages });
  }

  beforeAll(async () => {
    db = await createTestDatabase('correlator_it');
    influx = await createInfluxTestDatabase('it_corr');
    await createTopics(Object.values(topics), 3);
    await producer.connect();
    const writer = new InfluxKpiWriter(new InfluxHttpClient({ url: influx.url, database: influx.database, timeoutMs: 15000, maxRetries: 1 }));
    const from = new Date(occurredAt.getTime() - 2 * HOUR);
    const to = new Date(occurredAt.getTime() + 2 * HOUR);
    for (const [name, fault] of Object.entries(faults)) await writer.write(intervalsFor(cells[name], from, to, fault));
    // The "late" cell has data only up to the complaint: its view must stay PROVISIONAL.
    await writer.write(intervalsFor(cells.late, from, occurredAt, 'NONE'));
    await send(topics.TOPIC_CELLS, Object.values(cells).map((c) => ({ key: c.cellId, value: JSON.stringify(c) })));
    app = await startCorrelator();
  });

  afterAll(async () => {
    await app?.close();
    await producer.disconnect();
    await deleteTopics([...Object.values(topics), `${topics.TOPIC_TICKETS}.dlq`, `${topics.TOPIC_CELLS}.dlq`, `${topics.TOPIC_USAGE}.dlq`]).catch(() => undefined);
    await influx?.drop();
    await db?.drop();
  });

  async function waitForView(ticketId: string, predicate: (v: NetworkView) => boolean = () => true, timeoutMs = 60000): Promise<NetworkView> {
    const views = app!.get(NetworkViewRepository);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const view = await views.findByTicketIdOrComplaintNo(ticketId);
      if (view && predicate(view)) return view;
      if (Date.now() > deadline) throw new Error(`no matching view for ${ticketId} (last: ${JSON.stringify(view?.verdict?.cause)} v${view?.version})`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  it('builds the view with the expected verdict for every cause', async () => {
    const usageMsisdn = '13900000001';
    await send(topics.TOPIC_USAGE, [
      {
        key: usageMsisdn,
        value: JSON.stringify({
          msisdn: usageMsisdn,
          cellId: cells.congestion.cellId,
          start: new Date(occurredAt.getTime() - 30 * 60_000).toISOString(),
          end: new Date(occurredAt.getTime() + 10 * 60_000).toISOString(),
          bytesDl: 1e8,
        }),
      },
    ]);
    // Let the usage land before the ticket that needs it.
    await consumeUntil(`${topics.TOPIC_USAGE}`, (m) => m.length >= 1, 20000);
    await new Promise((r) => setTimeout(r, 1500));

    const at = occurredAt.toISOString();
    const cases: { event: Record<string, unknown>; cause: VerdictCause; networkRelated: boolean | null; serving?: string }[] = [
      { event: ticketEventFactory({ occurredAt: at, symptom: 'NO_SIGNAL', cellIds: [cells.outage.cellId] }), cause: 'OUTAGE', networkRelated: true, serving: cells.outage.cellId },
      { event: ticketEventFactory({ occurredAt: at, msisdn: usageMsisdn, symptom: 'SLOW_DATA' }), cause: 'CONGESTION', networkRelated: true, serving: cells.congestion.cellId },
      { event: ticketEventFactory({ occurredAt: at, symptom: 'WEAK_SIGNAL', location: { lat: 40.9005, lon: 111.9005 } }), cause: 'WEAK_COVERAGE', networkRelated: true, serving: cells.weak.cellId },
      { event: ticketEventFactory({ occurredAt: at, symptom: 'CALL_DROP', cellIds: [cells.drop.cellId], subscriber: { volteEnabled: true } }), cause: 'HIGH_DROP_RATE', networkRelated: true },
      { event: ticketEventFactory({ occurredAt: at, description: '打电话老是打不通', cellIds: [cells.access.cellId], subscriber: { volteEnabled: true } }), cause: 'ACCESS_FAILURE', networkRelated: true },
      { event: ticketEventFactory({ occurredAt: at, symptom: 'SLOW_DATA', cellIds: [cells.healthy5g.cellId], subscriber: { fiveGEnabled: false } }), cause: 'USER_SIDE', networkRelated: false },
      { event: ticketEventFactory({ occurredAt: at, symptom: 'SLOW_DATA', cellIds: [cells.healthy4g.cellId], subscriber: { fiveGEnabled: true } }), cause: 'NO_NETWORK_ISSUE', networkRelated: false },
      { event: ticketEventFactory({ occurredAt: at, msisdn: '13999999999', symptom: 'NO_DATA' }), cause: 'INSUFFICIENT_DATA', networkRelated: null },
    ];
    await send(topics.TOPIC_TICKETS, cases.map((c) => ({ key: String(c.event.ticketId), value: JSON.stringify(c.event) })));

    for (const c of cases) {
      const view = await waitForView(String(c.event.ticketId));
      expect({ ticketId: view.ticketId, cause: view.verdict.cause }).toEqual({ ticketId: c.event.ticketId, cause: c.cause });
      expect(view.verdict.networkRelated).toBe(c.networkRelated);
      expect(view.status).toBe('FINAL');
      if (c.serving) expect(view.cells.find((cell) => cell.role === 'SERVING')?.cellId).toBe(c.serving);
      if (c.cause !== 'INSUFFICIENT_DATA' && c.cause !== 'USER_SIDE' && c.cause !== 'NO_NETWORK_ISSUE') expect(view.verdict.evidence.length).toBeGreaterThan(0);
    }
    const access = await waitForView(String(cases[4].event.ticketId));
    expect(access.symptom).toBe('CALL_SETUP_FAILURE');
    expect(access.symptomSource).toBe('CLASSIFIED');

    const published = await consumeUntil(topics.TOPIC_NETWORK_CONTEXT, (m) => cases.every((c) => m.some((x) => x.key === c.event.ticketId)), 30000);
    const outage = published.find((m) => m.key === cases[0].event.ticketId)!;
    expect((JSON.parse(outage.value!) as NetworkView).verdict.cause).toBe('OUTAGE');
  });

  it('never lets an older or duplicate version overwrite a newer one', async () => {
    const v2 = ticketEventFactory({ occurredAt: occurredAt.toISOString(), symptom: 'SLOW_DATA', cellIds: [cells.congestion.cellId], version: 2 });
    const v1 = { ...v2, version: 1, cellIds: [cells.healthy4g.cellId] };
    const key = String(v2.ticketId);
    await send(topics.TOPIC_TICKETS, [
      { key, value: JSON.stringify(v2) },
      { key, value: JSON.stringify(v1) },
      { key, value: JSON.stringify(v2) },
    ]);
    const view = await waitForView(key);
    // Give the stale and duplicate messages time to be processed too.
    await new Promise((r) => setTimeout(r, 3000));
    const after = await app!.get(NetworkViewRepository).findByTicketIdOrComplaintNo(key);
    expect(after?.version).toBe(2);
    expect(after?.cells.map((c) => c.cellId)).toEqual([cells.congestion.cellId]);
    expect(view.verdict.cause).toBe('CONGESTION');
    const count = await db.dataSource.query('SELECT count(*)::int AS n FROM network_views WHERE ticket_id = $1', [key]);
    expect(count[0].n).toBe(1);
  });

  it('dead-letters poison messages with reasons and still processes the good ones', async () => {
    const good = ticketEventFactory({ occurredAt: occurredAt.toISOString(), symptom: 'SLOW_DATA', cellIds: [cells.healthy4g.cellId], subscriber: { fiveGEnabled: true } });
    await send(topics.TOPIC_TICKETS, [
      { key: 'bad-json', value: '{"ticketId": "x", ' },
      { key: 'bad-version', value: JSON.stringify({ ...ticketEventFactory(), version: 'two' }) },
      { key: String(good.ticketId), value: JSON.stringify(good) },
      { key: 'bad-id', value: JSON.stringify(ticketEventFactory({ ticketId: "x'; DROP TABLE tickets;--" })) },
    ]);
    const view = await waitForView(String(good.ticketId));
    expect(view.verdict.cause).toBe('NO_NETWORK_ISSUE');
    const dead = await consumeUntil(`${topics.TOPIC_TICKETS}.dlq`, (m) => m.length >= 3, 30000);
    const reasons = Object.fromEntries(dead.map((m) => [m.key, JSON.parse(m.value!).error]));
    expect(reasons['bad-json'].code).toBe('INVALID_JSON');
    expect(reasons['bad-version']).toMatchObject({ code: 'INVALID_CONTRACT' });
    expect(reasons['bad-version'].message).toContain('version');
    expect(reasons['bad-id'].message).toContain('ticketId');
    const tables = await db.dataSource.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'tickets'");
    expect(tables[0].n).toBe(1);
  });

  it('keeps a view PROVISIONAL while PM data is late and puts it on the durable schedule', async () => {
    const event = ticketEventFactory({ occurredAt: occurredAt.toISOString(), symptom: 'SLOW_DATA', cellIds: [cells.late.cellId] });
    await send(topics.TOPIC_TICKETS, [{ key: String(event.ticketId), value: JSON.stringify(event) }]);
    const view = await waitForView(String(event.ticketId));
    expect(view.status).toBe('PROVISIONAL');
    const scheduled = await db.dataSource.query('SELECT count(*)::int AS n FROM recorrelation_schedule WHERE ticket_id = $1', [event.ticketId]);
    expect(scheduled[0].n).toBe(1);

    // The late data arrives; the scheduler correlates again and the view becomes FINAL and leaves the schedule.
    const writer = new InfluxKpiWriter(new InfluxHttpClient({ url: influx.url, database: influx.database, timeoutMs: 15000, maxRetries: 1 }));
    await writer.write(intervalsFor(cells.late, occurredAt, new Date(occurredAt.getTime() + 2 * HOUR), 'NONE'));
    const final = await waitForView(String(event.ticketId), (v) => v.status === 'FINAL', 30000);
    expect(final.verdict.cause).toBe('NO_NETWORK_ISSUE');
    const left = await db.dataSource.query('SELECT count(*)::int AS n FROM recorrelation_schedule WHERE ticket_id = $1', [event.ticketId]);
    expect(left[0].n).toBe(0);
  });

  it('loses and duplicates nothing when the correlator is stopped mid-stream and restarted', async () => {
    const events = Array.from({ length: 300 }, (_, i) =>
      ticketEventFactory({ occurredAt: occurredAt.toISOString(), symptom: 'SLOW_DATA', cellIds: [i % 2 ? cells.congestion.cellId : cells.healthy4g.cellId], subscriber: { fiveGEnabled: true } }),
    );
    await send(topics.TOPIC_TICKETS, events.map((e) => ({ key: String(e.ticketId), value: JSON.stringify(e) })));
    await new Promise((r) => setTimeout(r, 300));
    await app!.close();
    app = await startCorrelator();
    const ids = events.map((e) => String(e.ticketId));
    const deadline = Date.now() + 90000;
    let rows: { ticket_id: string; verdict_cause: string }[] = [];
    while (Date.now() < deadline) {
      rows = await db.dataSource.query('SELECT ticket_id, verdict_cause FROM network_views WHERE ticket_id = ANY($1)', [ids]);
      if (rows.length === ids.length) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(rows).toHaveLength(300);
    expect(new Set(rows.map((r) => r.ticket_id)).size).toBe(300);
    const expected = Object.fromEntries(events.map((e, i) => [String(e.ticketId), i % 2 ? 'CONGESTION' : 'NO_NETWORK_ISSUE']));
    for (const row of rows) expect(row.verdict_cause).toBe(expected[row.ticket_id]);
  });
});
