import { Injectable } from '@nestjs/common';
import { AppConfig } from '@cellscope/config';
import { parseTicketEvent } from '@cellscope/contracts';
import { decodeJsonMessage, HandlerContext, InboundMessage, MessageOutcome, TopicHandler } from '@cellscope/messaging';
import { Ticket } from '@cellscope/domain';
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
    const valid: Ticket[] = [];
    for (const message of messages) {
      const decoded = decodeJsonMessage(message, parseTicketEvent);
      if (!decoded.ok) {
        outcomes.push({ status: 'dead-letter', error: decoded.error });
        continue;
      }
      valid.push(decoded.value);
      outcomes.push({ status: 'processed' });
    }
    // Stored in message order in one transaction; a ticket is correlated when one of its versions is the current one.
    const stored = await this.tickets.upsertMany(valid);
    const current = new Map<string, CorrelationRequest>();
    valid.forEach((ticket, i) => {
      if (ticket.version >= stored[i].storedVersion) current.set(ticket.ticketId, { ticket, complaintNo: stored[i].complaintNo });
      else if ((current.get(ticket.ticketId)?.ticket.version ?? Infinity) < stored[i].storedVersion) current.delete(ticket.ticketId);
    });
    await context.heartbeat();
    await this.correlation.correlate([...current.values()]);
    return outcomes;
  }
}
