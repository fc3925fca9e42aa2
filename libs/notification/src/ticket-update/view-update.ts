import { VerdictCause, ViewStatus } from '@cellscope/domain';

/** The parts of a NetworkView published on complaints.network-context.v1 that a TICKET_UPDATE needs. */
export interface ViewUpdate {
  ticketId: string;
  complaintNo: string;
  status: ViewStatus;
  version: number;
  msisdn: string;
  reportedAt: Date;
  /** Cells of the view with role SERVING, in view order. */
  servingCellIds: string[];
  cause: VerdictCause;
  /** For a USER_SIDE verdict: the missing setting (from the evidence). */
  userSide?: 'FIVE_G_NOT_ENABLED' | 'VOLTE_NOT_ENABLED';
  incidentId?: string;
}
