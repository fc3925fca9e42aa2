import { Cell, CellKpiInterval, Incident } from '../model';
import { hashUuid } from '../identity/hash-uuid';
import { cellAvailabilityState, CellAvailabilityState } from './cell-down';

/** Healthy intervals in a row after which an outage incident resolves. */
export const HEALTHY_INTERVALS_TO_RESOLVE = 2;

/** Input of detectOutages. */
export interface OutageDetectionInput {
  /** The newest interval of each cell (older ones of the same cell are ignored). */
  latest: CellKpiInterval[];
  /** The cell inventory (sites are grouped by siteId; INACTIVE cells are not expected to report). */
  cells: Cell[];
  /** Incidents currently OPEN (other states and COMPLAINT_CLUSTER incidents are left alone). */
  open: Incident[];
  now: Date;
}

/** What changed: new incidents, open incidents with new counters (or absorbed into a site outage), recoveries. */
export interface OutageDetection {
  opened: Incident[];
  /** Still-open incidents whose healthyIntervals/lastIntervalAt changed, and CELL_OUTAGEs closed with absorbedBy. */
  updated: Incident[];
  /** Incidents that recovered (2 healthy intervals in a row). Absorbed incidents are never listed here. */
  resolved: Incident[];
}

/** Deterministic id of an outage incident: kind + site or cell + start of the interval that opened it. */
export function outageIncidentId(kind: 'CELL_OUTAGE' | 'SITE_OUTAGE', subjectId: string, openedAt: Date): string {
  return hashUuid(['incident', kind, subjectId, openedAt.toISOString()]);
}

