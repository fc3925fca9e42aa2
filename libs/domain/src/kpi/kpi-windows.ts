import { TimeWindow } from '../model';

/** Length of one PM interval (kpis.md: one point per cell per 15-minute interval). */
export const KPI_INTERVAL_MINUTES = 15;
/** Days of the daily-traffic baseline (kpis.md "Windows"). */
export const BASELINE_DAYS = 7;

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

function floorTo(ms: number, stepMs: number): number {
  return Math.floor(ms / stepMs) * stepMs;
}

function ceilTo(ms: number, stepMs: number): number {
  return Math.ceil(ms / stepMs) * stepMs;
}

/**
 * The evaluation window of a complaint: [occurredAt − halfWidth, occurredAt + halfWidth), widened outwards to
 * whole PM intervals (`alignMinutes`, 15 by default; 0 = no alignment) so that every interval overlapping the
 * complaint period is counted whole and "data through window.to" means the last interval is in.
 */
export function evaluationWindow(occurredAt: Date, halfWidthMinutes = 60, alignMinutes = KPI_INTERVAL_MINUTES): TimeWindow {
  if (!(halfWidthMinutes > 0)) throw new RangeError(`halfWidthMinutes must be > 0, got ${halfWidthMinutes}`);
  const at = occurredAt.getTime();
  const from = at - halfWidthMinutes * MINUTE_MS;
  const to = at + halfWidthMinutes * MINUTE_MS;
  if (alignMinutes > 0) {
    const step = alignMinutes * MINUTE_MS;
    return { from: new Date(floorTo(from, step)), to: new Date(ceilTo(to, step)) };
  }
  return { from: new Date(from), to: new Date(to) };
}

/**
 * The baseline window for daily traffic: the `days` whole days before occurredAt, i.e.
 * [start − days·24 h, start) where start is occurredAt floored to the PM interval (`alignMinutes`).
 */
export function baselineWindow(occurredAt: Date, days = BASELINE_DAYS, alignMinutes = KPI_INTERVAL_MINUTES): TimeWindow {
  if (!(days > 0)) throw new RangeError(`days must be > 0, got ${days}`);
  const end = alignMinutes > 0 ? floorTo(occurredAt.getTime(), alignMinutes * MINUTE_MS) : occurredAt.getTime();
  return { from: new Date(end - days * DAY_MS), to: new Date(end) };
}
