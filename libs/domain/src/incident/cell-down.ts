import { CellKpiInterval } from '../model';

/** Availability state of one cell in one interval: DOWN, UP, or UNKNOWN when the interval says nothing about it. */
export type CellAvailabilityState = 'DOWN' | 'UP' | 'UNKNOWN';

/** Share of the interval a cell must be unavailable to be DOWN (kpis.md: unavail_s / period_s ≥ 0.5). */
export const DOWN_UNAVAILABLE_SHARE = 0.5;

/**
 * DOWN / UP / UNKNOWN for one interval: from the counters when unavail_s and period_s are both present and
 * period_s > 0 (DOWN when unavail_s / period_s ≥ 0.5); otherwise from a percent-only availability (DOWN when < 50);
 * otherwise UNKNOWN.
 */
export function cellAvailabilityState(interval: Pick<CellKpiInterval, 'counters' | 'percents'>): CellAvailabilityState {
  const { unavailS, periodS } = interval.counters;
  if (unavailS !== undefined && periodS !== undefined && periodS > 0) {
    return unavailS / periodS >= DOWN_UNAVAILABLE_SHARE ? 'DOWN' : 'UP';
  }
  const percent = interval.percents?.availability;
  if (percent && percent.weight > 0) {
    return percent.weightedSum / percent.weight < 100 * (1 - DOWN_UNAVAILABLE_SHARE) ? 'DOWN' : 'UP';
  }
  return 'UNKNOWN';
}

/** Whether the cell was DOWN in this interval (unavail_s / period_s ≥ 0.5, or percent-only availability < 50). */
export function isCellDown(interval: Pick<CellKpiInterval, 'counters' | 'percents'>): boolean {
  return cellAvailabilityState(interval) === 'DOWN';
}
