import { DeadLetterError } from '@cellscope/contracts';
import { InboundMessage } from './inbound-message';

/** What became of one message: durably processed, or rejected for good (goes to the dead-letter topic). */
export type MessageOutcome = { status: 'processed' } | { status: 'dead-letter'; error: DeadLetterError };

export interface HandlerContext {
  /** Keeps the consumer-group membership alive during long work. */
  heartbeat(): Promise<void>;
}

/**
 * Consumes one input topic. `handleBatch` processes messages in order and returns one outcome per message.
 * Throwing means nothing of the batch may be considered done: the batch is retried (idempotent writes make that safe).
 */
export interface TopicHandler {
  readonly topic: string;
  handleBatch(messages: readonly InboundMessage[], context: HandlerContext): Promise<MessageOutcome[]>;
}
