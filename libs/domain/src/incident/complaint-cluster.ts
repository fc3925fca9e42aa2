import { Incident } from '../model';
import { hashUuid } from '../identity/hash-uuid';

/** Input of detectComplaintClusters. */
export interface ComplaintClusterInput {
  /** Recent tickets with the SERVING cell of their view. */
  tickets: { ticketId: string; servingCellId: string; occurredAt: Date }[];
  now: Date;
  /** Distinct tickets on one cell within the window that make a cluster (default 5). */
  minTickets?: number;
  /** Look-back window in minutes: tickets with occurredAt in (now − window, now] count (default 30). */
  windowMinutes?: number;
  /** Incidents currently OPEN. */
  open: Incident[];
  /** Also skip cells already covered by an open CELL_/SITE_OUTAGE (their complaints are explained; default true). */
  skipCellsWithOpenOutage?: boolean;
}

/** Deterministic id of a complaint cluster: cell + the occurredAt of the ticket that completed it. */
export function complaintClusterId(cellId: string, openedAt: Date): string {
  return hashUuid(['incident', 'COMPLAINT_CLUSTER', cellId, openedAt.toISOString()]);
}

/**
 * New COMPLAINT_CLUSTER incidents (cause SUSPECTED): a cell with at least minTickets distinct tickets whose
 * occurredAt lies in (now − windowMinutes, now], unless an open COMPLAINT_CLUSTER (or, by default, an open outage)
 * already covers the cell. openedAt = occurredAt of the minTickets-th ticket in time order, so the same input always
 * gives the same incident id. Sorted by cellId.
 */
export function detectComplaintClusters(input: ComplaintClusterInput): Incident[] {
  const minTickets = Math.max(1, Math.floor(input.minTickets ?? 5));
  const windowMs = (input.windowMinutes ?? 30) * 60_000;
  const to = input.now.getTime();
  const from = to - windowMs;
  const covered = new Set<string>();
  for (const incident of input.open) {
    if (incident.state !== 'OPEN') continue;
    if (incident.kind === 'COMPLAINT_CLUSTER' || (input.skipCellsWithOpenOutage ?? true)) {
      for (const cellId of incident.cellIds) covered.add(cellId);
    }
  }
  const perCell = new Map<string, Map<string, number>>();
  for (const ticket of input.tickets) {
    const at = ticket.occurredAt.getTime();
    if (!(at > from && at <= to) || covered.has(ticket.servingCellId)) continue;
    const tickets = perCell.get(ticket.servingCellId) ?? new Map<string, number>();
    tickets.set(ticket.ticketId, Math.min(tickets.get(ticket.ticketId) ?? Infinity, at));
    perCell.set(ticket.servingCellId, tickets);
  }
  const clusters: Incident[] = [];
  for (const cellId of [...perCell.keys()].sort()) {
    const times = [...perCell.get(cellId)!.values()].sort((a, b) => a - b);
    if (times.length < minTickets) continue;
    const openedAt = new Date(times[minTickets - 1]);
    clusters.push({
      incidentId: complaintClusterId(cellId, openedAt),
      kind: 'COMPLAINT_CLUSTER',
      state: 'OPEN',
      cellIds: [cellId],
      cause: 'SUSPECTED',
      openedAt,
      healthyIntervals: 0,
    });
  }
  return clusters;
}
