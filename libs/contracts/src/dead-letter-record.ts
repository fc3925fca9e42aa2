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
  value: string | null;
  error: DeadLetterError;
  failedAt: string;
}

/** The dead-letter topic of an input topic. */
export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlq`;
}
