import { CellKpiSums, CounterName, JudgedKpiName } from '../model';

/** How one judged KPI is computed from summed counters (kpis.md "Formulas and aggregation"). */
export interface KpiFormula {
  numerator: CounterName;
  denominator: CounterName;
  /** Multiplier of the ratio (100 for percentages, 1 for kbit/ms = Mbit/s). */
  scale: number;
  /** true: the KPI is scale · (1 − ratio) (availability from unavailable seconds). */
  complement: boolean;
  /** Smallest denominator that is judged; below it the KPI is NO_DATA. */
  minDenominator: number;
  /** true: the denominator must be strictly greater than minDenominator (prb_dl_avail > 0, period_s > 0). */
  minExclusive: boolean;
}

/** The formula and minimum sample of every judged KPI. */
export const KPI_FORMULAS: Readonly<Record<JudgedKpiName, KpiFormula>> = Object.freeze({
  prbUtilizationDl: { numerator: 'prbDlUsed', denominator: 'prbDlAvail', scale: 100, complement: false, minDenominator: 0, minExclusive: true },
  accessSuccessRate: { numerator: 'accessSucc', denominator: 'accessAtt', scale: 100, complement: false, minDenominator: 100, minExclusive: false },
  dropRate: { numerator: 'dropAbnormal', denominator: 'dropTotal', scale: 100, complement: false, minDenominator: 100, minExclusive: false },
  goodCoverageRate: { numerator: 'mrGood', denominator: 'mrTotal', scale: 100, complement: false, minDenominator: 500, minExclusive: false },
  userDlThroughputMbps: { numerator: 'thpDlVolKbit', denominator: 'thpDlTimeMs', scale: 1, complement: false, minDenominator: 10_000, minExclusive: false },
  availability: { numerator: 'unavailS', denominator: 'periodS', scale: 100, complement: true, minDenominator: 0, minExclusive: true },
});

/** Σnumerator / Σdenominator: the only correct way to aggregate a ratio KPI over intervals; NaN when Σdenominator is 0. */
export function ratioOfSums(numerators: readonly number[], denominators: readonly number[]): number {
  if (numerators.length !== denominators.length) throw new RangeError('numerators and denominators differ in length');
  let num = 0;
  let den = 0;
  for (let i = 0; i < numerators.length; i++) {
    num += numerators[i];
    den += denominators[i];
  }
  return den === 0 ? Number.NaN : num / den;
}

/** Where a KPI value came from. */
export type KpiSource = 'COUNTERS' | 'PERCENT';

/** A raw (unrounded) KPI value and its source; value null when it cannot be judged. */
export interface RawKpiValue {
  value: number | null;
  source: KpiSource | null;
}

/**
 * One judged KPI over a window from its summed counters: the ratio of sums when both counters are present and the
 * denominator reaches its minimum sample (else null); when either counter is absent, the percent-only value
 * Σ(value·weight)/Σweight if the source delivered one (weight > 0), else null.
 */
export function kpiFromSums(kpi: JudgedKpiName, sums: CellKpiSums | undefined): RawKpiValue {
  if (!sums) return { value: null, source: null };
  const formula = KPI_FORMULAS[kpi];
  const num = sums.counters[formula.numerator];
  const den = sums.counters[formula.denominator];
  if (num !== undefined && den !== undefined) {
    const enough = formula.minExclusive ? den > formula.minDenominator : den >= formula.minDenominator;
    if (!enough || !Number.isFinite(num) || !Number.isFinite(den) || den <= 0) return { value: null, source: 'COUNTERS' };
    const ratio = num / den;
    return { value: formula.scale * (formula.complement ? 1 - ratio : ratio), source: 'COUNTERS' };
  }
  const percent = sums.percents?.[kpi];
  if (percent && percent.weight > 0 && Number.isFinite(percent.weightedSum)) {
    return { value: percent.weightedSum / percent.weight, source: 'PERCENT' };
  }
  return { value: null, source: null };
}
