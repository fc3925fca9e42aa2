import { Injectable } from '@nestjs/common';
import { AppConfig } from '@cellscope/config';
import { parseTicketEvent } from '@cellscope/contracts';
import { decodeJsonMessage, HandlerContext, InboundMessage, MessageOutcome, TopicHandler } from '@cellscope/messaging';
import { TicketRepository } from '@cellscope/persistence';
import { CorrelationRequest, CorrelationService } from './correlation.service';

/**
 * Consumes `complaints.tickets.v1`: validates each TicketEvent (invalid → dead letter), stores it versioned
 * (an older version never overwrites a newer one) and correlates the current version of every ticket in the batch.
 * A redelivered current version is correlated again, which is idempotent and publishes nothing new.
 */
@Injectable()
export class TicketIngestHandler implements TopicHandler {
  constructor(
    private readonly config: AppConfig,
    private readonly tickets: TicketRepository,
    private readonly correlation: CorrelationService,
  ) {}

  get topic(): string {
    return this.config.TOPIC_TICKETS;
  }

  async handleBatch(messages: readonly InboundMessage[], context: HandlerContext): Promise<MessageOutcome[]> {
    const outcomes: MessageOutcome[] = [];
    const current = new Map<string, CorrelationRequest>();
    for (const message of messages) {
      const decoded = decodeJsonMessage(message, parseTicketEvent);
      if (!decoded.ok) {
        outcomes.push({ status: 'dead-letter', error: decoded.error });
        continue;
      }
      const ticket = decoded.value;
      const stored = await this.tickets.upsert(ticket);
      if (ticket.version >= stored.storedVersion) current.set(ticket.ticketId, { ticket, complaintNo: stored.complaintNo });
      else current.delete(ticket.ticketId);
      outcomes.push({ status: 'processed' });
    }
    await context.heartbeat();
    await this.correlation.correlate([...current.values()]);
    return outcomes;
  }
}
