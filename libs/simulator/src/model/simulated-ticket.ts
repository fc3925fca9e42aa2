import type { TicketEventDto } from '@cellscope/contracts';
import { Symptom, SymptomSource, VerdictCause } from '@cellscope/domain';

/** A TicketEvent as sent on `complaints.tickets.v1` (contracts.md), timestamps as ISO strings with offset. */
export type TicketEvent = TicketEventDto;

/** One version of a work order and when the customer-service system sends it. */
export interface TicketEmission {
  at: Date;
  event: TicketEvent;
}

/** How the correlator is expected to find the ticket's cells (kpis.md "Which cells"); NONE = no cells. */
export type ExpectedSelection = 'TICKET' | 'USAGE' | 'LOCATION' | 'NONE';

/** What the complaint is, in the simulator's terms (for summaries and targeted tests). */
export type TicketCase =
  | 'NETWORK_FAULT'
  | 'USER_SIDE_5G'
  | 'USER_SIDE_VOLTE'
  | 'HEALTHY_NETWORK'
  | 'UNKNOWN_SUBSCRIBER'
  | 'NO_USAGE_NO_LOCATION'
  | 'INACTIVE_CELL';

/** Ground truth of a simulated complaint: the verdict the correlator should reach once the KPI data is in. */
export interface ExpectedOutcome {
  cause: VerdictCause;
  networkRelated: boolean | null;
  /** The symptom the view should show: the ticket's own or the one its description is classified as. */
  symptom: Symptom;
  symptomSource: SymptomSource;
  selection: ExpectedSelection;
  /** The SERVING cell the verdict is based on (null when there is none). */
  servingCellId: string | null;
  /** The injected fault behind a network cause. */
  faultId?: string;
  /** When every KPI interval of the evaluation window has arrived, so the view can be FINAL. */
  dataCompleteAt: Date;
}

/** A generated complaint: every version of the work order plus its ground truth. */
export interface SimulatedTicket {
  ticketId: string;
  msisdn: string;
  ticketCase: TicketCase;
  occurredAt: Date;
  reportedAt: Date;
  /** Versions in the order they are sent (version 1 OPEN at reportedAt first). */
  emissions: TicketEmission[];
  expected: ExpectedOutcome;
}