interface Observation {
  state: CellAvailabilityState;
  time: Date;
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const isOutage = (incident: Incident): boolean =>
  incident.state === 'OPEN' && (incident.kind === 'CELL_OUTAGE' || incident.kind === 'SITE_OUTAGE');

/**
 * One scan of the latest KPI intervals (kpis.md "A cell is DOWN …"):
 * - open outage incidents: if any of their cells is DOWN at a newer interval than lastIntervalAt, healthyIntervals
 *   goes back to 0; if their cells are all UP (and at least one reported), healthyIntervals + 1 and, at 2, the
 *   incident is RESOLVED (resolvedAt = now). An interval not newer than lastIntervalAt (a replayed tick) changes
 *   nothing; cells without data (UNKNOWN) are ignored.
 * - DOWN cells not covered by an open outage are grouped by site: when every ACTIVE cell of the site (and every
 *   DOWN one) is DOWN, one SITE_OUTAGE covers them and open CELL_OUTAGEs of that site are closed with absorbedBy;
 *   otherwise one CELL_OUTAGE per DOWN cell. A cell missing from the inventory forms a CELL_OUTAGE without site.
 * openedAt is the interval start that showed the outage (for a site: the newest of its cells' intervals).
 */
export function detectOutages(input: OutageDetectionInput): OutageDetection {
  const observed = new Map<string, Observation>();
  for (const interval of input.latest) {
    const previous = observed.get(interval.cellId);
    if (previous && previous.time.getTime() >= interval.time.getTime()) continue;
    observed.set(interval.cellId, { state: cellAvailabilityState(interval), time: interval.time });
  }
  const inventory = new Map(input.cells.map((cell) => [cell.cellId, cell]));

  const current = new Map<string, Incident>();
  const updatedIds = new Set<string>();
  const resolved: Incident[] = [];
  for (const incident of input.open.filter(isOutage)) {
    const seen = incident.cellIds
      .map((cellId) => observed.get(cellId))
      .filter((o): o is Observation => o !== undefined && o.state !== 'UNKNOWN');
    if (seen.length === 0) {
      current.set(incident.incidentId, incident);
      continue;
    }
    const newest = new Date(Math.max(...seen.map((o) => o.time.getTime())));
    if (incident.lastIntervalAt && newest.getTime() <= incident.lastIntervalAt.getTime()) {
      current.set(incident.incidentId, incident);
      continue;
    }
    if (seen.some((o) => o.state === 'DOWN')) {
      current.set(incident.incidentId, { ...incident, healthyIntervals: 0, lastIntervalAt: newest });
      updatedIds.add(incident.incidentId);
      continue;
    }
    const healthyIntervals = incident.healthyIntervals + 1;
    if (healthyIntervals >= HEALTHY_INTERVALS_TO_RESOLVE) {
      resolved.push({ ...incident, state: 'RESOLVED', resolvedAt: input.now, healthyIntervals, lastIntervalAt: newest });
    } else {
      current.set(incident.incidentId, { ...incident, healthyIntervals, lastIntervalAt: newest });
      updatedIds.add(incident.incidentId);
    }
  }

  const covered = new Set<string>();
  for (const incident of current.values()) for (const cellId of incident.cellIds) covered.add(cellId);

  const downBySite = new Map<string, string[]>();
  const siteless: string[] = [];
  for (const [cellId, observation] of observed) {
    if (observation.state !== 'DOWN') continue;
    const siteId = inventory.get(cellId)?.siteId;
    if (!siteId) siteless.push(cellId);
    else downBySite.set(siteId, [...(downBySite.get(siteId) ?? []), cellId]);
  }

  const opened: Incident[] = [];
  const openCell = (cellId: string, siteId: string | undefined): void => {
    if (covered.has(cellId)) return;
    const openedAt = observed.get(cellId)!.time;
    const incident: Incident = {
      incidentId: outageIncidentId('CELL_OUTAGE', cellId, openedAt),
      kind: 'CELL_OUTAGE',
      state: 'OPEN',
      cellIds: [cellId],
      cause: 'OUTAGE',
      openedAt,
      healthyIntervals: 0,
      lastIntervalAt: openedAt,
    };
    if (siteId) incident.siteId = siteId;
    opened.push(incident);
    covered.add(cellId);
  };

  const activeBySite = new Map<string, string[]>();
  for (const cell of input.cells) {
    if (cell.status !== 'ACTIVE' || !downBySite.has(cell.siteId)) continue;
    activeBySite.set(cell.siteId, [...(activeBySite.get(cell.siteId) ?? []), cell.cellId]);
  }
  const openSites = new Set<string>();
  const openCellIncidentsBySite = new Map<string, Incident[]>();
  for (const incident of current.values()) {
    if (incident.kind === 'SITE_OUTAGE' && incident.siteId) openSites.add(incident.siteId);
    if (incident.kind !== 'CELL_OUTAGE') continue;
    const siteId = incident.siteId ?? inventory.get(incident.cellIds[0])?.siteId;
    if (siteId) openCellIncidentsBySite.set(siteId, [...(openCellIncidentsBySite.get(siteId) ?? []), incident]);
  }

  for (const siteId of [...downBySite.keys()].sort(byString)) {
    const down = new Set(downBySite.get(siteId));
    const siteCells = new Set([...down, ...(activeBySite.get(siteId) ?? [])]);
    const allDown = [...siteCells].every((cellId) => down.has(cellId));
    if (allDown && !openSites.has(siteId)) {
      const cellIds = [...siteCells].sort(byString);
      const openedAt = new Date(Math.max(...cellIds.map((cellId) => observed.get(cellId)!.time.getTime())));
      const incidentId = outageIncidentId('SITE_OUTAGE', siteId, openedAt);
      opened.push({ incidentId, kind: 'SITE_OUTAGE', state: 'OPEN', siteId, cellIds, cause: 'OUTAGE', openedAt, healthyIntervals: 0, lastIntervalAt: openedAt });
      for (const incident of openCellIncidentsBySite.get(siteId) ?? []) {
        if (!incident.cellIds.every((cellId) => siteCells.has(cellId))) continue;
        current.set(incident.incidentId, { ...incident, state: 'RESOLVED', resolvedAt: input.now, absorbedBy: incidentId });
        updatedIds.add(incident.incidentId);
      }
      for (const cellId of cellIds) covered.add(cellId);
      continue;
    }
    for (const cellId of [...down].sort(byString)) openCell(cellId, siteId);
  }
  for (const cellId of siteless.sort(byString)) openCell(cellId, undefined);

  const updated = [...updatedIds].map((id) => current.get(id)!).filter((incident) => incident !== undefined);
  return { opened, updated, resolved };
}
