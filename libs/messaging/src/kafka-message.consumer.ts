import { Injectable, Logger } from '@nestjs/common';
import { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { deadLetterTopicOf } from '@cellscope/contracts';
import { BatchProcessor, ConsumerStoppingError } from './batch-processor';
import { InboundMessage } from './inbound-message';
import { MessageConsumer } from './message-consumer';
import { MessagePublisher } from './message-publisher';
import { TopicHandler } from './topic-handler';
import { isTransientError } from './transient-error.classifier';

export interface KafkaConsumerOptions {
  groupId: string;
  /** Messages handed to a handler at once; offsets are committed after each chunk. */
  chunkSize: number;
  partitions: number;
  sessionTimeoutMs: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Kafka adapter of MessageConsumer (kafkajs): one consumer group for all registered topics, eachBatch with
 * auto-resolve off; an offset is resolved and committed only after its chunk is durably handled or dead-lettered.
 * A dependency outage keeps the chunk in a retry loop (heartbeating), so nothing is committed past it.
 */
@Injectable()
export class KafkaMessageConsumer extends MessageConsumer {
  private readonly logger = new Logger(KafkaMessageConsumer.name);
  private readonly handlers = new Map<string, TopicHandler>();
  private consumer?: Consumer;
  private stopping = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly processor: BatchProcessor,
    private readonly publisher: MessagePublisher,
    private readonly options: KafkaConsumerOptions,
  ) {
    super();
  }

  register(handler: TopicHandler): void {
    if (this.handlers.has(handler.topic)) throw new Error(`a handler for ${handler.topic} is already registered`);
    this.handlers.set(handler.topic, handler);
  }

  async start(): Promise<void> {
    if (this.handlers.size === 0) return;
    await this.ensureTopics();
    this.stopping = false;
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      sessionTimeout: this.options.sessionTimeoutMs,
      heartbeatInterval: Math.max(1000, Math.floor(this.options.sessionTimeoutMs / 10)),
      allowAutoTopicCreation: false,
      maxBytesPerPartition: 1024 * 1024,
    });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: [...this.handlers.keys()], fromBeginning: true });
    await consumer.run({
      eachBatchAutoResolve: false,
      autoCommit: true,
      autoCommitThreshold: 1,
      partitionsConsumedConcurrently: Math.max(1, this.options.partitions),
      eachBatch: (payload) => this.eachBatch(payload),
    });
    this.logger.log(`consuming ${[...this.handlers.keys()].join(', ')} as group ${this.options.groupId}`);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (!this.consumer) return;
    // kafkajs waits for the running eachBatch to finish, then commits resolved offsets and leaves the group.
    await this.consumer.disconnect();
    this.consumer = undefined;
  }

  private async eachBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
    const handler = this.handlers.get(batch.topic);
    if (!handler) return;
    const running = () => isRunning() && !isStale() && !this.stopping;
    for (let i = 0; i < batch.messages.length; i += this.options.chunkSize) {
      if (!running()) return;
      const chunk = batch.messages.slice(i, i + this.options.chunkSize);
      const inbound = chunk.map((m) => toInbound(batch.topic, batch.partition, m));
      try {
        await this.processDurably(handler, inbound, { heartbeat, isRunning: running, sleep });
      } catch (error) {
        if (error instanceof ConsumerStoppingError) return;
        throw error;
      }
      resolveOffset(chunk[chunk.length - 1].offset);
      await commitOffsetsIfNecessary();
      await heartbeat();
    }
  }

  private async processDurably(
    handler: TopicHandler,
    messages: InboundMessage[],
    control: { heartbeat(): Promise<void>; isRunning(): boolean; sleep(ms: number): Promise<void> },
  ): Promise<void> {
    let attempt = 0;
    for (;;) {
      try {
        await this.processor.process(handler, messages, control);
        return;
      } catch (error) {
        if (error instanceof ConsumerStoppingError || !isTransientError(error)) throw error;
        attempt += 1;
        this.logger.warn(`dead-letter publish failed (attempt ${attempt}), retrying: ${(error as Error).message}`);
        if (!control.isRunning()) throw new ConsumerStoppingError();
        await control.heartbeat().catch(() => undefined);
        await sleep(Math.min(10000, 250 * 2 ** Math.min(attempt, 6)));
      }
    }
  }

  /** Creates the input topics and their dead-letter topics when missing (idempotent). */
  private async ensureTopics(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const wanted = [...this.handlers.keys()].flatMap((t) => [t, deadLetterTopicOf(t)]).filter((t) => !existing.has(t));
      if (wanted.length > 0) {
        await admin.createTopics({
          waitForLeaders: true,
          topics: wanted.map((topic) => ({ topic, numPartitions: this.options.partitions, replicationFactor: -1 })),
        });
      }
    } finally {
      await admin.disconnect();
    }
  }
}

function toInbound(topic: string, partition: number, m: KafkaMessage): InboundMessage {
  return {
    topic,
    partition,
    offset: m.offset,
    key: m.key ? m.key.toString('utf8') : null,
    value: m.value,
    timestamp: new Date(Number(m.timestamp)),
  };
}
