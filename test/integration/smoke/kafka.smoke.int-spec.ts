import type { Admin, Producer } from 'kafkajs';
import { consumeUntil, createTopics, deleteTopics, testKafka, uniqueTopic, type ConsumedMessage } from '@cellscope/testing/kafka-test-topics';

/**
 * Smoke test of the real Kafka broker: a fresh topic with 3 partitions, keyed messages produced
 * with kafkajs, read back through a consumer group. Checks what an in-memory fake would not:
 * the partition count the broker reports, per-partition offsets, the same key always landing on
 * the same partition (also across separate sends), per-key order, and the group's committed offsets.
 */
describe('Kafka smoke (real broker)', () => {
  const topic = uniqueTopic('smoke.kafka');
  const keys = ['cell-A1', 'cell-B2', 'cell-C3', 'cell-D4', 'cell-E5', 'cell-F6', 'cell-G7', 'cell-H8'];
  const rounds = 3;
  let admin: Admin;
  let producer: Producer;

  beforeAll(async () => {
    await createTopics([topic], 3);
    const kafka = testKafka('cellscope-smoke');
    admin = kafka.admin();
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await Promise.all([admin.connect(), producer.connect()]);
  });

  afterAll(async () => {
    await Promise.all([producer?.disconnect(), admin?.disconnect()]);
    await deleteTopics([topic]);
  });

  it('creates the topic with the requested partitions on the broker', async () => {
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(metadata.topics).toHaveLength(1);
    expect(metadata.topics[0].name).toBe(topic);
    expect(metadata.topics[0].partitions.map((p) => p.partitionId).sort()).toEqual([0, 1, 2]);
    for (const partition of metadata.topics[0].partitions) expect(partition.leader).toBeGreaterThanOrEqual(0);
  });

  it('delivers keyed messages back through a consumer group, partitioned by key and in order per key', async () => {
    // Each round is a separate send, so "same key, same partition" is checked across requests too.
    for (let round = 0; round < rounds; round += 1) {
      const result = await producer.send({
        topic,
        acks: -1,
        messages: keys.map((key) => ({
          key,
          value: JSON.stringify({ cellId: key, round }),
          headers: { 'x-round': String(round) },
        })),
      });
      expect(result.every((r) => r.errorCode === 0)).toBe(true);
    }
    const expected = keys.length * rounds;

    const groupId = uniqueTopic('smoke.kafka.group');
    const received = await consumeUntil(topic, (messages) => messages.length >= expected, 30000, { groupId });

    expect(received).toHaveLength(expected);
    // Every produced (key, round) arrives exactly once with its value and header.
    const seen = received.map((m) => `${m.key}#${JSON.parse(m.value ?? '{}').round}#${m.headers['x-round']}`).sort();
    const wanted = keys.flatMap((key) => Array.from({ length: rounds }, (_, round) => `${key}#${round}#${round}`)).sort();
    expect(seen).toEqual(wanted);
    for (const message of received) expect(JSON.parse(message.value ?? '{}').cellId).toBe(message.key);

    // One partition per key, rounds in order, offsets strictly increasing within a partition.
    const byKey = new Map<string, ConsumedMessage[]>();
    for (const message of received) byKey.set(message.key ?? '', [...(byKey.get(message.key ?? '') ?? []), message]);
    for (const key of keys) {
      const ofKey = byKey.get(key) ?? [];
      expect(ofKey).toHaveLength(rounds);
      expect(new Set(ofKey.map((m) => m.partition)).size).toBe(1);
      expect(ofKey.map((m) => JSON.parse(m.value ?? '{}').round)).toEqual([0, 1, 2]);
      const offsets = ofKey.map((m) => BigInt(m.offset));
      for (let i = 1; i < offsets.length; i += 1) expect(offsets[i] > offsets[i - 1]).toBe(true);
    }
    // Eight keys spread over more than one of the three partitions.
    expect(new Set(received.map((m) => m.partition)).size).toBeGreaterThan(1);

    // The broker's high watermarks count exactly what was produced, and the group committed them.
    const watermarks = await admin.fetchTopicOffsets(topic);
    const perPartition = new Map<number, number>();
    for (const message of received) perPartition.set(message.partition, (perPartition.get(message.partition) ?? 0) + 1);
    for (const { partition, high, low } of watermarks) {
      expect(Number(high) - Number(low)).toBe(perPartition.get(partition) ?? 0);
    }
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const committedByPartition = new Map(committed.partitions.map((p) => [p.partition, p.offset]));
    for (const { partition, high } of watermarks) {
      if (Number(high) > 0) expect(committedByPartition.get(partition)).toBe(high);
    }
  });

  it('a second consumer group reads the same messages independently', async () => {
    const received = await consumeUntil(topic, (messages) => messages.length >= keys.length * rounds, 30000);
    expect(received).toHaveLength(keys.length * rounds);
    expect(new Set(received.map((m) => m.key))).toEqual(new Set(keys));
  });
});
