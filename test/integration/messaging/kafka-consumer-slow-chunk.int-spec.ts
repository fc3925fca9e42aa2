import { loadConfig } from '@cellscope/config';
import { BatchProcessor, createKafkaClient, InboundMessage, KafkaMessageConsumer, KafkaMessagePublisher, MessageOutcome, TopicHandler } from '@cellscope/messaging';
import { createTopics, deleteTopics, uniqueTopic } from '@cellscope/testing/kafka-test-topics';
import { stackEndpoints } from '@cellscope/testing/stack';

/** The broker's smallest session timeout (group.min.session.timeout.ms default). */
const SESSION_TIMEOUT_MS = 6000;
/** Longer than two session timeouts: without heartbeats meanwhile the member would be dropped from the group. */
const SLOW_CHUNK_MS = 14_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Records every delivery; the first chunk takes SLOW_CHUNK_MS (a slow dependency, a large chunk). */
class SlowFirstChunkHandler implements TopicHandler {
  readonly deliveries: string[] = [];
  firstDone = false;
  constructor(readonly topic: string) {}
  async handleBatch(messages: readonly InboundMessage[]): Promise<MessageOutcome[]> {
    const first = this.deliveries.length === 0;
    this.deliveries.push(...messages.map((m) => m.value?.toString('utf8') ?? ''));
    if (first) {
      await sleep(SLOW_CHUNK_MS);
      this.firstDone = true;
    }
    return messages.map(() => ({ status: 'processed' }));
  }
}

describe('KafkaMessageConsumer: a chunk slower than the session timeout (real broker)', () => {
  const config = loadConfig({ KAFKA_BROKERS: stackEndpoints().kafkaBrokers.join(',') });
  const kafka = createKafkaClient(config, 'slow-chunk-test');
  const publisher = new KafkaMessagePublisher(kafka);
  const topic = uniqueTopic('slow-chunk');
  let consumer: KafkaMessageConsumer | undefined;

  beforeAll(async () => {
    await createTopics([topic, `${topic}.dlq`], 1);
  });

  afterAll(async () => {
    await consumer?.stop();
    await publisher.onApplicationShutdown();
    await deleteTopics([topic, `${topic}.dlq`]).catch(() => undefined);
  });

  it('keeps its group membership while the chunk runs and handles it once (no redelivery)', async () => {
    consumer = new KafkaMessageConsumer(kafka, new BatchProcessor(publisher, { maxPermanentAttempts: 2, initialBackoffMs: 20, maxBackoffMs: 200 }), publisher, {
      groupId: uniqueTopic('slow-chunk-group'),
      chunkSize: 10,
      partitions: 1,
      sessionTimeoutMs: SESSION_TIMEOUT_MS,
    });
    const handler = new SlowFirstChunkHandler(topic);
    consumer.register(handler);
    await consumer.start();
    await publisher.publish(topic, [
      { key: 'a', value: 'one' },
      { key: 'a', value: 'two' },
    ]);

    const deadline = Date.now() + 45_000;
    while (!handler.firstDone && Date.now() < deadline) await sleep(100);
    expect(handler.firstDone).toBe(true);
    // A dropped member would now fail to commit, rejoin and get the same messages again.
    await sleep(2 * SESSION_TIMEOUT_MS);
    expect(handler.deliveries).toEqual(['one', 'two']);
  }, 90_000);
});
