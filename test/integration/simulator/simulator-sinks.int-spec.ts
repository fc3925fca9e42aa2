import { parseTicketEvent, parseUsageRecord } from '@cellscope/contracts';
import { sumIntervals } from '@cellscope/domain';
import { InfluxHttpClient, InfluxKpiRepository, InfluxKpiWriter, quoteIdentifier } from '@cellscope/kpi';
import {
  createKafkaSink,
  deliverScenario,
  KpiWriterScenarioSink,
  runSimCli,
  ScenarioDataKind,
  ScenarioTopics,
} from '@cellscope/simulator';
import { contractScenario, describeScenarioSinkContract } from '@cellscope/simulator/sinks/scenario-sink.contract';
import { consumeUntil, createTopics, deleteTopics, testKafka, uniqueTopic } from '@cellscope/testing/kafka-test-topics';
import { stackEndpoints } from '@cellscope/testing/stack';
import { createInfluxTestDatabase, InfluxTestDatabase } from '@cellscope/testing/kpi/influx-test-database';

/**
 * Messages on a topic, from the partitions' low and high watermarks (exact: no compaction, no transactions).
 * A just-created topic may answer "not the leader" for a moment: retriable errors are retried for up to 15 s.
 */
async function messageCount(topic: string): Promise<number> {
  const admin = testKafka('cellscope-sim-test-admin').admin();
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        const offsets = await admin.fetchTopicOffsets(topic);
        return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
      } catch (error) {
        if (!(error as { retriable?: boolean }).retriable || attempt >= 75) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  } finally {
    await admin.disconnect();
  }
}

async function pointCount(db: InfluxTestDatabase): Promise<number> {
  const [result] = await db.client.query('SELECT count("period_s") FROM "cell_kpi"');
  return Number(result?.series[0]?.values[0]?.[1] ?? 0);
}

function uniqueTopics(): ScenarioTopics {
  return { cells: uniqueTopic('it.sim.cells'), usage: uniqueTopic('it.sim.usage'), tickets: uniqueTopic('it.sim.tickets') };
}

const createdTopics: string[] = [];
const databases: { drop(): Promise<void> }[] = [];

afterAll(async () => {
  await deleteTopics(createdTopics);
  for (const db of databases) await db.drop();
});

describeScenarioSinkContract('Kafka (KafkaMessagePublisher on unique topics)', async () => {
  const topics = uniqueTopics();
  await createTopics(Object.values(topics));
  createdTopics.push(...Object.values(topics));
  const sink = await createKafkaSink(stackEndpoints().kafkaBrokers, topics, false);
  return {
    sink,
    readBack: async () => ({
      cells: await messageCount(topics.cells),
      usage: await messageCount(topics.usage),
      tickets: await messageCount(topics.tickets),
    }),
  };
});

describeScenarioSinkContract('InfluxDB (InfluxKpiWriter into a unique database)', async () => {
  const db = await createInfluxTestDatabase('it_sim');
  databases.push(db);
  return { sink: new KpiWriterScenarioSink(new InfluxKpiWriter(db.client)), readBack: async () => ({ kpis: await pointCount(db) }) };
});

describe('simulator sinks against the real servers', () => {
  it('writes contract messages that consumers read back: tickets keyed by ticketId, usage keyed by msisdn', async () => {
    const topics = uniqueTopics();
    await createTopics(Object.values(topics));
    createdTopics.push(...Object.values(topics));
    const scenario = contractScenario();
    const sink = await createKafkaSink(stackEndpoints().kafkaBrokers, topics, false);
    try {
      await deliverScenario(scenario, sink, { batchSize: 100 });
    } finally {
      await sink.close();
    }
    const tickets = await consumeUntil(topics.tickets, (m) => m.length >= scenario.ticketEvents.length);
    expect(tickets).toHaveLength(scenario.ticketEvents.length);
    for (const message of tickets) {
      const parsed = parseTicketEvent(JSON.parse(message.value!));
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(message.key).toBe(parsed.value.ticketId);
    }
    expect(new Set(tickets.map((m) => m.key))).toEqual(new Set(scenario.ticketEvents.map((e) => e.ticketId)));
    const usage = await consumeUntil(topics.usage, (m) => m.length >= scenario.usage.length);
    expect(usage).toHaveLength(scenario.usage.length);
    for (const message of usage) {
      const parsed = parseUsageRecord(JSON.parse(message.value!));
      expect(parsed.ok && parsed.value.msisdn === message.key).toBe(true);
    }
  });

  it('writes KPI intervals that the KPI repository sums back to the generated counters', async () => {
    const db = await createInfluxTestDatabase('it_sim');
    databases.push(db);
    const scenario = contractScenario();
    await deliverScenario(scenario, new KpiWriterScenarioSink(new InfluxKpiWriter(db.client)));
    const cellIds = [...new Set(scenario.kpis.map((i) => i.cellId))];
    const window = { from: scenario.from, to: scenario.now };
    const sums = await new InfluxKpiRepository(db.client).sumWindow(cellIds, window);
    expect(sums.size).toBe(cellIds.length);
    for (const cellId of cellIds) {
      const expected = sumIntervals(cellId, scenario.kpis.filter((i) => i.cellId === cellId));
      const actual = sums.get(cellId)!;
      expect(actual.intervals).toBe(expected.intervals);
      expect(actual.downIntervals).toBe(expected.downIntervals);
      for (const [name, value] of Object.entries(expected.counters)) expect(actual.counters[name as keyof typeof actual.counters]).toBeCloseTo(value!, 6);
    }
  });

  it('runs the CLI end to end with --target both into fresh topics and a fresh database', async () => {
    const topics = uniqueTopics();
    createdTopics.push(...Object.values(topics));
    const database = `it_sim_cli_${Date.now()}`;
    const out: string[] = [];
    const err: string[] = [];
    const args = [
      '--seed', 'it-cli', '--sites', '10', '--subscribers', '50', '--tickets', '5', '--days', '0.25', '--now', '2026-03-04T12:00:00Z',
      '--target', 'both', '--create-topics', '--json',
      '--kafka-brokers', stackEndpoints().kafkaBrokers.join(','), '--influx-url', stackEndpoints().influxUrl, '--influx-db', database,
      '--topic-cells', topics.cells, '--topic-usage', topics.usage, '--topic-tickets', topics.tickets,
    ];
    const code = await runSimCli(args, {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      now: () => new Date(),
      sleep: async () => undefined,
      stopRequested: () => false,
    });
    const client = new InfluxHttpClient({ url: stackEndpoints().influxUrl, database });
    databases.push({ drop: async () => void (await client.query(`DROP DATABASE ${quoteIdentifier(database)}`, { method: 'POST' })) });
    expect({ code, err: err.filter((l) => l.includes('failed')) }).toEqual({ code: 0, err: [] });
    const report = JSON.parse(out[0]) as { delivered: Record<ScenarioDataKind, number>; cells: { total: number }; kpiIntervals: number };
    expect(report.delivered.cells).toBe(report.cells.total);
    expect(report.delivered.kpis).toBe(report.kpiIntervals);
    expect(await messageCount(topics.cells)).toBe(report.delivered.cells);
    expect(await messageCount(topics.usage)).toBe(report.delivered.usage);
    expect(await messageCount(topics.tickets)).toBe(report.delivered.tickets);
    const [result] = await client.query('SELECT count("period_s") FROM "cell_kpi"');
    expect(Number(result?.series[0]?.values[0]?.[1])).toBe(report.delivered.kpis);
  });
});
