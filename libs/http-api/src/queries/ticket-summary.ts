import { NetworkView, Symptom, VerdictCause, ViewStatus } from '@cellscope/domain';

/** One line of a ticket search: what the list and its status/cause chips need, without the KPI blocks. */
export interface TicketSummary {
  ticketId: string;
  complaintNo: string;
  status: ViewStatus;
  version: number;
  msisdn: string;
  symptom: Symptom;
  reportedAt: string;
  occurredAt: string;
  servingCellId: string | null;
  servingCellName: string | null;
  cause: VerdictCause;
  networkRelated: boolean | null;
  confidence: number;
  kpiDataThrough: string | null;
  correlatedAt: string;
}

/** A page of ticket search results. */
export interface TicketSearchPage {
  total: number;
  page: number;
  limit: number;
  items: TicketSummary[];
}

/** The summary line of a (caller-specific, possibly masked) view. */
export function summarizeView(view: NetworkView): TicketSummary {
  const serving = view.cells.find((cell) => cell.role === 'SERVING') ?? null;
  return {
    ticketId: view.ticketId,
    complaintNo: view.complaintNo,
    status: view.status,
    version: view.version,
    msisdn: view.msisdn,
    symptom: view.symptom,
    reportedAt: view.reportedAt,
    occurredAt: view.occurredAt,
    servingCellId: serving?.cellId ?? null,
    servingCellName: serving?.name ?? null,
    cause: view.verdict.cause,
    networkRelated: view.verdict.networkRelated,
    confidence: view.verdict.confidence,
    kpiDataThrough: view.kpiDataThrough,
    correlatedAt: view.correlatedAt,
  };
}
