import { Incident } from '@cellscope/domain';
import { normalizeMsisdn } from '../policy/msisdn-normalization';
import { NotificationRequest } from '../policy/notification-batch.planner';
import { ViewUpdate } from './view-update';

/** Views of tickets reported longer ago than this get no TICKET_UPDATE (a replay of old history texts nobody). */
export const TICKET_UPDATE_MAX_AGE_MS = 72 * 60 * 60_000;

/**
 * The TICKET_UPDATE for a published view, or null: only FINAL views of tickets reported within the last 72 hours.
 * One update per ticket (dedup subject `<ticketId>:FINAL`), with the verdict in customer words. An OUTAGE verdict
 * is tied to the open outage incident on one of its SERVING cells (unless the view names one), so the subscriber
 * also gets that incident's RECOVERY_NOTICE.
 */
export function ticketUpdateRequest(view: ViewUpdate, now: Date, openIncidents: readonly Incident[]): NotificationRequest | null {
  if (view.status !== 'FINAL') return null;
  if (now.getTime() - view.reportedAt.getTime() > TICKET_UPDATE_MAX_AGE_MS) return null;
  let incidentId = view.incidentId;
  if (incidentId === undefined && view.cause === 'OUTAGE') {
    const serving = new Set(view.servingCellIds);
    incidentId = openIncidents.find(
      (incident) =>
        incident.state === 'OPEN' && incident.kind !== 'COMPLAINT_CLUSTER' && incident.cellIds.some((cellId) => serving.has(cellId)),
    )?.incidentId;
  }
  const request: NotificationRequest = {
    kind: 'TICKET_UPDATE',
    subject: { ticketId: view.ticketId, key: `${view.ticketId}:FINAL`, cellIds: [...view.servingCellIds] },
    recipients: [{ msisdn: normalizeMsisdn(view.msisdn) }],
    text: { complaintNo: view.complaintNo, cause: view.cause },
  };
  if (incidentId !== undefined) request.subject.incidentId = incidentId;
  if (view.userSide) request.text!.userSide = view.userSide;
  return request;
}
