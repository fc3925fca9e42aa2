import { Controller, UseFilters } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { Metadata } from '@grpc/grpc-js';
import { INCIDENT_STATES, IncidentState } from '@cellscope/domain';
import { ApiAccessService, ApiException, ApiPermission, parseTimestamp } from '@cellscope/http-api';
import { IncidentQueryService, IncidentSummary } from '@cellscope/notification';
import { GrpcExceptionFilter } from './grpc-exception.filter';
import { IncidentMessage, ListIncidentsRequestMessage, ListIncidentsResponseMessage } from './incidents.grpc-messages';
import { GRPC_SERVICE } from './proto-path';

/** Incidents per ListIncidents call when the request names no limit, and the most it may ask for. */
export const LIST_INCIDENTS_DEFAULT_LIMIT = 100;
export const LIST_INCIDENTS_MAX_LIMIT = 1000;

/** An optional timestamp field ('' is proto3's absent string): strict ISO 8601 with an offset, as in REST. */
function optionalTime(value: string | undefined, field: string): Date | undefined {
  return value ? parseTimestamp(value, field) : undefined;
}

function incidentMessage(incident: IncidentSummary): IncidentMessage {
  return {
    incident_id: incident.incidentId,
    kind: incident.kind,
    state: incident.state,
    site_id: incident.siteId,
    cell_ids: incident.cellIds,
    cause: incident.cause,
    opened_at: incident.openedAt,
    resolved_at: incident.resolvedAt,
    affected_cells: incident.affectedCells,
    affected_subscribers: incident.affectedSubscribers,
  };
}

/**
 * ListIncidents of cellscope.v1.CellscopeService: the same incident read side, role check and shape as
 * `GET /api/v1/incidents` (affected subscribers counted, never listed); metadata `x-api-key` authenticates.
 */
@Controller()
@UseFilters(GrpcExceptionFilter)
export class IncidentsGrpcController {
  constructor(
    private readonly access: ApiAccessService,
    private readonly incidents: IncidentQueryService,
  ) {}

  /** Incidents by state and openedAt range [from, to), newest first, at most `limit`. */
  @GrpcMethod(GRPC_SERVICE, 'ListIncidents')
  async listIncidents(request: ListIncidentsRequestMessage, metadata: Metadata): Promise<ListIncidentsResponseMessage> {
    const [key] = metadata.get('x-api-key');
    const principal = this.access.authenticate(typeof key === 'string' ? key : key?.toString('utf8'));
    this.access.authorize(principal, ApiPermission.READ_INCIDENTS);
    if (request.state && !(INCIDENT_STATES as readonly string[]).includes(request.state)) {
      throw ApiException.invalid([{ field: 'state', message: `state must be one of ${INCIDENT_STATES.join(', ')}` }]);
    }
    const limit = request.limit || LIST_INCIDENTS_DEFAULT_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > LIST_INCIDENTS_MAX_LIMIT) {
      throw ApiException.invalid([{ field: 'limit', message: `limit must be 1..${LIST_INCIDENTS_MAX_LIMIT}` }]);
    }
    const from = optionalTime(request.from, 'from');
    const to = optionalTime(request.to, 'to');
    if (from && to && to.getTime() <= from.getTime()) throw ApiException.invalid([{ field: 'to', message: 'to must be later than from' }]);
    const page = await this.incidents.list({
      state: (request.state || undefined) as IncidentState | undefined,
      from,
      to,
      page: 1,
      limit,
    });
    return { incidents: page.items.map(incidentMessage) };
  }
}
