import { Injectable, Logger } from '@nestjs/common';
import { BatchProcessor, ConsumerStoppingError } from './batch-processor';
import { InboundMessage, OutboundMessage } from './inbound-message';
import { MessageConsumer } from './message-consumer';
import { MessagePublisher } from './message-publisher';
import { TopicHandler } from './topic-handler';

interface TopicLog {
  messages: InboundMessage[];
  /** Offset of the next message to hand to the handler (the committed position). */
  committed: number;
  draining?: Promise<void>;
}

export type PublishListener = (topic: string, messages: readonly InboundMessage[]) => void;

/**
 * The embedded mode's bus: implements both MessagePublisher and MessageConsumer in memory, so tickets, cells and
 * usage reach the very same handlers the Kafka consumers use, with the same retry and dead-letter rules.
 * One partition per topic; delivery is in order; a topic without a handler keeps its messages (outputs, dead letters).
 */
@Injectable()
export class InProcessBus extends MessageConsumer implements MessagePublisher {
  private readonly logger = new Logger(InProcessBus.name);
  private readonly topics = new Map<string, TopicLog>();
  private readonly handlers = new Map<string, TopicHandler>();
  /** Topics whose last delivery attempt failed, until a later chunk of theirs is handled. */
  private readonly failedTopics = new Map<string, string>();
  private readonly listeners: PublishListener[] = [];
  private running = false;
  private processor?: BatchProcessor;

  constructor(
    private readonly options: { chunkSize: number; retainPerTopic: number } = { chunkSize: 200, retainPerTopic: 10000 },
  ) {
    super();
  }

  /** Set by the messaging module: the processor needs the bus itself to publish dead letters. */
  useProcessor(processor: BatchProcessor): void {
    this.processor = processor;
  }

  register(handler: TopicHandler): void {
    if (this.handlers.has(handler.topic)) throw new Error(`a handler for ${handler.topic} is already registered`);
    this.handlers.set(handler.topic, handler);
  }

  /** Observes every published message (tests, the embedded mode's activity feed). */
  onPublish(listener: PublishListener): void {
    this.listeners.push(listener);
  }

  async publish(topic: string, messages: readonly OutboundMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const log = this.log(topic);
    const appended = messages.map((m, i) => ({
      topic,
      partition: 0,
      offset: String(log.committed + log.messages.length + i),
      key: m.key,
      value: Buffer.from(m.value, 'utf8'),
      timestamp: new Date(),
    }));
    log.messages.push(...appended);
    for (const listener of this.listeners) listener(topic, appended);
    if (!this.handlers.has(topic)) this.trim(log);
    if (this.running) this.drain(topic);
  }

  /** Messages currently retained on a topic (for a topic without handler: the latest ones). */
  messagesOf(topic: string): readonly InboundMessage[] {
    return this.topics.get(topic)?.messages ?? [];
  }

  async start(): Promise<void> {
    this.running = true;
    for (const topic of this.handlers.keys()) this.drain(topic);
  }

  /** Stops delivery after the chunks in flight and unregisters the handlers (a later start() needs new ones). */
  async stop(): Promise<void> {
    this.running = false;
    await Promise.all([...this.topics.values()].map((log) => log.draining ?? Promise.resolve()));
    this.handlers.clear();
    this.failedTopics.clear();
  }

  /** A topic whose last delivery attempt failed (delivery tries again while it holds messages), else null. */
  override failure(): string | null {
    return this.failedTopics.values().next().value ?? null;
  }

  /** Resolves when every handled topic has been consumed up to its end. */
  async idle(): Promise<void> {
    for (;;) {
      const pending = [...this.topics.values()].map((l) => l.draining).filter((d): d is Promise<void> => !!d);
      if (pending.length === 0) return;
      await Promise.all(pending);
    }
  }

  private log(topic: string): TopicLog {
    let log = this.topics.get(topic);
    if (!log) {
      log = { messages: [], committed: 0 };
      this.topics.set(topic, log);
    }
    return log;
  }

  private trim(log: TopicLog): void {
    const excess = log.messages.length - this.options.retainPerTopic;
    if (excess > 0) {
      log.messages.splice(0, excess);
      log.committed += excess;
    }
  }

  private drain(topic: string): void {
    const log = this.log(topic);
    const handler = this.handlers.get(topic);
    if (!handler || log.draining) return;
    // `.finally` always runs asynchronously, i.e. after `draining` is assigned.
    log.draining = this.deliver(topic, log, handler).finally(() => {
      log.draining = undefined;
      if (this.running && log.messages.length > 0) this.drain(topic);
    });
  }

  private async deliver(topic: string, log: TopicLog, handler: TopicHandler): Promise<void> {
    const processor = this.processor;
    if (!processor) throw new Error('InProcessBus used before useProcessor()');
    try {
      while (this.running && log.messages.length > 0) {
        const chunk = log.messages.slice(0, this.options.chunkSize);
        await processor.process(handler, chunk, {
          heartbeat: async () => undefined,
          isRunning: () => this.running,
          sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        });
        log.messages.splice(0, chunk.length);
        log.committed += chunk.length;
        this.failedTopics.delete(topic);
      }
    } catch (error) {
      if (!(error instanceof ConsumerStoppingError)) {
        this.failedTopics.set(topic, `delivery on ${topic} failed: ${(error as Error).message}`);
        this.logger.error(`bus delivery on ${topic} failed: ${(error as Error).stack}`);
      }
    }
  }
}
