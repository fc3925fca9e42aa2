import { randomBytes } from 'node:crypto';
import { Kafka } from 'kafkajs';

/** A message read back from a topic. */
export interface ReadMessage {
  partition: number;
  /** Offset as a number (the test topics stay far below 2^53). */
  offset: number;
  key: string | null;
  value: string | null;
}

/** Offsets per partition (committed ones, or high watermarks). */
export type PartitionOffsets = Map<number, number>;

/** High watermark (next offset to be written) of every partition of the topic. */
export async function highWatermarks(kafka: Kafka, topic: string): Promise<PartitionOffsets> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return new Map(offsets.map((o) => [o.partition, Number(o.high)]));
  } finally {
    await admin.disconnect();
  }
}

/**
 * The consumer group's committed offset per partition of `topic` (the next message it will read; -1 when it has
 * committed nothing for that partition).
 */
export async function committedOffsets(kafka: Kafka, groupId: string, topic: string): Promise<PartitionOffsets> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [answer] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return new Map((answer?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
  } finally {
    await admin.disconnect();
  }
}

/**
 * Every message of the topic up to its current high watermarks, per partition in offset order (a consumer of a
 * group of its own, from the beginning). Rejects after `timeoutMs`.
 */
export async function readTopic(kafka: Kafka, topic: string, timeoutMs = 60_000): Promise<ReadMessage[]> {
  const ends = await highWatermarks(kafka, topic);
  const remaining = new Set([...ends].filter(([, high]) => high > 0).map(([partition]) => partition));
  const messages: ReadMessage[] = [];
  if (remaining.size === 0) return messages;
  const consumer = kafka.consumer({ groupId: `faults-reader-${randomBytes(6).toString('hex')}`, maxWaitTimeInMs: 100, maxBytesPerPartition: 4 * 1024 * 1024 });
  await consumer.connect();
  let timer: NodeJS.Timeout | undefined;
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`readTopic(${topic}): ${messages.length} message(s) read, partitions ${[...remaining].join(',')} unfinished after ${timeoutMs} ms`)), timeoutMs);
      consumer
        .run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            const end = ends.get(batch.partition) ?? 0;
            for (const m of batch.messages) {
              const offset = Number(m.offset);
              if (offset >= end) break;
              messages.push({ partition: batch.partition, offset, key: m.key?.toString('utf8') ?? null, value: m.value?.toString('utf8') ?? null });
              if (offset === end - 1) remaining.delete(batch.partition);
            }
            if (remaining.size === 0) resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
  }
  return messages.sort((a, b) => a.partition - b.partition || a.offset - b.offset);
}
