import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { CompressionTypes, Kafka, Partitioners, Producer } from 'kafkajs';
import { MessagePublisher } from './message-publisher';
import { OutboundMessage } from './inbound-message';

/**
 * Bytes one produce request may carry: below the broker's default `message.max.bytes` (1 MiB), which bounds the
 * record batch of one partition. A larger publish goes out in several requests, in order.
 */
const MAX_REQUEST_BYTES = 900_000;
/** Allowance per record for its framing (lengths, offsets, timestamp) on top of key, value and headers. */
const RECORD_OVERHEAD_BYTES = 64;

function recordSize(message: OutboundMessage): number {
  let size = RECORD_OVERHEAD_BYTES + Buffer.byteLength(message.value) + (message.key === null ? 0 : Buffer.byteLength(message.key));
  for (const [name, value] of Object.entries(message.headers ?? {})) size += Buffer.byteLength(name) + Buffer.byteLength(value);
  return size;
}

/** Splits messages, in order, into runs of at most `maxBytes` (a single larger message goes alone). */
export function splitByRequestSize(messages: readonly OutboundMessage[], maxBytes = MAX_REQUEST_BYTES): OutboundMessage[][] {
  const runs: OutboundMessage[][] = [];
  let run: OutboundMessage[] = [];
  let bytes = 0;
  for (const message of messages) {
    const size = recordSize(message);
    if (run.length > 0 && bytes + size > maxBytes) {
      runs.push(run);
      run = [];
      bytes = 0;
    }
    run.push(message);
    bytes += size;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * Kafka adapter of MessagePublisher: an idempotent producer, acks from all in-sync replicas; a large publish is sent
 * as several requests of at most MAX_REQUEST_BYTES, one after the other (order per key kept).
 */
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
    for (const run of splitByRequestSize(messages)) {
      await this.producer.send({
        topic,
        acks: -1,
        compression: CompressionTypes.None,
        messages: run.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
      });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.connecting) return;
    await this.producer.disconnect().catch((e) => this.logger.warn(`producer disconnect: ${(e as Error).message}`));
  }
}
