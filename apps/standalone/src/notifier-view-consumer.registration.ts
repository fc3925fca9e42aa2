import { Injectable, OnModuleInit } from '@nestjs/common';
import { MessageConsumer } from '@cellscope/messaging';
import { TicketUpdateHandler } from '@cellscope/notification';

/**
 * Puts the notifier's TICKET_UPDATE handler (complaints.network-context.v1) on the process's one MessageConsumer
 * before the correlator's ingest lifecycle starts it (onModuleInit runs before any onApplicationBootstrap), so
 * that a Kafka consumer subscribes once to all four topics; the ingest lifecycle stops it on shutdown.
 */
@Injectable()
export class NotifierViewConsumerRegistration implements OnModuleInit {
  constructor(
    private readonly consumer: MessageConsumer,
    private readonly handler: TicketUpdateHandler,
  ) {}

  onModuleInit(): void {
    this.consumer.register(this.handler);
  }
}
