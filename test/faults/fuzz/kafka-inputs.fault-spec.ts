import { mkdirSync, writeFileSync } from 'node:fs';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import fc from 'fast-check';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '@cellscope/config';
import { Cell } from '@cellscope/domain';
import { InfluxHttpClient, InfluxKpiWriter } from '@cellscope/kpi';
import { DEAD_LETTER_CODE_HEADER, DEAD_LETTER_REASON_HEADER } from '@cellscope/messaging';
import { createInfluxTestDatabase, InfluxTestDatabase, listInfluxDatabases } from '@cellscope/testing/kpi/influx-test-database';
import { ConsumedMessage, createTopics, deleteTopics, testKafka, uniqueTopic } from '@cellscope/testing/kafka-test-topics';
import { createTestDatabase, TestDatabase } from '@cellscope/testing/postgres-test-database';
import { stackEndpoints } from '@cellscope/testing/stack';
import { CorrelatorModule } from '../../../apps/correlator/src/correlator.module';
import { intervalsFor } from '../../factories/network.factory';
import { CapturedLog, freePort } from '../../integration/api/support/api-test-app';
import { BadMessage, badMessageArbitrary, CELL_RECORD_FIELDS, ExpectedDeadLetterCode, TICKET_EVENT_FIELDS, USAGE_RECORD_FIELDS } from './support/bad-kafka-records';
import { fuzzCount, fuzzSeed } from './support/fuzz-seed';
import { collectMessages, MessageCollector } from './support/message-collector';
import { HOSTILE_STRINGS, hostileStringArbitrary } from './support/hostile-strings';
import { fullCellRecord, fullTicketEvent, fullUsageRecord, usageEndNotAfterStart } from './support/valid-kafka-records';

const MINUTE = 60_000;
/** One valid message after every this many bad ones. */
const VALID_EVERY = 100;
/** Every this many bad messages gets a fuzzed key (null, invalid UTF-8, huge, hostile) instead of a tracking key. */
const ODD_KEY_EVERY = 50;
/** Bytes per producer request, well under the broker's message.max.bytes. */
const SEND_BYTES = 400 * 1024;

type TopicName = 'tickets' | 'cells' | 'usage';

interface OutgoingMessage {
  key: string | Buffer | null;
  value: Buffer | string | null;
}

/** A bad message as sent: how to find its dead letter (by key, or by a marker in a non-JSON value). */
interface SentBadMessage extends BadMessage {
  trackingKey?: string;
  marker?: string;
}

/**
 * Fuzzes the three Kafka inputs of the real correlator (CorrelatorModule as main.ts builds it, in-process) against the
 * shared Kafka, PostgreSQL and InfluxDB: 10,000 generated bad messages per topic (FUZZ_KAFKA_RUNS) interleaved with
 * valid traffic. Every bad message must reach `<topic>.dlq` with the expected code in the value and the headers, the
 * valid messages must be stored and correlated, and the process must stay ready. Seeded (FUZZ_SEED) for replay.
 */
