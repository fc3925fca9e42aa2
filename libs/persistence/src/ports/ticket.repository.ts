import { Ticket, TicketStatus } from '@cellscope/domain';

/** A stored ticket with cellscope's complaint number (投诉编号), mapped 1:1 to the work-order number. */
export interface StoredTicket extends Ticket {
  complaintNo: string;
  receivedAt: Date;
}

/** Result of a versioned upsert: applied = this version is now the stored one. */
export interface TicketUpsertResult {
  applied: boolean;
  complaintNo: string;
  /** The version stored after the call (the newer one when this call was stale). */
  storedVersion: number;
}

/** Port: complaint tickets. Upserts are versioned: an older or equal version never overwrites a newer one. */
export abstract class TicketRepository {
  /** Stores the ticket if it is new or newer than the stored version; a new ticket gets its complaintNo here. */
  abstract upsert(ticket: Ticket): Promise<TicketUpsertResult>;
  /** upsert() for a batch, in order, in one transaction; one result per ticket. */
  abstract upsertMany(tickets: readonly Ticket[]): Promise<TicketUpsertResult[]>;
  /** Finds by work-order number (ticketId) or complaint number (complaintNo). */
  abstract findByTicketIdOrComplaintNo(id: string): Promise<StoredTicket | null>;
  /** The stored tickets with these ticketIds, ordered by ticketId. */
  abstract findManyByIds(ticketIds: readonly string[]): Promise<StoredTicket[]>;
}

export type { TicketStatus };
