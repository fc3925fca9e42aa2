import { CellKpiInterval, CellKpiSums, CounterName, CounterSums, JudgedKpiName, PercentSums } from '../model';
import { isCellDown } from '../incident/cell-down';

/**
 * Sums the intervals of one cell into CellKpiSums (what a KPI repository returns for a window): each counter is
 * the sum over the intervals that reported it (absent when none did), percent-only KPIs sum value·weight and
 * weight, `intervals` counts the intervals and `downIntervals` those in which the cell was DOWN.
 */
export function sumIntervals(cellId: string, intervals: readonly Pick<CellKpiInterval, 'counters' | 'percents'>[]): CellKpiSums {
  const counters: CounterSums = {};
  let percents: Partial<Record<JudgedKpiName, PercentSums>> | undefined;
  let downIntervals = 0;
  for (const interval of intervals) {
    for (const [name, value] of Object.entries(interval.counters) as [CounterName, number | undefined][]) {
      if (value === undefined) continue;
      counters[name] = (counters[name] ?? 0) + value;
    }
    if (interval.percents) {
      for (const [kpi, percent] of Object.entries(interval.percents) as [JudgedKpiName, PercentSums | undefined][]) {
        if (!percent) continue;
        percents ??= {};
        const acc = percents[kpi] ?? { weightedSum: 0, weight: 0 };
        percents[kpi] = { weightedSum: acc.weightedSum + percent.weightedSum, weight: acc.weight + percent.weight };
      }
    }
    if (isCellDown(interval)) downIntervals++;
  }
  return percents ? { cellId, counters, percents, intervals: intervals.length, downIntervals } : { cellId, counters, intervals: intervals.length, downIntervals };
}
