import { JudgedKpiName, KpiStatus, NetworkType } from '../model';
import { KpiThreshold, ThresholdTable } from './thresholds';

function crosses(value: number, limit: number, threshold: KpiThreshold): boolean {
  if (threshold.direction === 'HIGHER_IS_WORSE') return threshold.inclusive ? value >= limit : value > limit;
  return threshold.inclusive ? value <= limit : value < limit;
}

/** Status of one KPI value against its threshold for the network type; null or non-finite → NO_DATA. */
export function judgeKpi(kpi: JudgedKpiName, value: number | null | undefined, networkType: NetworkType, thresholds: ThresholdTable): KpiStatus {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'NO_DATA';
  const threshold = thresholds[networkType][kpi];
  if (crosses(value, threshold.bad, threshold)) return 'BAD';
  if (crosses(value, threshold.warn, threshold)) return 'WARN';
  return 'OK';
}
