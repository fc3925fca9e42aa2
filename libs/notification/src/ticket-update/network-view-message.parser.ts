import { ContractParseResult, FieldError, ID_PATTERN, MSISDN_PATTERN, TIMESTAMP_WITH_OFFSET_PATTERN } from '@cellscope/contracts';
import { VERDICT_CAUSES, VerdictCause, VIEW_STATUSES, ViewStatus } from '@cellscope/domain';
import { ViewUpdate } from './view-update';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Reads a NetworkView message (contracts.md) into a ViewUpdate, checking only the fields the notifier uses:
 * ticketId, complaintNo, status, version, msisdn, reportedAt, cells[].cellId/role, verdict.cause (+ evidence codes),
 * incidentId. Anything missing or malformed is a field error (→ dead letter), never an exception.
 */
export function parseNetworkViewMessage(raw: unknown): ContractParseResult<ViewUpdate> {
  if (!isObject(raw)) return { ok: false, errors: [{ field: '$', message: 'must be a JSON object' }] };
  const errors: FieldError[] = [];
  const ticketId = raw.ticketId;
  if (typeof ticketId !== 'string' || !ID_PATTERN.test(ticketId)) errors.push({ field: 'ticketId', message: 'ticketId must be 1..64 of [A-Za-z0-9._:-]' });
  const complaintNo = raw.complaintNo;
  if (typeof complaintNo !== 'string' || complaintNo.length === 0 || complaintNo.length > 64) {
    errors.push({ field: 'complaintNo', message: 'complaintNo must be a string of 1..64 characters' });
  }
  const status = raw.status;
  if (typeof status !== 'string' || !(VIEW_STATUSES as readonly string[]).includes(status)) {
    errors.push({ field: 'status', message: `status must be one of ${VIEW_STATUSES.join(', ')}` });
  }
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) errors.push({ field: 'version', message: 'version must be an integer ≥ 1' });
  const msisdn = raw.msisdn;
  if (typeof msisdn !== 'string' || !MSISDN_PATTERN.test(msisdn)) errors.push({ field: 'msisdn', message: 'msisdn must be 8..15 digits with an optional leading +' });
  const reportedAt = raw.reportedAt;
  if (typeof reportedAt !== 'string' || !TIMESTAMP_WITH_OFFSET_PATTERN.test(reportedAt) || Number.isNaN(Date.parse(reportedAt))) {
    errors.push({ field: 'reportedAt', message: 'reportedAt must be an ISO 8601 timestamp with an offset' });
  }
  const servingCellIds: string[] = [];
  if (!Array.isArray(raw.cells)) errors.push({ field: 'cells', message: 'cells must be an array' });
  else {
    raw.cells.forEach((cell: unknown, i: number) => {
      if (!isObject(cell) || typeof cell.cellId !== 'string' || !ID_PATTERN.test(cell.cellId)) {
        errors.push({ field: `cells.${i}.cellId`, message: 'cellId must be 1..64 of [A-Za-z0-9._:-]' });
      } else if (cell.role !== 'SERVING' && cell.role !== 'NEIGHBOR') {
        errors.push({ field: `cells.${i}.role`, message: 'role must be SERVING or NEIGHBOR' });
      } else if (cell.role === 'SERVING') servingCellIds.push(cell.cellId);
    });
  }
  const verdict = raw.verdict;
  let cause: VerdictCause | undefined;
  let userSide: ViewUpdate['userSide'];
  if (!isObject(verdict) || typeof verdict.cause !== 'string' || !(VERDICT_CAUSES as readonly string[]).includes(verdict.cause)) {
    errors.push({ field: 'verdict.cause', message: `verdict.cause must be one of ${VERDICT_CAUSES.join(', ')}` });
  } else {
    cause = verdict.cause as VerdictCause;
    const codes = Array.isArray(verdict.evidence) ? verdict.evidence.map((e: unknown) => (isObject(e) ? e.code : undefined)) : [];
    if (codes.includes('FIVE_G_NOT_ENABLED')) userSide = 'FIVE_G_NOT_ENABLED';
    else if (codes.includes('VOLTE_NOT_ENABLED')) userSide = 'VOLTE_NOT_ENABLED';
  }
  const incidentId = raw.incidentId;
  if (incidentId !== undefined && incidentId !== null && (typeof incidentId !== 'string' || incidentId.length === 0 || incidentId.length > 64)) {
    errors.push({ field: 'incidentId', message: 'incidentId must be a string of 1..64 characters' });
  }
  if (errors.length > 0) return { ok: false, errors };
  const value: ViewUpdate = {
    ticketId: ticketId as string,
    complaintNo: complaintNo as string,
    status: status as ViewStatus,
    version: version as number,
    msisdn: msisdn as string,
    reportedAt: new Date(reportedAt as string),
    servingCellIds,
    cause: cause as VerdictCause,
  };
  if (userSide) value.userSide = userSide;
  if (typeof incidentId === 'string') value.incidentId = incidentId;
  return { ok: true, value };
}
