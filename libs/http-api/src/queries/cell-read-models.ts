import { Cell, CellKpis, Finding, JudgedKpiName, KpiUnit, KpiValue, NetworkType, SiteType } from '@cellscope/domain';

/** GET /cells/{cellId}: the inventory record and the latest interval's KPIs judged against the thresholds. */
export interface CellDetails {
  cell: Cell;
  /** Start of the judged 15-minute interval; null when the cell has no data within the look-back. */
  intervalStart: string | null;
  kpis: CellKpis;
  findings: Finding[];
}

/** One 15-minute interval of a KPI series: judged KPI values (daily traffic is a baseline figure, not per interval). */
export interface KpiSeriesPoint {
  time: string;
  /** The cell was DOWN in this interval (unavail_s / period_s ≥ 0.5). */
  down: boolean;
  kpis: Record<JudgedKpiName, KpiValue>;
}

/** GET /cells/{cellId}/kpis: the interval series with the thresholds it was judged against (chart lines). */
export interface KpiSeries {
  cellId: string;
  networkType: NetworkType;
  from: string;
  to: string;
  thresholds: Record<JudgedKpiName, { warn: number; bad: number; unit: KpiUnit }>;
  intervals: KpiSeriesPoint[];
}

/** A cell with at least one BAD KPI in its latest interval. */
export interface DegradedCell {
  cellId: string;
  name: string;
  siteId: string;
  siteType: SiteType;
  networkType: NetworkType;
  intervalStart: string;
  kpis: CellKpis;
  findings: Finding[];
}

/** GET /cells/degraded. */
export interface DegradedCellList {
  at: string;
  cells: DegradedCell[];
}
