import { TimeWindow } from '@cellscope/domain';
import { KpiWindowQuery } from '@cellscope/kpi';

/**
 * The 7-day baseline only feeds daily traffic, and its interval count is not used (daily traffic is Σtraffic /
 * days): the KPI port may leave everything else out.
 */
export const BASELINE_QUERY: Pick<KpiWindowQuery, 'select' | 'countIntervals'> = {
  select: { counters: ['trafficMb'], percents: [] },
  countIntervals: false,
};

/** Items that share a window, and the union of their cells: one KPI query. */
export interface WindowGroup<T> {
  window: TimeWindow;
  items: T[];
  cellIds: string[];
}

/**
 * Groups items by window (equal from and to) with the union of their cells, in first-seen order: the batched KPI
 * reads of a chunk of tickets, one query per distinct window.
 */
export function groupByWindow<T>(
  items: readonly T[],
  windowOf: (item: T) => TimeWindow,
  cellIdsOf: (item: T) => readonly string[],
): WindowGroup<T>[] {
  const groups = new Map<string, { window: TimeWindow; items: T[]; cellIds: Set<string> }>();
  for (const item of items) {
    const w = windowOf(item);
    const key = `${w.from.getTime()}-${w.to.getTime()}`;
    const group = groups.get(key) ?? { window: w, items: [], cellIds: new Set<string>() };
    group.items.push(item);
    for (const id of cellIdsOf(item)) group.cellIds.add(id);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => ({ window: g.window, items: g.items, cellIds: [...g.cellIds] }));
}
