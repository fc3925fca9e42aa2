/** A message as a handler receives it, whatever the transport (Kafka or the in-process bus). */
export interface InboundMessage {
  topic: string;
  partition: number;
  /** Transport offset as a decimal string (Kafka offsets exceed 2^53). */
  offset: string;
  key: string | null;
  value: Buffer | null;
  /** Broker/append time. */
  timestamp: Date;
}

/** A message to publish. */
export interface OutboundMessage {
  key: string | null;
  value: string;
  headers?: Record<string, string>;
}
