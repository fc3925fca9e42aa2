import { CellKpiInterval, COUNTER_NAMES, CounterName, CounterSums, JudgedKpiName, PercentSums } from '@cellscope/domain';

/** 15 minutes in ms. */
export const FIFTEEN_MIN_MS = 15 * 60_000;

/** A fixed, interval-aligned reference time for KPI tests. */
export const KPI_T0 = new Date('2026-03-02T08:00:00.000Z');

/** `KPI_T0` shifted by whole 15-minute intervals. */
export function kpiTime(intervalsFromT0: number, base: Date = KPI_T0): Date {
  return new Date(base.getTime() + intervalsFromT0 * FIFTEEN_MIN_MS);
}

/**
 * Deterministic, plausible counters of one healthy 15-minute interval; `seed` varies every value (integers, so
 * sums are exact in every store).
 */
export function healthyCounters(seed = 0): Record<CounterName, number> {
  const s = Math.abs(Math.trunc(seed)) % 97;
  return {
    prbDlUsed: 3000 + 37 * s,
    prbDlAvail: 9000 + 11 * s,
    accessSucc: 990 + s,
    accessAtt: 1000 + s,
    dropAbnormal: 3 + (s % 5),
    dropTotal: 500 + 2 * s,
    mrGood: 4800 + 3 * s,
    mrTotal: 5000 + 3 * s,
    thpDlVolKbit: 2_000_000 + 1000 * s,
    thpDlTimeMs: 100_000 + 100 * s,
    trafficMb: 250 + s,
    unavailS: 0,
    periodS: 900,
  };
}

/** One interval of one cell; counters default to healthyCounters(seed). */
export function kpiInterval(
  cellId: string,
  time: Date,
  counters: CounterSums = healthyCounters(),
  percents?: Partial<Record<JudgedKpiName, PercentSums>>,
): CellKpiInterval {
  return { cellId, time, counters: { ...counters }, ...(percents ? { percents } : {}) };
}

/** Element-wise sum of counter sets: what a store must return for these intervals. */
export function sumCounters(sets: readonly CounterSums[]): CounterSums {
  const total: CounterSums = {};
  for (const set of sets) {
    for (const name of COUNTER_NAMES) {
      const value = set[name];
      if (value !== undefined) total[name] = (total[name] ?? 0) + value;
    }
  }
  return total;
}

/** `count` cell ids with a common prefix: `${prefix}-0000`, `${prefix}-0001`, … */
export function cellIds(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(4, '0')}`);
}
