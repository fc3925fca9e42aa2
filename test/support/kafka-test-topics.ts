import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, type IHeaders } from 'kafkajs';
import { stackEndpoints } from './stack';

/** A message read back by {@link consumeUntil}, with key, value and headers decoded as UTF-8. */
export interface ConsumedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
  timestamp: string;
}

/** Options of {@link consumeUntil}. */
export interface ConsumeOptions {
  /** Consumer group; default a new unique one, so every call reads the topic on its own. */
  groupId?: string;
  /** Read from the earliest offset when the group has no committed one (default true). */
  fromBeginning?: boolean;
}

/**
 * A kafkajs client for tests, pointed at KAFKA_BROKERS (default 127.0.0.1:9092) or at `brokers`, quiet unless it
 * fails.
 */
export function testKafka(clientId = 'cellscope-test', brokers?: string[]): Kafka {
  return new Kafka({
    clientId,
    brokers: brokers ?? stackEndpoints().kafkaBrokers,
    connectionTimeout: 5000,
    requestTimeout: 15000,
    retry: { retries: 5, initialRetryTime: 100 },
    logLevel: logLevel.ERROR,
  });
}

/** A topic (or group) name no other test run uses: `<prefix>.<time>-<random>`, legal for Kafka. */
export function uniqueTopic(prefix: string): string {
  const safe = prefix.replace(/[^a-zA-Z0-9._-]/g, '-').slice(0, 180);
  return `${safe}.${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

/**
 * Creates the topics and waits until the broker serves every partition with a leader; fails if
 * one already exists. (kafkajs' own `waitForLeaders` gives up on "This server does not host this
 * topic-partition", which a busy broker answers for a moment after creating a topic.)
 * `brokers` defaults to KAFKA_BROKERS (the shared stack).
 */
export async function createTopics(names: string[], partitions = 3, timeoutMs = 30000, brokers?: string[]): Promise<void> {
  const admin = testKafka('cellscope-test-admin', brokers).admin();
  await admin.connect();
  try {
    const created = await admin.createTopics({
      waitForLeaders: false,
      topics: names.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1 })),
    });
    if (!created) throw new Error(`topics already exist: ${names.join(', ')}`);
    const deadline = Date.now() + timeoutMs;
    let lastProblem = '';
    for (;;) {
      try {
        const { topics } = await admin.fetchTopicMetadata({ topics: names });
        const ready = topics.every((t) => t.partitions.length === partitions && t.partitions.every((p) => p.leader >= 0));
        if (ready) return;
        lastProblem = 'partitions without a leader';
      } catch (error) {
        lastProblem = error instanceof Error ? error.message : String(error);
      }
      if (Date.now() > deadline) throw new Error(`topics ${names.join(', ')} not ready within ${timeoutMs} ms: ${lastProblem}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await admin.disconnect();
  }
}

/** Deletes the topics that exist among `names` (missing ones are ignored). */
export async function deleteTopics(names: string[]): Promise<void> {
  const admin = testKafka('cellscope-test-admin').admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const topics = names.filter((name) => existing.has(name));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 15000 });
  } finally {
    await admin.disconnect();
  }
}

const decodeHeaders = (headers: IHeaders | undefined): Record<string, string> => {
  const decoded: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) decoded[name] = first.toString();
  }
  return decoded;
};

/**
 * Joins a consumer group on `topic` and collects messages until `predicate(allSoFar)` is true,
 * then leaves the group (committing what it read) and returns them in arrival order.
 * Rejects after `timeoutMs` with how many messages had arrived.
 */
export async function consumeUntil(
  topic: string,
  predicate: (messages: ConsumedMessage[]) => boolean,
  timeoutMs = 30000,
  options: ConsumeOptions = {},
): Promise<ConsumedMessage[]> {
  const consumer = testKafka('cellscope-test-consumer').consumer({
    groupId: options.groupId ?? uniqueTopic('test-group'),
    maxWaitTimeInMs: 200,
  });
  const messages: ConsumedMessage[] = [];
  let timer: NodeJS.Timeout | undefined;
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: options.fromBeginning ?? true });
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`consumeUntil(${topic}): condition not met within ${timeoutMs} ms (${messages.length} message(s) received)`)),
        timeoutMs,
      );
      consumer
        .run({
          eachMessage: async ({ topic: from, partition, message }) => {
            messages.push({
              topic: from,
              partition,
              offset: message.offset,
              key: message.key?.toString() ?? null,
              value: message.value?.toString() ?? null,
              headers: decodeHeaders(message.headers),
              timestamp: message.timestamp,
            });
            if (predicate(messages)) resolve();
          },
        })
        .catch(reject);
    });
    return messages;
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
  }
}
