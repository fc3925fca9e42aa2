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
    // Versions of one ticket are stored in message order; different tickets are stored concurrently.
    const versionsByTicket = new Map<string, Ticket[]>();
    for (const message of messages) {
      const decoded = decodeJsonMessage(message, parseTicketEvent);
      if (!decoded.ok) {
        outcomes.push({ status: 'dead-letter', error: decoded.error });
        continue;
      }
      const list = versionsByTicket.get(decoded.value.ticketId) ?? [];
      list.push(decoded.value);
      versionsByTicket.set(decoded.value.ticketId, list);
      outcomes.push({ status: 'processed' });
    }
    const current = await Promise.all([...versionsByTicket.values()].map((versions) => this.store(versions)));
    await context.heartbeat();
    await this.correlation.correlate(current.filter((c): c is CorrelationRequest => c !== null));
    return outcomes;
  }

  /** Stores the versions of one ticket in order; returns the current version to correlate, if one of them is it. */
  private async store(versions: readonly Ticket[]): Promise<CorrelationRequest | null> {
    let current: CorrelationRequest | null = null;
    for (const ticket of versions) {
      const stored = await this.tickets.upsert(ticket);
      if (ticket.version >= stored.storedVersion) current = { ticket, complaintNo: stored.complaintNo };
      else if (current && current.ticket.version < stored.storedVersion) current = null;
    }
    return current;
  }
}
