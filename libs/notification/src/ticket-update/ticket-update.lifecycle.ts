import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { MessageConsumer } from '@cellscope/messaging';
import { TicketUpdateHandler } from './ticket-update.handler';

/**
 * Registers the TICKET_UPDATE handler on the MessageConsumer and starts consuming once the application is up;
 * on shutdown it finishes the batch in flight and commits before the database closes.
 */
@Injectable()
export class TicketUpdateLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TicketUpdateLifecycle.name);

  constructor(
    private readonly consumer: MessageConsumer,
    private readonly handler: TicketUpdateHandler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer.register(this.handler);
    await this.consumer.start();
    this.logger.log(`consuming ${this.handler.topic} for TICKET_UPDATE notices`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
  }
}
