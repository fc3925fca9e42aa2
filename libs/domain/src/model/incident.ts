export const INCIDENT_KINDS = ['CELL_OUTAGE', 'SITE_OUTAGE', 'COMPLAINT_CLUSTER'] as const;
/** CELL_OUTAGE: one cell DOWN; SITE_OUTAGE: every cell of a site DOWN; COMPLAINT_CLUSTER: suspected from tickets. */
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const INCIDENT_STATES = ['OPEN', 'RESOLVED'] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];

/** A network incident the notifier tracks. */
export interface Incident {
  incidentId: string;
  kind: IncidentKind;
  state: IncidentState;
  siteId?: string;
  cellIds: string[];
  cause: 'OUTAGE' | 'SUSPECTED';
  openedAt: Date;
  resolvedAt?: Date;
  /** Consecutive healthy intervals seen since the last DOWN one (resolution after 2). */
  healthyIntervals: number;
  /** Start of the newest KPI interval already counted for this incident (a replayed tick does not count twice). */
  lastIntervalAt?: Date;
  /** Set on a CELL_OUTAGE closed because a SITE_OUTAGE of its site took it over (not a recovery). */
  absorbedBy?: string;
}