describe('fuzzing the Kafka inputs of the correlator (real Kafka + PostgreSQL + InfluxDB)', () => {
  const seed = fuzzSeed('kafka inputs');
  const badPerTopic = fuzzCount('FUZZ_KAFKA_RUNS', 10_000);
  const validPerTopic = Math.max(3, Math.floor(badPerTopic / VALID_EVERY));
  const run = uniqueTopic('fuzz');
  const tag = run.replace(/[^A-Za-z0-9]/g, '').slice(-12);
  const topics: Record<TopicName, string> = { tickets: `${run}.tickets`, cells: `${run}.cells`, usage: `${run}.usage` };
  const contextTopic = `${run}.context`;
  const dlq = (topic: TopicName) => `${topics[topic]}.dlq`;
  const occurredAt = new Date(Math.floor((Date.now() - 4 * 60 * MINUTE) / (15 * MINUTE)) * 15 * MINUTE + 7 * MINUTE);
  const log = new CapturedLog();
  const producer = testKafka('fuzz-producer').producer();
  let db: TestDatabase;
  let influx: InfluxTestDatabase;
  let app: INestApplication | undefined;
  let healthUrl: string;

  const validCells: Cell[] = Array.from({ length: validPerTopic }, (_, j) => ({
    cellId: `${tag}-C${j}`,
    // Legal but hostile names: stored and returned verbatim, never interpreted.
    name: `${HOSTILE_STRINGS[j % HOSTILE_STRINGS.length]} #${j}`,
    siteId: `${tag}-S${j}`,
    siteType: 'MACRO',
    networkType: j % 2 ? '5G' : '4G',
    lat: 40.8 + j / 1000,
    lon: 111.7,
    azimuth: (j * 37) % 360,
    status: 'ACTIVE',
  }));
  const validMsisdn = (j: number) => `139${String(70_000_000 + j).padStart(8, '0')}`;
  const validTicketId = (j: number) => `${tag}-T${j}`;
  const validRecords: Record<TopicName, (j: number) => { key: string; value: string }> = {
    cells: (j) => ({ key: validCells[j].cellId, value: JSON.stringify(validCells[j]) }),
    usage: (j) => ({
      key: validMsisdn(j),
      value: JSON.stringify({
        msisdn: validMsisdn(j),
        cellId: validCells[j].cellId,
        start: new Date(occurredAt.getTime() - 30 * MINUTE).toISOString(),
        end: new Date(occurredAt.getTime() + 10 * MINUTE).toISOString(),
        bytesDl: 1e8 + j,
      }),
    }),
    tickets: (j) => ({
      key: validTicketId(j),
      value: JSON.stringify({
        ticketId: validTicketId(j),
        version: 1,
        status: 'OPEN',
        msisdn: validMsisdn(j),
        reportedAt: new Date(occurredAt.getTime() + 20 * MINUTE).toISOString(),
        occurredAt: occurredAt.toISOString(),
        symptom: 'SLOW_DATA',
        description: `${HOSTILE_STRINGS[(j + 3) % HOSTILE_STRINGS.length]} 网速慢`,
        ...(j % 2 ? { cellIds: [validCells[j].cellId] } : {}),
      }),
    }),
  };

  const arbitraries: Record<TopicName, fc.Arbitrary<BadMessage>> = {
    tickets: badMessageArbitrary(TICKET_EVENT_FIELDS, fullTicketEvent),
    cells: badMessageArbitrary(CELL_RECORD_FIELDS, fullCellRecord),
    usage: badMessageArbitrary(USAGE_RECORD_FIELDS, fullUsageRecord, usageEndNotAfterStart),
  };
  const oddKeys = fc.oneof(
    fc.constant(null),
    fc.constant(Buffer.from([0xff, 0xfe, 0x00, 0xc3])),
    fc.integer({ min: 1000, max: 20_000 }).map((n) => 'k'.repeat(n)),
    hostileStringArbitrary(),
  );

  /** The messages of one topic in send order, and the bad ones with how to find them in the dead-letter topic. */
  function buildTopicTraffic(topic: TopicName, topicSeed: number): { outgoing: OutgoingMessage[]; bad: SentBadMessage[] } {
    const generated = fc.sample(arbitraries[topic], { seed: topicSeed, numRuns: badPerTopic });
    const keys = fc.sample(oddKeys, { seed: topicSeed + 1, numRuns: Math.ceil(badPerTopic / ODD_KEY_EVERY) });
    const outgoing: OutgoingMessage[] = [];
    const bad: SentBadMessage[] = [];
    generated.forEach((message, i) => {
      if (i % ODD_KEY_EVERY === ODD_KEY_EVERY - 1) {
        const marker = `${tag}:marker:${topic}:${i}`;
        bad.push({ category: 'fuzzed key', value: Buffer.from(`<${marker}>`), expected: 'INVALID_JSON', marker });
        outgoing.push({ key: keys[Math.floor(i / ODD_KEY_EVERY)], value: `<${marker}>` });
      } else {
        const trackingKey = `${tag}:bad:${topic}:${i}`;
        bad.push({ ...message, trackingKey });
        outgoing.push({ key: trackingKey, value: message.value });
      }
      const j = Math.floor(i / VALID_EVERY);
      if (i % VALID_EVERY === VALID_EVERY - 1 && j < validPerTopic) outgoing.push(validRecords[topic](j));
    });
    for (let j = Math.floor(badPerTopic / VALID_EVERY); j < validPerTopic; j++) outgoing.push(validRecords[topic](j));
    return { outgoing, bad };
  }

  async function sendAll(topic: string, messages: OutgoingMessage[]): Promise<void> {
    let chunk: OutgoingMessage[] = [];
    let bytes = 0;
    const flush = async () => {
      if (chunk.length > 0) await producer.send({ topic, messages: chunk });
      chunk = [];
      bytes = 0;
    };
    for (const message of messages) {
      const size = (message.value?.length ?? 0) + (message.key?.length ?? 0) + 64;
      if (bytes + size > SEND_BYTES) await flush();
      chunk.push(message);
      bytes += size;
    }
    await flush();
  }

  async function waitFor<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (done(value)) return value;
      if (Date.now() > deadline) throw new Error(`${what} not reached within ${timeoutMs} ms (seed ${seed})`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase('fuzz_kafka');
    influx = await createInfluxTestDatabase('fuzz_kafka');
    await createTopics([...Object.values(topics), ...(['tickets', 'cells', 'usage'] as const).map(dlq), contextTopic], 3);
    await producer.connect();
    const writer = new InfluxKpiWriter(new InfluxHttpClient({ url: influx.url, database: influx.database, timeoutMs: 15000, maxRetries: 1 }));
    const from = new Date(occurredAt.getTime() - 2 * 60 * MINUTE);
    const to = new Date(occurredAt.getTime() + 2 * 60 * MINUTE);
    await writer.write(validCells.flatMap((cell, j) => intervalsFor(cell, from, to, j % 5 === 0 ? 'CONGESTION' : 'NONE')));
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: db.url,
      DATABASE_POOL_SIZE: '4',
      KAFKA_BROKERS: stackEndpoints().kafkaBrokers.join(','),
      INFLUX_DATABASE: influx.database,
      KAFKA_GROUP_ID: `${run}.group`,
      TOPIC_TICKETS: topics.tickets,
      TOPIC_CELLS: topics.cells,
      TOPIC_USAGE: topics.usage,
      TOPIC_NETWORK_CONTEXT: contextTopic,
      LOG_LEVEL: 'info',
    });
    app = await NestFactory.create(CorrelatorModule.forRoot(config, { logDestination: log }), { bufferLogs: true });
    app.useLogger(app.get(Logger));
    const port = await freePort();
    await app.listen(port, '127.0.0.1');
    healthUrl = `http://127.0.0.1:${port}/health`;
  });

  afterAll(async () => {
    await app?.close();
    // The correlator's own log of the run, for diagnosing a failure (test-artifacts/ is not committed).
    mkdirSync('test-artifacts/fuzz', { recursive: true });
    writeFileSync('test-artifacts/fuzz/kafka-correlator.log', log.text);
    await producer.disconnect();
    await deleteTopics([...Object.values(topics), ...(['tickets', 'cells', 'usage'] as const).map(dlq), contextTopic]).catch(() => undefined);
    await influx?.drop();
    await db?.drop();
  });

  it('dead-letters every bad message with its reason, still processes the valid traffic and stays ready', async () => {
    const started = Date.now();
    const collected = await collectMessages((['cells', 'usage', 'tickets'] as const).map(dlq));
    try {
      await fuzzAndCheck(started, collected);
    } finally {
      await collected.stop();
    }
  }, 900_000);

  async function fuzzAndCheck(started: number, collected: MessageCollector): Promise<void> {
    const traffic = {
      cells: buildTopicTraffic('cells', seed),
      usage: buildTopicTraffic('usage', seed + 1000),
      tickets: buildTopicTraffic('tickets', seed + 2000),
    };
    const generatedMs = Date.now() - started;
    // The inventory and usage first (as in production they usually are), the tickets right behind them.
    await Promise.all([sendAll(topics.cells, traffic.cells.outgoing), sendAll(topics.usage, traffic.usage.outgoing)]);
    await sendAll(topics.tickets, traffic.tickets.outgoing);
    const sentMs = Date.now() - started;

    // Wait until every bad message has its dead letter, or until none has arrived for a while (then report which lack one).
    const expectedDeadLetters = (['cells', 'usage', 'tickets'] as const).reduce((sum, topic) => sum + traffic[topic].bad.length, 0);
    let lastCount = -1;
    let lastChange = Date.now();
    while (collected.size() < expectedDeadLetters && Date.now() - lastChange < 45_000) {
      if (collected.size() !== lastCount) {
        lastCount = collected.size();
        lastChange = Date.now();
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const deadLetters = (['cells', 'usage', 'tickets'] as const).map((topic) => collected.of(dlq(topic)));
    const dlqMs = Date.now() - started;

    const summary: string[] = [];
    (['cells', 'usage', 'tickets'] as const).forEach((topic, t) => {
      const received = deadLetters[t];
      const byKey = new Map<string, ConsumedMessage>();
      const byMarker = new Map<string, ConsumedMessage>();
      const codes: Record<string, number> = {};
      for (const message of received) {
        const record = JSON.parse(message.value!) as { sourceTopic: string; key: string | null; value: string | null; error: { code: string; message: string } };
        expect(record.sourceTopic).toBe(topics[topic]);
        expect(record.error.message.length).toBeGreaterThan(0);
        expect(message.headers[DEAD_LETTER_CODE_HEADER]).toBe(record.error.code);
        expect(message.headers[DEAD_LETTER_REASON_HEADER]?.length).toBeGreaterThan(0);
        codes[record.error.code] = (codes[record.error.code] ?? 0) + 1;
        if (message.key?.startsWith(`${tag}:bad:`)) byKey.set(message.key, message);
        const marker = /^<(.+:marker:.+)>$/.exec(record.value ?? '')?.[1];
        if (marker) byMarker.set(marker, message);
      }
      const mismatches: string[] = [];
      for (const sent of traffic[topic].bad) {
        const found = sent.trackingKey ? byKey.get(sent.trackingKey) : byMarker.get(sent.marker!);
        const code = found ? (JSON.parse(found.value!) as { error: { code: ExpectedDeadLetterCode } }).error.code : 'NOT DEAD-LETTERED';
        if (code !== sent.expected) {
          const preview = sent.value === null ? 'null' : sent.value.subarray(0, 160).toString('utf8');
          mismatches.push(`${sent.trackingKey ?? sent.marker} (${sent.category}): expected ${sent.expected}, got ${code}; value ${preview}`);
        }
      }
      expect({ topic, seed, mismatches: mismatches.slice(0, 10), count: mismatches.length }).toEqual({ topic, seed, mismatches: [], count: 0 });
      expect(received).toHaveLength(traffic[topic].bad.length);
      summary.push(`${topic}: ${traffic[topic].bad.length} bad → dead-lettered ${JSON.stringify(codes)}`);
    });

    // The valid traffic around the bad messages is stored and correlated.
    const cellIds = validCells.map((c) => c.cellId);
    const cellRows = await waitFor(
      'all valid cells stored',
      () => db.dataSource.query('SELECT cell_id, name FROM cells WHERE cell_id = ANY($1)', [cellIds]) as Promise<{ cell_id: string; name: string }[]>,
      (rows) => rows.length === validCells.length,
      60_000,
    );
    expect(Object.fromEntries(cellRows.map((r) => [r.cell_id, r.name]))).toEqual(Object.fromEntries(validCells.map((c) => [c.cellId, c.name])));
    const msisdns = validCells.map((_, j) => validMsisdn(j));
    await waitFor(
      'all valid usage stored',
      () => db.dataSource.query('SELECT count(*)::int AS n FROM usage_records WHERE msisdn = ANY($1)', [msisdns]) as Promise<{ n: number }[]>,
      (rows) => rows[0].n === validPerTopic,
      60_000,
    );
    const ticketIds = validCells.map((_, j) => validTicketId(j));
    await waitFor(
      'a network view for every valid ticket',
      () => db.dataSource.query('SELECT count(*)::int AS n FROM network_views WHERE ticket_id = ANY($1)', [ticketIds]) as Promise<{ n: number }[]>,
      (rows) => rows[0].n === validPerTopic,
      120_000,
    );
    const tickets = (await db.dataSource.query('SELECT ticket_id, description FROM tickets WHERE ticket_id = ANY($1)', [ticketIds])) as { ticket_id: string; description: string }[];
    expect(Object.fromEntries(tickets.map((r) => [r.ticket_id, r.description]))).toEqual(
      Object.fromEntries(ticketIds.map((id, j) => [id, `${HOSTILE_STRINGS[(j + 3) % HOSTILE_STRINGS.length]} 网速慢`])),
    );
    const congested = (await db.dataSource.query("SELECT count(*)::int AS n FROM network_views WHERE ticket_id = ANY($1) AND verdict_cause = 'CONGESTION'", [ticketIds])) as { n: number }[];
    expect(congested[0].n).toBeGreaterThan(0);
    // Nothing was dropped by an injection attempt: the tables and the InfluxDB database are still there.
    const tables = (await db.dataSource.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('tickets', 'cells', 'usage_records', 'network_views')")) as { n: number }[];
    expect(tables[0].n).toBe(4);
    expect(await listInfluxDatabases(influx.client)).toContain(influx.database);

    // The process stayed up and ready, and its log holds no subscriber number in clear.
    expect((await fetch(`${healthUrl}/live`)).status).toBe(200);
    const ready = await fetch(`${healthUrl}/ready`);
    expect({ status: ready.status, body: await ready.json() }).toMatchObject({ status: 200 });
    const logText = log.text;
    const leaked = msisdns.filter((m) => logText.includes(m));
    expect(leaked).toEqual([]);

    const totalMs = Date.now() - started;
    process.stdout.write(
      `[fuzz] kafka inputs (seed ${seed}): ${summary.join('; ')}; valid per topic ${validPerTopic}; ` +
        `generated in ${generatedMs} ms, sent by ${sentMs} ms, all dead letters by ${dlqMs} ms, done in ${totalMs} ms\n`,
    );
  }
});
