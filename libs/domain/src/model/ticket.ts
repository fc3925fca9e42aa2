/** Fault symptoms a complaint can report (故障现象). */
export const SYMPTOMS = [
  'SLOW_DATA',
  'NO_DATA',
  'NO_SIGNAL',
  'WEAK_SIGNAL',
  'CALL_DROP',
  'CALL_SETUP_FAILURE',
  'POOR_VOICE',
  'OTHER',
] as const;
export type Symptom = (typeof SYMPTOMS)[number];

/** Data-service symptoms (as opposed to voice). */
export const DATA_SYMPTOMS: readonly Symptom[] = ['SLOW_DATA', 'NO_DATA'];
/** Voice-service symptoms: judged against VoLTE being enabled. */
export const VOICE_SYMPTOMS: readonly Symptom[] = ['CALL_DROP', 'CALL_SETUP_FAILURE', 'POOR_VOICE'];

/** Work-order states in the customer-service system. */
export const TICKET_STATUSES = ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** A point on the map (WGS-84 degrees). */
export interface GeoPoint {
  lat: number;
  lon: number;
}

/** Where the subscriber says the problem happened. */
export interface TicketLocation extends GeoPoint {
  address?: string;
}

/** What the customer-service system knows about the subscriber's line (用户侧). */
export interface SubscriberProfile {
  fiveGEnabled?: boolean;
  volteEnabled?: boolean;
  terminal?: string;
  plan?: string;
}

/**
 * A complaint work order after validation (the TicketEvent of contracts.md).
 * Timestamps are Dates; occurredAt is already defaulted to reportedAt.
 */
export interface Ticket {
  ticketId: string;
  version: number;
  status: TicketStatus;
  msisdn: string;
  reportedAt: Date;
  occurredAt: Date;
  symptom?: Symptom;
  description?: string;
  location?: TicketLocation;
  cellIds?: string[];
  subscriber?: SubscriberProfile;
  region?: string;
}
