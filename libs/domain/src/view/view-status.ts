import { TimeWindow, ViewStatus } from '../model';

/**
 * FINAL when the KPI data reaches the end of the window (kpiDataThrough ≥ window.to), PROVISIONAL otherwise
 * (including when there is no data at all: the view is correlated again once data arrives).
 */
export function viewStatusFor(kpiDataThrough: Date | null, window: TimeWindow): ViewStatus {
  return kpiDataThrough !== null && kpiDataThrough.getTime() >= window.to.getTime() ? 'FINAL' : 'PROVISIONAL';
}
