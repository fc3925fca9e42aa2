import { Incident, IncidentKind, IncidentState } from '@cellscope/domain';

/** An incident as stored, with what the notifier found out when it opened. */
export interface StoredIncident extends Incident {
  /** Distinct subscribers found affected when the incident opened (before opt-outs and daily caps). */
  affectedSubscribers: number;
  /** When the row last changed (database time). */
  updatedAt: Date;
}

/** One incident to store: new, or a new state of an open one. */
export interface IncidentChange {
  incident: Incident;
  /** Set when known (at opening); an update without it keeps the stored count. */
  affectedSubscribers?: number;
}

/** Filters of IncidentRepository.search; openedAt in [from, to). */
export interface IncidentSearch {
  state?: IncidentState;
  kind?: IncidentKind;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

/** One page of incidents, newest openedAt first, and the number of all matches. */
export interface IncidentPage {
  total: number;
  items: StoredIncident[];
}

/**
 * Port: the notifier's incidents. Saving is monotonic: a RESOLVED incident never changes again, and an update whose
 * lastIntervalAt is older than the stored one (a stale replica's tick) is ignored.
 */
export abstract class IncidentRepository {
  /** Inserts new incidents and applies the changes of open ones (see the class comment for what is ignored). */
  abstract save(changes: readonly IncidentChange[]): Promise<void>;
  /** Every OPEN incident, ordered by incidentId. */
  abstract findOpen(): Promise<StoredIncident[]>;
  /** One incident by id, or null. */
  abstract findById(incidentId: string): Promise<StoredIncident | null>;
  /** The CELL_OUTAGEs a SITE_OUTAGE took over (absorbedBy one of these ids), ordered by incidentId. */
  abstract findAbsorbedInto(incidentIds: readonly string[]): Promise<StoredIncident[]>;
  /** Incidents matching every given filter, newest openedAt first (then incidentId), paged. */
  abstract search(query: IncidentSearch): Promise<IncidentPage>;
}
