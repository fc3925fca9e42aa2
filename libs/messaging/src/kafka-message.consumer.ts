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
  /** consumer.run(): settles once the group is joined (or the join failed for good). */
  private running?: Promise<void>;
  private stopping = false;
  private stoppedBy: string | null = null;

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
    this.stoppedBy = null;
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      sessionTimeout: this.options.sessionTimeoutMs,
      heartbeatInterval: this.heartbeatIntervalMs,
      allowAutoTopicCreation: false,
      maxBytesPerPartition: 1024 * 1024,
      // kafkajs restarts a consumer that crashed on a retriable error (e.g. the broker went away), but never once stop() began.
      retry: { retries: 5, restartOnFailure: async () => !this.stopping },
    });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: [...this.handlers.keys()], fromBeginning: true });
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      const partitions = Object.entries(payload.memberAssignment).map(([topic, list]) => `${topic} [${list.join(',')}]`);
      this.logger.log(`joined group ${payload.groupId} in ${payload.duration} ms: ${partitions.join(', ') || 'no partitions'}`);
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (payload.restart || this.stopping) return;
      this.stoppedBy = `non-retriable error: ${payload.error.message}`;
      this.logger.error(`consumer of group ${payload.groupId} stopped after a non-retriable error and consumes nothing more: ${payload.error.message}`);
    });
    // Not awaited: run() resolves only once the group is joined, which after a crash waits until the dead member's
    // session times out (30 s). Meanwhile the process must start and answer its health checks, or a supervisor would
    // take the wait for a hang. run() retries a failed join itself; a failure to start at all is logged.
    this.running = consumer
      .run({
        eachBatchAutoResolve: false,
        autoCommit: true,
        autoCommitThreshold: 1,
        partitionsConsumedConcurrently: Math.max(1, this.options.partitions),
        eachBatch: (payload) => this.eachBatch(payload),
      })
      .catch((error: unknown) => {
        if (this.stopping) return;
        this.stoppedBy = `did not start: ${(error as Error).message}`;
        this.logger.error(`consumer of group ${this.options.groupId} did not start: ${(error as Error).message}`);
      });
    this.logger.log(`consuming ${[...this.handlers.keys()].join(', ')} as group ${this.options.groupId}`);
  }

  override failure(): string | null {
    return this.stoppedBy;
  }

  /** How often the group is told that this member is alive. */
  private get heartbeatIntervalMs(): number {
    return Math.max(1000, Math.floor(this.options.sessionTimeoutMs / 10));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (!this.consumer) return;
    // kafkajs waits for the running eachBatch to finish, then commits resolved offsets and leaves the group.
    await this.consumer.disconnect();
    // A group join still in flight fails once disconnected (and is not restarted): wait until run() has settled.
    await this.running;
    this.consumer = undefined;
    this.running = undefined;
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
      // kafkajs heartbeats only when asked: keep the membership while a chunk takes longer than the session timeout
      // (a slow dependency, a large chunk). A failed heartbeat here is reported by the next one after the chunk.
      const keepAlive = setInterval(() => void heartbeat().catch(() => undefined), this.heartbeatIntervalMs);
      try {
        await this.processDurably(handler, inbound, { heartbeat, isRunning: running, sleep });
      } catch (error) {
        if (error instanceof ConsumerStoppingError) return;
        throw error;
      } finally {
        clearInterval(keepAlive);
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
