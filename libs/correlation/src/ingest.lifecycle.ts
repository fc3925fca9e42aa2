import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { MessageConsumer } from '@cellscope/messaging';
import { CellIngestHandler } from './cell-ingest.handler';
import { TicketIngestHandler } from './ticket-ingest.handler';
import { UsageIngestHandler } from './usage-ingest.handler';

/**
 * Registers the three input handlers on the MessageConsumer (Kafka or the in-process bus) and starts consuming
 * once the application is up; on shutdown it finishes the work in flight and commits before the database closes.
 */
@Injectable()
export class IngestLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(IngestLifecycle.name);

  constructor(
    private readonly consumer: MessageConsumer,
    private readonly tickets: TicketIngestHandler,
    private readonly cells: CellIngestHandler,
    private readonly usage: UsageIngestHandler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer.register(this.cells);
    this.consumer.register(this.usage);
    this.consumer.register(this.tickets);
    await this.consumer.start();
    this.logger.log(`ingesting ${this.cells.topic}, ${this.usage.topic}, ${this.tickets.topic}`);
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.logger.log(`stopping ingestion${signal ? ` (${signal})` : ''}: finishing work in flight and committing`);
    await this.consumer.stop();
  }
}
