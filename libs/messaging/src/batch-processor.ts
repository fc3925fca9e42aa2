import { DeadLetterRecord, deadLetterTopicOf } from '@cellscope/contracts';
import { InboundMessage } from './inbound-message';
import { MessagePublisher } from './message-publisher';
import { HandlerContext, MessageOutcome, TopicHandler } from './topic-handler';
import { isTransientError } from './transient-error.classifier';

/** Thrown when the consumer is stopping while a batch still waits for a dependency; nothing of it was committed. */
export class ConsumerStoppingError extends Error {
  constructor() {
    super('consumer is stopping; the batch was not committed and will be redelivered');
    this.name = 'ConsumerStoppingError';
  }
}

export interface BatchProcessorOptions {
  /** Attempts for an error that is not a dependency outage before the message is dead-lettered. */
  maxPermanentAttempts: number;
  /** Backoff for retries, doubled per attempt up to the maximum. */
  initialBackoffMs: number;
  maxBackoffMs: number;
}

export interface BatchProcessorEvents {
  onRetry?(topic: string, attempt: number, error: unknown, transient: boolean): void;
  onOutcome?(topic: string, outcome: MessageOutcome['status'], count: number): void;
  /** Time one batch took from first attempt to durably done. */
  onProcessed?(topic: string, seconds: number): void;
}

export interface ProcessControl extends HandlerContext {
  /** False once the consumer is stopping or lost its partitions. */
  isRunning(): boolean;
  sleep(ms: number): Promise<void>;
}

/**
 * Runs a handler over a batch with the delivery rules of cellscope, shared by every transport:
 * dependency outages are retried forever (nothing skipped, nothing committed meanwhile); any other failure is
 * retried a few times, then the batch is split so only the message that keeps failing is dead-lettered.
 * Returns when every message of the batch is durably processed or dead-lettered.
 */
export class BatchProcessor {
  constructor(
    private readonly deadLetters: MessagePublisher,
    private readonly options: BatchProcessorOptions,
    private readonly events: BatchProcessorEvents = {},
  ) {}

  async process(handler: TopicHandler, messages: readonly InboundMessage[], control: ProcessControl): Promise<void> {
    if (messages.length === 0) return;
    const started = process.hrtime.bigint();
    const outcomes = await this.runWithRetries(handler, messages, control);
    await this.publishDeadLetters(messages, outcomes);
    this.events.onProcessed?.(handler.topic, Number(process.hrtime.bigint() - started) / 1e9);
  }

  private async runWithRetries(
    handler: TopicHandler,
    messages: readonly InboundMessage[],
    control: ProcessControl,
  ): Promise<MessageOutcome[]> {
    let permanentFailures = 0;
    let attempt = 0;
    for (;;) {
      if (!control.isRunning()) throw new ConsumerStoppingError();
      attempt += 1;
      try {
        const outcomes = await handler.handleBatch(messages, control);
        if (outcomes.length !== messages.length) {
          throw new Error(`handler for ${handler.topic} returned ${outcomes.length} outcomes for ${messages.length} messages`);
        }
        return outcomes;
      } catch (error) {
        const transient = isTransientError(error);
        this.events.onRetry?.(handler.topic, attempt, error, transient);
        if (!transient) {
          permanentFailures += 1;
          if (permanentFailures >= this.options.maxPermanentAttempts) {
            if (messages.length > 1) return this.isolate(handler, messages, control);
            return [{ status: 'dead-letter', error: { code: 'UNPROCESSABLE', message: describeError(error) } }];
          }
        }
        const backoff = Math.min(this.options.maxBackoffMs, this.options.initialBackoffMs * 2 ** Math.min(attempt - 1, 16));
        await control.heartbeat().catch(() => undefined);
        await control.sleep(backoff);
      }
    }
  }

  /** Splits a failing batch into halves so the good messages get through and only the failing one is dead-lettered. */
  private async isolate(handler: TopicHandler, messages: readonly InboundMessage[], control: ProcessControl): Promise<MessageOutcome[]> {
    const middle = Math.ceil(messages.length / 2);
    const first = await this.runWithRetries(handler, messages.slice(0, middle), control);
    const second = await this.runWithRetries(handler, messages.slice(middle), control);
    return [...first, ...second];
  }

  private async publishDeadLetters(messages: readonly InboundMessage[], outcomes: readonly MessageOutcome[]): Promise<void> {
    const byTopic = new Map<string, { key: string | null; value: string }[]>();
    let processed = 0;
    outcomes.forEach((outcome, i) => {
      if (outcome.status !== 'dead-letter') {
        processed += 1;
        return;
      }
      const m = messages[i];
      const record: DeadLetterRecord = {
        sourceTopic: m.topic,
        partition: m.partition,
        offset: m.offset,
        key: m.key,
        value: m.value ? m.value.toString('utf8') : null,
        error: outcome.error,
        failedAt: new Date().toISOString(),
      };
      const topic = deadLetterTopicOf(m.topic);
      const list = byTopic.get(topic) ?? [];
      list.push({ key: m.key, value: JSON.stringify(record) });
      byTopic.set(topic, list);
    });
    for (const [topic, list] of byTopic) {
      // A dead-letter publish that fails is a dependency outage: retried by the caller before anything is committed.
      await this.deadLetters.publish(topic, list);
    }
    const topic = messages[0].topic;
    if (processed > 0) this.events.onOutcome?.(topic, 'processed', processed);
    if (outcomes.length - processed > 0) this.events.onOutcome?.(topic, 'dead-letter', outcomes.length - processed);
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 500);
  return String(error).slice(0, 500);
}
