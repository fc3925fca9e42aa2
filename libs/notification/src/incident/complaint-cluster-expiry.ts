import { Incident } from '@cellscope/domain';

/** A COMPLAINT_CLUSTER resolves once its cell has had no complaint for this long (4× the 30-minute cluster window). */
export const COMPLAINT_CLUSTER_QUIET_MS = 2 * 60 * 60_000;

/**
 * The open COMPLAINT_CLUSTER incidents that resolve now: no ticket on their cell(s) since `quietMs` before `now`
 * (the newest ticket per cell is `lastTicketAt`; the opening ticket counts when no later one is known).
 * Returned RESOLVED with resolvedAt = now, ordered by incidentId.
 */
export function expireComplaintClusters(
  open: readonly Incident[],
  lastTicketAt: ReadonlyMap<string, Date>,
  now: Date,
  quietMs: number = COMPLAINT_CLUSTER_QUIET_MS,
): Incident[] {
  const expired: Incident[] = [];
  for (const incident of open) {
    if (incident.kind !== 'COMPLAINT_CLUSTER' || incident.state !== 'OPEN') continue;
    let newest = incident.openedAt.getTime();
    for (const cellId of incident.cellIds) newest = Math.max(newest, lastTicketAt.get(cellId)?.getTime() ?? -Infinity);
    if (now.getTime() - newest >= quietMs) expired.push({ ...incident, state: 'RESOLVED', resolvedAt: now });
  }
  return expired.sort((a, b) => (a.incidentId < b.incidentId ? -1 : a.incidentId > b.incidentId ? 1 : 0));
}
