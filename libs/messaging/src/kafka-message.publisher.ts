import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { CompressionTypes, Kafka, Partitioners, Producer } from 'kafkajs';
import { MessagePublisher } from './message-publisher';
import { OutboundMessage } from './inbound-message';

/** Kafka adapter of MessagePublisher: an idempotent producer, acks from all in-sync replicas. */
@Injectable()
export class KafkaMessagePublisher extends MessagePublisher implements OnApplicationShutdown {
  private readonly logger = new Logger(KafkaMessagePublisher.name);
  private readonly producer: Producer;
  private connecting?: Promise<void>;

  constructor(kafka: Kafka) {
    super();
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: true,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  private connect(): Promise<void> {
    if (!this.connecting) {
      this.connecting = this.producer.connect().catch((error) => {
        this.connecting = undefined;
        throw error;
      });
    }
    return this.connecting;
  }

  async publish(topic: string, messages: readonly OutboundMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.connect();
    await this.producer.send({
      topic,
      acks: -1,
      compression: CompressionTypes.None,
      messages: messages.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.connecting) return;
    await this.producer.disconnect().catch((e) => this.logger.warn(`producer disconnect: ${(e as Error).message}`));
  }
}
