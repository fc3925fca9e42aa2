import { CellKpis, CellKpiSums, Finding, JUDGED_KPI_NAMES, JudgedKpiName, KpiUnit, KpiValue, NetworkType } from '../model';
import { kpiFromSums } from './kpi-arithmetic';
import { judgeKpi } from './kpi-judgement';
import { ThresholdTable } from './thresholds';

const UNITS: Record<JudgedKpiName, KpiUnit> = {
  prbUtilizationDl: '%',
  accessSuccessRate: '%',
  dropRate: '%',
  goodCoverageRate: '%',
  userDlThroughputMbps: 'Mbit/s',
  availability: '%',
};

/** Rounds a KPI value for display; the status is judged on the rounded value so that both always agree. */
export function roundKpi(value: number, decimals = 2): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** Result of computeKpiValues: the KPI block of a view cell and what was found on it. */
export interface KpiComputation {
  kpis: CellKpis;
  findings: Finding[];
}

/**
 * The KPI block of one cell and its findings (kpis.md "Formulas and aggregation", "Default thresholds").
 * - Judged KPIs: ratio of summed counters (min-sample guard → NO_DATA, value null); percent-only value when the
 *   counters of that KPI are absent; rounded to 2 decimals, then judged; warn/bad are always attached.
 * - DOWN intervals in the window (sums.downIntervals > 0): a CELL_DOWN finding and availability BAD.
 * - dailyTrafficGb: Σtraffic_mb / 1024 / baselineDays over the baseline sums, 3 decimals, OK when present, else
 *   NO_DATA; never judged.
 * Findings: CELL_DOWN first, then `<kpi>_BAD` / `<kpi>_WARN` in display order, threshold = the limit crossed.
 */
export function computeKpiValues(
  sums: CellKpiSums | undefined,
  baseline: CellKpiSums | undefined,
  baselineDays: number,
  networkType: NetworkType,
  thresholds: ThresholdTable,
): KpiComputation {
  const kpis = {} as CellKpis;
  const kpiFindings: Finding[] = [];
  const findings: Finding[] = [];
  const down = (sums?.downIntervals ?? 0) > 0;
  for (const kpi of JUDGED_KPI_NAMES) {
    const threshold = thresholds[networkType][kpi];
    const raw = kpiFromSums(kpi, sums).value;
    const value = raw === null ? null : roundKpi(raw, 2);
    const judged = judgeKpi(kpi, value, networkType, thresholds);
    const cellDown = kpi === 'availability' && down;
    if (cellDown) findings.push({ code: 'CELL_DOWN', kpi: 'availability', value, threshold: null });
    kpis[kpi] = { value, unit: UNITS[kpi], status: cellDown ? 'BAD' : judged, warn: threshold.warn, bad: threshold.bad };
    if (judged === 'BAD') kpiFindings.push({ code: `${kpi}_BAD`, kpi, value, threshold: threshold.bad });
    if (judged === 'WARN' && !cellDown) kpiFindings.push({ code: `${kpi}_WARN`, kpi, value, threshold: threshold.warn });
  }
  kpis.dailyTrafficGb = dailyTraffic(baseline, baselineDays);
  return { kpis, findings: [...findings, ...kpiFindings] };
}

function dailyTraffic(baseline: CellKpiSums | undefined, baselineDays: number): KpiValue {
  const trafficMb = baseline?.counters.trafficMb;
  if (trafficMb === undefined || !Number.isFinite(trafficMb) || !(baselineDays > 0)) {
    return { value: null, unit: 'GB/day', status: 'NO_DATA' };
  }
  return { value: roundKpi(trafficMb / 1024 / baselineDays, 3), unit: 'GB/day', status: 'OK' };
}
