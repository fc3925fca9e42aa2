import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { AppConfig } from '@cellscope/config';
import { BatchProcessor, BatchProcessorEvents } from './batch-processor';
import { consumerMessages, consumerProcessing } from '@cellscope/observability';
import { InProcessBus } from './in-process.bus';
import { createKafkaClient } from './kafka-client.factory';
import { KafkaMessageConsumer } from './kafka-message.consumer';
import { KafkaMessagePublisher } from './kafka-message.publisher';
import { MessageConsumer } from './message-consumer';
import { MessagePublisher } from './message-publisher';

const logger = new Logger('Messaging');

/** Logs and counts retries and outcomes; shared by both transports. */
export const processorEvents: BatchProcessorEvents = {
  onRetry(topic, attempt, error, transient) {
    consumerMessages.inc({ topic, outcome: transient ? 'retried_transient' : 'retried_failure' });
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    if (transient) logger.warn(`${topic}: dependency unavailable, retry ${attempt} (nothing committed): ${text}`);
    else logger.error(`${topic}: handler failed (attempt ${attempt}): ${text}`);
  },
  onOutcome(topic, outcome, count) {
    consumerMessages.inc({ topic, outcome: outcome === 'processed' ? 'processed' : 'dead_lettered' }, count);
  },
  onProcessed(topic, seconds) {
    consumerProcessing.observe({ topic }, seconds);
  },
};

const processorOptions = { maxPermanentAttempts: 3, initialBackoffMs: 200, maxBackoffMs: 10000 };

/**
 * Binds MessagePublisher and MessageConsumer to Kafka (CELLSCOPE_BUS=kafka) or to one shared InProcessBus
 * (CELLSCOPE_BUS=memory). Apps register their TopicHandlers on MessageConsumer and start it.
 */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        {
          provide: Kafka,
          inject: [AppConfig],
          useFactory: (config: AppConfig) => createKafkaClient(config, 'node'),
        },
        {
          provide: InProcessBus,
          useFactory: () => new InProcessBus(),
        },
        {
          provide: MessagePublisher,
          inject: [AppConfig, Kafka, InProcessBus],
          useFactory: (config: AppConfig, kafka: Kafka, bus: InProcessBus) =>
            config.CELLSCOPE_BUS === 'memory' ? bus : new KafkaMessagePublisher(kafka),
        },
        {
          provide: MessageConsumer,
          inject: [AppConfig, Kafka, InProcessBus, MessagePublisher],
          useFactory: (config: AppConfig, kafka: Kafka, bus: InProcessBus, publisher: MessagePublisher) => {
            const processor = new BatchProcessor(publisher, processorOptions, processorEvents);
            if (config.CELLSCOPE_BUS === 'memory') {
              bus.useProcessor(processor);
              return bus;
            }
            return new KafkaMessageConsumer(kafka, processor, publisher, {
              groupId: config.KAFKA_GROUP_ID,
              chunkSize: config.KAFKA_CHUNK_SIZE,
              partitions: config.KAFKA_PARTITIONS,
              sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
            });
          },
        },
      ],
      exports: [Kafka, InProcessBus, MessagePublisher, MessageConsumer],
    };
  }
}
