import { Cell, SelectedCell, Ticket, TimeWindow, UsageRecord } from '../model';
import { angleDifference, bearingDegrees, distanceMetres } from './geo-distance';

/** Tunables of the cell selection (kpis.md "Which cells"); the defaults are the documented values. */
export interface CellSelectionOptions {
  /** Cells after the SERVING one taken from usage (default 4). */
  maxUsageNeighbors?: number;
  /** Days of usage history that decide the home cell (default 7). */
  homeCellDays?: number;
  /** Radius of the location step in metres (default 1500). */
  radiusM?: number;
  /** Half-width of a sector's beam in degrees (default 60). */
  beamHalfWidthDeg?: number;
  /** Cells taken from the location (default 3). */
  maxLocationCells?: number;
}

/** Input of selectCells. */
export interface CellSelectionInput {
  ticket: Ticket;
  window: TimeWindow;
  /** The subscriber's usage records overlapping the window. */
  usageInWindow: UsageRecord[];
  /** The subscriber's usage records of the days before the window (home cell). */
  usageHistory: UsageRecord[];
  /** Inventory cells around the ticket location (more than the radius is fine: the radius is applied here). */
  nearbyCells: Cell[];
  options?: CellSelectionOptions;
}

const DAY_MS = 86_400_000;
/** Below this distance the bearing is meaningless: the point is at the site and every sector faces it. */
const AT_SITE_M = 1;

function overlapMs(record: UsageRecord, from: number, to: number): number {
  return Math.max(0, Math.min(record.end.getTime(), to) - Math.max(record.start.getTime(), from));
}

/** Time on each cell within [from, to), largest first (ties: cellId ascending), zero-time cells dropped. */
function rankByTime(records: readonly UsageRecord[], from: number, to: number): { cellId: string; ms: number }[] {
  const perCell = new Map<string, number>();
  for (const record of records) {
    const ms = overlapMs(record, from, to);
    if (ms > 0) perCell.set(record.cellId, (perCell.get(record.cellId) ?? 0) + ms);
  }
  return [...perCell.entries()]
    .map(([cellId, ms]) => ({ cellId, ms }))
    .sort((a, b) => b.ms - a.ms || (a.cellId < b.cellId ? -1 : a.cellId > b.cellId ? 1 : 0));
}

/** Whether the sector of `cell` faces `point` (indoor, omni and at-site always do). */
function faces(cell: Cell, point: { lat: number; lon: number }, distanceM: number, beamHalfWidthDeg: number): boolean {
  if (cell.siteType === 'INDOOR' || cell.azimuth === undefined || cell.azimuth === null) return true;
  if (distanceM < AT_SITE_M) return true;
  return angleDifference(bearingDegrees(cell, point), cell.azimuth) <= beamHalfWidthDeg;
}

/**
 * The cells a complaint is judged on (kpis.md "Which cells"):
 * 1. the ticket's cellIds, all SERVING / TICKET (duplicates removed, order kept);
 * 2. else usage in the window ranked by time on the cell: top SERVING, up to 4 more NEIGHBOR, usageShare =
 *    time on the cell / total time in the window; with no usage in the window, the most-used cell of the 7 days
 *    before window.from (home cell) alone, SERVING / USAGE;
 * 3. else ACTIVE cells within 1.5 km of the ticket location whose sector faces it (azimuth ± 60°; INDOOR and omni
 *    always face), nearest first (ties: cellId), up to 3, the nearest SERVING, distanceM in whole metres;
 * 4. else no cells.
 */
export function selectCells(input: CellSelectionInput): SelectedCell[] {
  const options = input.options ?? {};
  const maxNeighbors = options.maxUsageNeighbors ?? 4;
  const homeCellDays = options.homeCellDays ?? 7;
  const radiusM = options.radiusM ?? 1500;
  const beam = options.beamHalfWidthDeg ?? 60;
  const maxLocation = options.maxLocationCells ?? 3;
  const { ticket, window } = input;

  const named = [...new Set((ticket.cellIds ?? []).filter((id) => id.length > 0))];
  if (named.length > 0) return named.map((cellId) => ({ cellId, role: 'SERVING', selection: 'TICKET' }));

  const from = window.from.getTime();
  const to = window.to.getTime();
  const inWindow = rankByTime(input.usageInWindow, from, to);
  if (inWindow.length > 0) {
    const total = inWindow.reduce((sum, entry) => sum + entry.ms, 0);
    return inWindow.slice(0, 1 + maxNeighbors).map((entry, index) => ({
      cellId: entry.cellId,
      role: index === 0 ? 'SERVING' : 'NEIGHBOR',
      selection: 'USAGE',
      usageShare: Math.round((entry.ms / total) * 10_000) / 10_000,
    }));
  }
  const home = rankByTime(input.usageHistory, from - homeCellDays * DAY_MS, from);
  if (home.length > 0) return [{ cellId: home[0].cellId, role: 'SERVING', selection: 'USAGE' }];

  const point = ticket.location;
  if (point && Number.isFinite(point.lat) && Number.isFinite(point.lon)) {
    const candidates = input.nearbyCells
      .filter((cell) => cell.status === 'ACTIVE')
      .map((cell) => ({ cell, distanceM: distanceMetres(point, cell) }))
      .filter(({ cell, distanceM }) => distanceM <= radiusM && faces(cell, point, distanceM, beam))
      .sort((a, b) => a.distanceM - b.distanceM || (a.cell.cellId < b.cell.cellId ? -1 : a.cell.cellId > b.cell.cellId ? 1 : 0));
    const seen = new Set<string>();
    const chosen: SelectedCell[] = [];
    for (const { cell, distanceM } of candidates) {
      if (seen.has(cell.cellId)) continue;
      seen.add(cell.cellId);
      chosen.push({ cellId: cell.cellId, role: chosen.length === 0 ? 'SERVING' : 'NEIGHBOR', selection: 'LOCATION', distanceM: Math.round(distanceM) });
      if (chosen.length >= maxLocation) break;
    }
    return chosen;
  }
  return [];
}
