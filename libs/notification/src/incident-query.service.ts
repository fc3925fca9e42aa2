import { Injectable } from '@nestjs/common';
import { IncidentKind, IncidentState } from '@cellscope/domain';
import { IncidentRepository, StoredIncident } from './ports/incident.repository';

/** An incident as the API shows it: affected cells listed, affected subscribers only counted (never listed). */
export interface IncidentSummary {
  incidentId: string;
  kind: IncidentKind;
  state: IncidentState;
  siteId?: string;
  cellIds: string[];
  cause: 'OUTAGE' | 'SUSPECTED';
  openedAt: string;
  resolvedAt?: string;
  affectedCells: number;
  affectedSubscribers: number;
}

/** Criteria of an incident listing (validated by the transport). */
export interface IncidentListCriteria {
  state?: IncidentState;
  kind?: IncidentKind;
  /** openedAt ≥ from */
  from?: Date;
  /** openedAt < to */
  to?: Date;
  page: number;
  limit: number;
}

/** A page of incidents. */
export interface IncidentListPage {
  total: number;
  page: number;
  limit: number;
  items: IncidentSummary[];
}

/** The API's summary of a stored incident. */
export function summarizeIncident(incident: StoredIncident): IncidentSummary {
  const summary: IncidentSummary = {
    incidentId: incident.incidentId,
    kind: incident.kind,
    state: incident.state,
    cellIds: [...incident.cellIds],
    cause: incident.cause,
    openedAt: incident.openedAt.toISOString(),
    affectedCells: incident.cellIds.length,
    affectedSubscribers: incident.affectedSubscribers,
  };
  if (incident.siteId !== undefined) summary.siteId = incident.siteId;
  if (incident.resolvedAt !== undefined) summary.resolvedAt = incident.resolvedAt.toISOString();
  return summary;
}

/** Read side of incidents for REST and gRPC (same data for both). */
@Injectable()
export class IncidentQueryService {
  constructor(private readonly incidents: IncidentRepository) {}

  /** Incidents matching the criteria, newest openedAt first. */
  async list(criteria: IncidentListCriteria): Promise<IncidentListPage> {
    const { page, limit, ...filters } = criteria;
    const result = await this.incidents.search({ ...filters, limit, offset: (page - 1) * limit });
    return { total: result.total, page, limit, items: result.items.map(summarizeIncident) };
  }

  /** One incident, or null when unknown. */
  async get(incidentId: string): Promise<IncidentSummary | null> {
    const incident = await this.incidents.findById(incidentId);
    return incident ? summarizeIncident(incident) : null;
  }
}
