import { JudgedKpiName, NetworkType } from '../model';

/** Which way a KPI gets worse. */
export type ThresholdDirection = 'HIGHER_IS_WORSE' | 'LOWER_IS_WORSE';

/** WARN and BAD limits of one KPI. */
export interface KpiThreshold {
  warn: number;
  bad: number;
  direction: ThresholdDirection;
  /**
   * true: a value equal to a limit counts as crossing it (kpis.md "≥ 70 %"); false or absent: only values
   * strictly beyond it do (kpis.md "< 99 %", "> 1 %").
   */
  inclusive?: boolean;
}

/** Thresholds per network type and judged KPI. */
export type ThresholdTable = Record<NetworkType, Record<JudgedKpiName, KpiThreshold>>;

const COMMON: Omit<Record<JudgedKpiName, KpiThreshold>, 'userDlThroughputMbps'> = {
  prbUtilizationDl: { warn: 70, bad: 80, direction: 'HIGHER_IS_WORSE', inclusive: true },
  accessSuccessRate: { warn: 99, bad: 98, direction: 'LOWER_IS_WORSE', inclusive: false },
  dropRate: { warn: 1, bad: 2, direction: 'HIGHER_IS_WORSE', inclusive: false },
  goodCoverageRate: { warn: 95, bad: 90, direction: 'LOWER_IS_WORSE', inclusive: false },
  availability: { warn: 99.9, bad: 99, direction: 'LOWER_IS_WORSE', inclusive: false },
};

/** The default thresholds of kpis.md ("Default thresholds"). */
export const DEFAULT_THRESHOLDS: ThresholdTable = deepFreeze({
  '4G': { ...COMMON, userDlThroughputMbps: { warn: 10, bad: 5, direction: 'LOWER_IS_WORSE', inclusive: false } },
  '5G': { ...COMMON, userDlThroughputMbps: { warn: 100, bad: 50, direction: 'LOWER_IS_WORSE', inclusive: false } },
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
