/**
 * Raw PM counters of one cell, summed over some intervals (kpis.md, "Default InfluxDB schema").
 * A counter that the source did not report is absent, never 0.
 */
export const COUNTER_NAMES = [
  'prbDlUsed',
  'prbDlAvail',
  'accessSucc',
  'accessAtt',
  'dropAbnormal',
  'dropTotal',
  'mrGood',
  'mrTotal',
  'thpDlVolKbit',
  'thpDlTimeMs',
  'trafficMb',
  'unavailS',
  'periodS',
] as const;
export type CounterName = (typeof COUNTER_NAMES)[number];
export type CounterSums = Partial<Record<CounterName, number>>;

/** The KPIs of the network-side view, in display order (API names). */
export const KPI_NAMES = [
  'prbUtilizationDl',
  'accessSuccessRate',
  'dropRate',
  'goodCoverageRate',
  'userDlThroughputMbps',
  'availability',
  'dailyTrafficGb',
] as const;
export type KpiName = (typeof KPI_NAMES)[number];

/** KPIs that are judged against thresholds (daily traffic is shown, not judged). */
export const JUDGED_KPI_NAMES = [
  'prbUtilizationDl',
  'accessSuccessRate',
  'dropRate',
  'goodCoverageRate',
  'userDlThroughputMbps',
  'availability',
] as const;
export type JudgedKpiName = (typeof JUDGED_KPI_NAMES)[number];

/** For operators that store only percentages: Σ(value·weight) and Σweight over the window. */
export interface PercentSums {
  weightedSum: number;
  weight: number;
}

/** Everything the KPI repository returns for one cell over one window. */
export interface CellKpiSums {
  cellId: string;
  counters: CounterSums;
  /** KPIs delivered as percentages (percent-only schemas); used when counters for that KPI are absent. */
  percents?: Partial<Record<JudgedKpiName, PercentSums>>;
  /** Number of 15-minute intervals with data. */
  intervals: number;
  /** Intervals in which the cell was DOWN (unavail_s / period_s ≥ 0.5). */
  downIntervals: number;
}

/** One 15-minute interval of one cell (charts, outage scans). */
export interface CellKpiInterval {
  cellId: string;
  /** Start of the interval. */
  time: Date;
  counters: CounterSums;
  percents?: Partial<Record<JudgedKpiName, PercentSums>>;
}

/** Colour of a KPI value on the panel. */
export const KPI_STATUSES = ['OK', 'WARN', 'BAD', 'NO_DATA'] as const;
export type KpiStatus = (typeof KPI_STATUSES)[number];

export type KpiUnit = '%' | 'Mbit/s' | 'GB/day';

/** A KPI value as the view shows it: value, unit, status and the thresholds it was judged against. */
export interface KpiValue {
  value: number | null;
  unit: KpiUnit;
  status: KpiStatus;
  warn?: number;
  bad?: number;
}

export type CellKpis = Record<KpiName, KpiValue>;
