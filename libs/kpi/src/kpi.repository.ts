import { CellKpiInterval, CellKpiSums, TimeWindow } from '@cellscope/domain';

/** Port: base-station KPI counters from the performance-management store. */
export abstract class KpiRepository {
  /**
   * Counter sums per cell over the window, for many cells in one call (batched internally).
   * Cells without any point in the window are absent from the map.
   */
  abstract sumWindow(cellIds: readonly string[], window: TimeWindow): Promise<Map<string, CellKpiSums>>;
  /** The 15-minute intervals of one cell in the window, oldest first (charts). */
  abstract series(cellId: string, window: TimeWindow): Promise<CellKpiInterval[]>;
  /**
   * The latest interval of every cell that has one within `lookbackMs` before `at` (outage scans).
   * Scales to 100,000 cells.
   */
  abstract latestIntervals(at: Date, lookbackMs: number): Promise<CellKpiInterval[]>;
  /**
   * "KPI data through": the end of the newest interval with data (start + 15 min),
   * over the given cells or over all cells when none are given; null when there is no data.
   */
  abstract dataThrough(cellIds?: readonly string[]): Promise<Date | null>;
}

/** Port: writes KPI intervals (simulator, tests, benchmarks). */
export abstract class KpiWriter {
  abstract write(intervals: readonly CellKpiInterval[]): Promise<void>;
}
