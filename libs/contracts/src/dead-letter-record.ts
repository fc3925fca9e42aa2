/** Why a message was dead-lettered: a stable code plus a human-readable reason. */
export interface DeadLetterError {
  code: 'INVALID_JSON' | 'OVERSIZE' | 'EMPTY' | 'INVALID_CONTRACT' | 'UNPROCESSABLE';
  message: string;
}

/** The value published to `<input topic>.dlq` (contracts.md). */
export interface DeadLetterRecord {
  sourceTopic: string;
  partition: number;
  offset: string;
  key: string | null;
  /** The original value as text; cut to its first DEAD_LETTER_VALUE_MAX_CHARS characters when longer. */
  value: string | null;
  /** Present (true) when `value` was cut, so that the dead letter fits in one Kafka message. */
  valueTruncated?: true;
  error: DeadLetterError;
  failedAt: string;
}

/** Longest original value a dead letter carries (characters); longer ones are cut and flagged `valueTruncated`. */
export const DEAD_LETTER_VALUE_MAX_CHARS = 64 * 1024;

/** The dead-letter topic of an input topic. */
export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlq`;
}
