import { DEAD_LETTER_VALUE_MAX_CHARS, DeadLetterRecord, deadLetterTopicOf } from '@cellscope/contracts';
import { InboundMessage, OutboundMessage } from './inbound-message';
import { MessagePublisher } from './message-publisher';
import { HandlerContext, MessageOutcome, TopicHandler } from './topic-handler';
import { isTransientError } from './transient-error.classifier';

/** Header of a dead-letter message naming the DeadLetterError code (the value carries it too). */
export const DEAD_LETTER_CODE_HEADER = 'dead-letter-code';
/** Header of a dead-letter message with the human-readable reason (at most 500 characters). */
export const DEAD_LETTER_REASON_HEADER = 'dead-letter-reason';

/**
 * Bytes of dead letters sent in one publish call. Kafka refuses a record batch larger than the broker's
 * message.max.bytes (1 MiB by default) for good, and a chunk of 1,000 rejected 64 KiB values would be 64 MiB.
 */
export const DEAD_LETTER_PUBLISH_BYTES = 512 * 1024;

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
    const byTopic = new Map<string, OutboundMessage[]>();
    let processed = 0;
    outcomes.forEach((outcome, i) => {
      if (outcome.status !== 'dead-letter') {
        processed += 1;
        return;
      }
      const m = messages[i];
      const text = m.value ? m.value.toString('utf8') : null;
      const truncated = text !== null && text.length > DEAD_LETTER_VALUE_MAX_CHARS;
      const record: DeadLetterRecord = {
        sourceTopic: m.topic,
        partition: m.partition,
        offset: m.offset,
        key: m.key,
        value: truncated ? text.slice(0, DEAD_LETTER_VALUE_MAX_CHARS) : text,
        ...(truncated ? { valueTruncated: true as const } : {}),
        error: outcome.error,
        failedAt: new Date().toISOString(),
      };
      const topic = deadLetterTopicOf(m.topic);
      const list = byTopic.get(topic) ?? [];
      // The reason is in the value (contracts.md) and, for routing without parsing, in headers too.
      const headers = { [DEAD_LETTER_CODE_HEADER]: outcome.error.code, [DEAD_LETTER_REASON_HEADER]: outcome.error.message.slice(0, 500) };
      list.push({ key: m.key, value: JSON.stringify(record), headers });
      byTopic.set(topic, list);
    });
    for (const [topic, list] of byTopic) {
      // A dead-letter publish that fails is a dependency outage: retried by the caller before anything is committed.
      for (const slice of slicesByBytes(list, DEAD_LETTER_PUBLISH_BYTES)) await this.deadLetters.publish(topic, slice);
    }
    const topic = messages[0].topic;
    if (processed > 0) this.events.onOutcome?.(topic, 'processed', processed);
    if (outcomes.length - processed > 0) this.events.onOutcome?.(topic, 'dead-letter', outcomes.length - processed);
  }
}

/** Consecutive slices of messages whose keys, values and headers add up to at most `maxBytes` (one message at least). */
export function slicesByBytes(messages: readonly OutboundMessage[], maxBytes: number): OutboundMessage[][] {
  const slices: OutboundMessage[][] = [];
  let current: OutboundMessage[] = [];
  let bytes = 0;
  for (const message of messages) {
    const size =
      Buffer.byteLength(message.value) +
      (message.key === null ? 0 : Buffer.byteLength(message.key)) +
      Object.entries(message.headers ?? {}).reduce((sum, [name, value]) => sum + Buffer.byteLength(name) + Buffer.byteLength(value), 0);
    if (current.length > 0 && bytes + size > maxBytes) {
      slices.push(current);
      current = [];
      bytes = 0;
    }
    current.push(message);
    bytes += size;
  }
  if (current.length > 0) slices.push(current);
  return slices;
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 500);
  return String(error).slice(0, 500);
}
