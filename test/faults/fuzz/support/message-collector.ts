import { IHeaders } from 'kafkajs';
import { ConsumedMessage, testKafka, uniqueTopic } from '@cellscope/testing/kafka-test-topics';

/** Messages of some topics collected in the background from the beginning, by topic. */
export interface MessageCollector {
  of(topic: string): ConsumedMessage[];
  size(): number;
  stop(): Promise<void>;
}

const decodeHeaders = (headers: IHeaders | undefined): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers ?? {}).flatMap(([name, value]) => {
      const first = Array.isArray(value) ? value[0] : value;
      return first === undefined ? [] : [[name, first.toString()]];
    }),
  );

/** Joins a fresh consumer group on the topics and keeps every message it reads until `stop()`. */
export async function collectMessages(topics: string[]): Promise<MessageCollector> {
  const consumer = testKafka('fuzz-collector').consumer({ groupId: uniqueTopic('fuzz-collector'), maxWaitTimeInMs: 200 });
  const byTopic = new Map<string, ConsumedMessage[]>(topics.map((topic) => [topic, []]));
  let total = 0;
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      byTopic.get(topic)?.push({
        topic,
        partition,
        offset: message.offset,
        key: message.key?.toString() ?? null,
        value: message.value?.toString() ?? null,
        headers: decodeHeaders(message.headers),
        timestamp: message.timestamp,
      });
      total += 1;
    },
  });
  return {
    of: (topic) => byTopic.get(topic) ?? [],
    size: () => total,
    stop: () => consumer.disconnect(),
  };
}
