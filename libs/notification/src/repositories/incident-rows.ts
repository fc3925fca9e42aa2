import { Incident } from '@cellscope/domain';
import { IncidentChange, StoredIncident } from '../ports/incident.repository';

/** Something that runs SQL: a DataSource or a transaction's EntityManager. */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** Row shape of `incidents` as the SELECTs of the adapters return it. */
export interface IncidentRow {
  incident_id: string;
  kind: Incident['kind'];
  state: Incident['state'];
  site_id: string | null;
  cell_ids: string[];
  cause: Incident['cause'];
  opened_at: Date;
  resolved_at: Date | null;
  last_interval_at: Date | null;
  healthy_intervals: number;
  absorbed_by: string | null;
  affected_subscribers: number;
  updated_at: Date;
}

/** Columns of `incidents` in the order the adapters select them. */
export const INCIDENT_COLUMNS = `incident_id, kind, state, site_id, cell_ids, cause, opened_at, resolved_at, last_interval_at,
  healthy_intervals, absorbed_by, affected_subscribers, updated_at`;

/**
 * Inserts new incidents and applies changes to OPEN ones; a RESOLVED row never changes again and a change whose
 * last_interval_at is older than the stored one is ignored (a stale replica's tick cannot move an incident back).
 */
const SAVE_SQL = `
  INSERT INTO incidents AS i (incident_id, kind, state, site_id, cell_ids, cause, opened_at, resolved_at, last_interval_at,
                              healthy_intervals, absorbed_by, affected_subscribers)
  SELECT c.incident_id, c.kind, c.state, c.site_id, c.cell_ids, c.cause, c.opened_at, c.resolved_at, c.last_interval_at,
         c.healthy_intervals, c.absorbed_by, coalesce(c.affected_subscribers, 0)
  FROM jsonb_to_recordset($1::jsonb) AS c(incident_id text, kind text, state text, site_id text, cell_ids text[], cause text,
       opened_at timestamptz, resolved_at timestamptz, last_interval_at timestamptz, healthy_intervals int, absorbed_by text,
       affected_subscribers int)
  ON CONFLICT (incident_id) DO UPDATE SET
    state = EXCLUDED.state,
    cell_ids = EXCLUDED.cell_ids,
    resolved_at = EXCLUDED.resolved_at,
    last_interval_at = coalesce(EXCLUDED.last_interval_at, i.last_interval_at),
    healthy_intervals = EXCLUDED.healthy_intervals,
    absorbed_by = EXCLUDED.absorbed_by,
    affected_subscribers = greatest(i.affected_subscribers, EXCLUDED.affected_subscribers),
    updated_at = now()
  WHERE i.state = 'OPEN'
    AND (i.last_interval_at IS NULL OR EXCLUDED.last_interval_at IS NULL OR EXCLUDED.last_interval_at >= i.last_interval_at)`;

/** Saves incident changes with one statement (the last change of an incident in the list wins). */
export async function saveIncidentChanges(runner: SqlRunner, changes: readonly IncidentChange[]): Promise<void> {
  if (changes.length === 0) return;
  const byId = new Map<string, IncidentChange>();
  for (const change of changes) byId.set(change.incident.incidentId, change);
  const rows = [...byId.values()].map(({ incident, affectedSubscribers }) => ({
    incident_id: incident.incidentId,
    kind: incident.kind,
    state: incident.state,
    site_id: incident.siteId ?? null,
    cell_ids: incident.cellIds,
    cause: incident.cause,
    opened_at: incident.openedAt.toISOString(),
    resolved_at: incident.resolvedAt?.toISOString() ?? null,
    last_interval_at: incident.lastIntervalAt?.toISOString() ?? null,
    healthy_intervals: incident.healthyIntervals,
    absorbed_by: incident.absorbedBy ?? null,
    affected_subscribers: affectedSubscribers ?? null,
  }));
  await runner.query(SAVE_SQL, [JSON.stringify(rows)]);
}

/** A stored row as a StoredIncident (optional fields absent, not undefined-valued). */
export function toStoredIncident(row: IncidentRow): StoredIncident {
  const incident: StoredIncident = {
    incidentId: row.incident_id,
    kind: row.kind,
    state: row.state,
    cellIds: row.cell_ids,
    cause: row.cause,
    openedAt: row.opened_at,
    healthyIntervals: row.healthy_intervals,
    affectedSubscribers: row.affected_subscribers,
    updatedAt: row.updated_at,
  };
  if (row.site_id !== null) incident.siteId = row.site_id;
  if (row.resolved_at !== null) incident.resolvedAt = row.resolved_at;
  if (row.last_interval_at !== null) incident.lastIntervalAt = row.last_interval_at;
  if (row.absorbed_by !== null) incident.absorbedBy = row.absorbed_by;
  return incident;
}
