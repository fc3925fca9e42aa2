import { loadConfig } from '@cellscope/config';
import {
  BatchProcessor,
  createKafkaClient,
  InboundMessage,
  KafkaMessageConsumer,
  KafkaMessagePublisher,
  MessageConsumer,
} from '@cellscope/messaging';
import { describeMessageBusContract } from '@cellscope/messaging/message-bus.contract';
import { consumeUntil, createTopics, deleteTopics, uniqueTopic } from '@cellscope/testing/kafka-test-topics';
import { stackEndpoints } from '@cellscope/testing/stack';

describeMessageBusContract('Kafka (kafkajs) against the real broker', async () => {
  const config = loadConfig({ KAFKA_BROKERS: stackEndpoints().kafkaBrokers.join(',') });
  const kafka = createKafkaClient(config, 'contract-test');
  const publisher = new KafkaMessagePublisher(kafka);
  const groupId = uniqueTopic('cellscope-contract-group');
  const topics: string[] = [];
  return {
    publisher,
    newConsumer: (): MessageConsumer =>
      new KafkaMessageConsumer(kafka, new BatchProcessor(publisher, { maxPermanentAttempts: 2, initialBackoffMs: 20, maxBackoffMs: 200 }), publisher, {
        groupId,
        chunkSize: 50,
        partitions: 3,
        sessionTimeoutMs: 10000,
      }),
    readTopic: async (topic: string, expected: number, timeoutMs: number): Promise<InboundMessage[]> => {
      const found = await consumeUntil(topic, (all) => all.length >= expected, timeoutMs);
      return found.map((m) => ({
        topic: m.topic,
        partition: m.partition,
        offset: m.offset,
        key: m.key,
        value: m.value === null ? null : Buffer.from(m.value, 'utf8'),
        timestamp: new Date(Number(m.timestamp)),
      }));
    },
    uniqueTopic: async (prefix: string) => {
      const topic = uniqueTopic(`contract-${prefix}`);
      await createTopics([topic, `${topic}.dlq`], 3);
      topics.push(topic, `${topic}.dlq`);
      return topic;
    },
    cleanup: async () => {
      await publisher.onApplicationShutdown();
      await deleteTopics(topics).catch(() => undefined);
    },
  };
});
