import { OutboundMessage } from './inbound-message';

/** Port: publishes messages to a topic (Kafka, or the in-process bus in embedded mode). */
export abstract class MessagePublisher {
  /** Resolves once the messages are durably accepted (acks from all in-sync replicas for Kafka). */
  abstract publish(topic: string, messages: readonly OutboundMessage[]): Promise<void>;
}
