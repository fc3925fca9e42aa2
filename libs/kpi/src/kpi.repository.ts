import { CellKpiInterval, CellKpiSums, CounterName, JudgedKpiName, TimeWindow } from '@cellscope/domain';

/** Which values a read needs; absent = every counter and percent KPI the store holds. */
export interface KpiSelection {
  counters?: readonly CounterName[];
  percents?: readonly JudgedKpiName[];
}

/** One (cells, window) pair of a sumWindows call. */
export interface KpiWindowQuery {
  cellIds: readonly string[];
  window: TimeWindow;
  /** Only these values are needed (e.g. trafficMb for a 7-day baseline); adapters may return more. */
  select?: KpiSelection;
  /**
   * Default true. False when the caller uses only the sums, not `intervals`: adapters may then leave the counters out
   * of `intervals` (0 when nothing else counts them), which spares InfluxDB one aggregate per counter. Which cells
   * are present does not change.
   */
  countIntervals?: boolean;
}

/** Port: base-station KPI counters from the performance-management store. */
export abstract class KpiRepository {
  /**
   * Counter sums per cell over the half-open window [from, to), for many cells in one call (batched internally),
   * with the number of intervals with data and of DOWN intervals. Cells without any point in the window are
   * absent from the map; counters a cell did not report are absent, never 0.
   */
  abstract sumWindow(cellIds: readonly string[], window: TimeWindow): Promise<Map<string, CellKpiSums>>;
  /**
   * sumWindow for several (cells, window) pairs at once, one map per pair in order. Adapters pack them into as few
   * round trips as they can (a batch of tickets with different windows); this default asks one by one.
   */
  sumWindows(queries: readonly KpiWindowQuery[]): Promise<Map<string, CellKpiSums>[]> {
    return Promise.all(queries.map((q) => this.sumWindow(q.cellIds, q.window)));
  }
  /** The 15-minute intervals of one cell in the window, oldest first (charts). */
  abstract series(cellId: string, window: TimeWindow): Promise<CellKpiInterval[]>;
  /**
   * The latest interval of every cell that has one in (at − lookbackMs, at] (outage scans), in no particular
   * order. Scales to 100,000 cells. With `select`, only those values are read (and an interval counts only when
   * it carries one of them), which makes the scan cheaper.
   */
  abstract latestIntervals(at: Date, lookbackMs: number, select?: KpiSelection): Promise<CellKpiInterval[]>;
  /**
   * "KPI data through": the end of the newest interval with data (start + 15 min),
   * over the given cells or over all cells when none are given; null when there is no data (at or after `since`,
   * when given: a bound that spares the store a scan of all history).
   */
  abstract dataThrough(cellIds?: readonly string[], since?: Date): Promise<Date | null>;
}

/** Port: writes KPI intervals (simulator, tests, benchmarks). */
export abstract class KpiWriter {
  abstract write(intervals: readonly CellKpiInterval[]): Promise<void>;
}
