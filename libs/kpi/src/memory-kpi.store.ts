import { Injectable } from '@nestjs/common';
import { CellKpiInterval, CellKpiSums, CounterName, CounterSums, JudgedKpiName, PercentSums, TimeWindow } from '@cellscope/domain';
import { assertCellId, assertCellIds } from './influxql-escaping';
import { dataThroughFor } from './kpi-interval';
import { KpiRepository, KpiSelection, KpiWriter } from './kpi.repository';

interface StoredInterval {
  time: number;
  counters: CounterSums;
  percents?: Partial<Record<JudgedKpiName, PercentSums>>;
}

/** Index of the first interval with time ≥ `time` (intervals sorted by time). */
function lowerBound(intervals: readonly StoredInterval[], time: number): number {
  let lo = 0;
  let hi = intervals.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (intervals[mid].time < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isDown(interval: StoredInterval): boolean {
  const { unavailS, periodS } = interval.counters;
  if (unavailS !== undefined && periodS !== undefined) return periodS !== 0 && unavailS / periodS >= 0.5;
  const availability = interval.percents?.availability;
  return availability !== undefined && availability.weightedSum / availability.weight <= 50;
}

function toInterval(cellId: string, stored: StoredInterval): CellKpiInterval {
  const interval: CellKpiInterval = { cellId, time: new Date(stored.time), counters: { ...stored.counters } };
  if (stored.percents) {
    interval.percents = {};
    for (const [kpi, p] of Object.entries(stored.percents) as [JudgedKpiName, PercentSums][]) interval.percents[kpi] = { ...p };
  }
  return interval;
}

/** The interval with only the selected values; undefined when it carries none of them. */
function narrow(cellId: string, stored: StoredInterval, select: KpiSelection): CellKpiInterval | undefined {
  const interval: CellKpiInterval = { cellId, time: new Date(stored.time), counters: {} };
  let values = 0;
  for (const [name, value] of Object.entries(stored.counters) as [CounterName, number][]) {
    if (select.counters !== undefined && !select.counters.includes(name)) continue;
    interval.counters[name] = value;
    values++;
  }
  for (const [kpi, p] of Object.entries(stored.percents ?? {}) as [JudgedKpiName, PercentSums][]) {
    if (select.percents !== undefined && !select.percents.includes(kpi)) continue;
    (interval.percents ??= {})[kpi] = { ...p };
    values++;
  }
  return values > 0 ? interval : undefined;
}

/**
 * In-memory KPI store for the embedded mode: implements both KpiRepository and KpiWriter with the semantics of
 * the InfluxDB adapter. Intervals are kept per cell sorted by time; writing an interval again merges its values
 * into the stored one (as a point with the same series and time does in InfluxDB). Percent KPIs are kept with
 * their weight; DOWN is unavail_s / period_s ≥ 0.5, or availability ≤ 50 % when the counters are absent.
 */
@Injectable()
export class MemoryKpiStore extends KpiRepository implements KpiWriter {
  private readonly cells = new Map<string, StoredInterval[]>();
  /** Retention horizon in ms (undefined: keep everything). */
  private retainMs?: number;
  /** Start of the newest interval ever written (the retention horizon is measured from it). */
  private newestTime = -Infinity;

  /**
   * Bounds the store for long-running processes (the embedded mode): from now on, every write drops the intervals
   * of the written cells that start more than `ms` before the newest interval written so far. Undefined keeps all.
   */
  retainFor(ms: number | undefined): void {
    if (ms !== undefined && !(ms > 0)) throw new RangeError(`retention must be > 0 ms, got ${ms}`);
    this.retainMs = ms;
  }

  /** Stores the intervals; all are validated (cellId rule, time) before any is stored. */
  async write(intervals: readonly CellKpiInterval[]): Promise<void> {
    for (const interval of intervals) {
      assertCellId(interval.cellId);
      if (!Number.isFinite(interval.time.getTime())) throw new RangeError(`interval of ${interval.cellId} has an invalid time`);
    }
    for (const interval of intervals) this.store(interval);
    if (this.retainMs !== undefined) this.trim(new Set(intervals.map((i) => i.cellId)), this.retainMs);
  }

  private trim(cellIds: ReadonlySet<string>, retainMs: number): void {
    const cutoff = this.newestTime - retainMs;
    for (const cellId of cellIds) {
      const list = this.cells.get(cellId);
      if (!list) continue;
      const expired = lowerBound(list, cutoff);
      if (expired === list.length) this.cells.delete(cellId);
      else if (expired > 0) list.splice(0, expired);
    }
  }

  private store(interval: CellKpiInterval): void {
    const counters: CounterSums = {};
    for (const [name, value] of Object.entries(interval.counters) as [CounterName, number | undefined][]) {
      if (value !== undefined && Number.isFinite(value)) counters[name] = value;
    }
    let percents: Partial<Record<JudgedKpiName, PercentSums>> | undefined;
    for (const [kpi, p] of Object.entries(interval.percents ?? {}) as [JudgedKpiName, PercentSums | undefined][]) {
      if (p && p.weight > 0 && Number.isFinite(p.weightedSum)) (percents ??= {})[kpi] = { weightedSum: p.weightedSum, weight: p.weight };
    }
    if (Object.keys(counters).length === 0 && !percents) return;
    const time = interval.time.getTime();
    if (time > this.newestTime) this.newestTime = time;
    let list = this.cells.get(interval.cellId);
    if (!list) {
      list = [];
      this.cells.set(interval.cellId, list);
    }
    const at = lowerBound(list, time);
    const existing = list[at];
    if (existing && existing.time === time) {
      Object.assign(existing.counters, counters);
      if (percents) existing.percents = { ...existing.percents, ...percents };
    } else {
      list.splice(at, 0, { time, counters, ...(percents ? { percents } : {}) });
    }
  }

  private inWindow(cellId: string, window: TimeWindow): StoredInterval[] {
    if (!Number.isFinite(window.from.getTime()) || !Number.isFinite(window.to.getTime())) {
      throw new RangeError('window.from and window.to must be valid Dates');
    }
    const list = this.cells.get(cellId);
    if (!list) return [];
    return list.slice(lowerBound(list, window.from.getTime()), lowerBound(list, window.to.getTime()));
  }

  override async sumWindow(cellIds: readonly string[], window: TimeWindow): Promise<Map<string, CellKpiSums>> {
    assertCellIds(cellIds);
    const sums = new Map<string, CellKpiSums>();
    for (const cellId of new Set(cellIds)) {
      const intervals = this.inWindow(cellId, window);
      if (intervals.length === 0) continue;
      const counters: CounterSums = {};
      const counts = new Map<string, number>();
      const percents: Partial<Record<JudgedKpiName, PercentSums>> = {};
      let downIntervals = 0;
      for (const interval of intervals) {
        for (const [name, value] of Object.entries(interval.counters) as [CounterName, number][]) {
          counters[name] = (counters[name] ?? 0) + value;
          counts.set(name, (counts.get(name) ?? 0) + 1);
        }
        for (const [kpi, p] of Object.entries(interval.percents ?? {}) as [JudgedKpiName, PercentSums][]) {
          const sum = (percents[kpi] ??= { weightedSum: 0, weight: 0 });
          sum.weightedSum += p.weightedSum;
          sum.weight += p.weight;
          counts.set(`%${kpi}`, (counts.get(`%${kpi}`) ?? 0) + 1);
        }
        if (isDown(interval)) downIntervals++;
      }
      const cell: CellKpiSums = { cellId, counters, intervals: Math.max(...counts.values()), downIntervals };
      if (Object.keys(percents).length > 0) cell.percents = percents;
      sums.set(cellId, cell);
    }
    return sums;
  }

  override async series(cellId: string, window: TimeWindow): Promise<CellKpiInterval[]> {
    assertCellId(cellId);
    return this.inWindow(cellId, window).map((i) => toInterval(cellId, i));
  }

  override async latestIntervals(at: Date, lookbackMs: number, select?: KpiSelection): Promise<CellKpiInterval[]> {
    if (!(lookbackMs > 0)) throw new RangeError(`lookbackMs must be > 0, got ${lookbackMs}`);
    const to = at.getTime();
    const from = to - lookbackMs;
    const latest: CellKpiInterval[] = [];
    for (const [cellId, list] of this.cells) {
      for (let index = lowerBound(list, to + 1) - 1; index >= 0 && list[index].time > from; index--) {
        const interval = select ? narrow(cellId, list[index], select) : toInterval(cellId, list[index]);
        if (interval) {
          latest.push(interval);
          break;
        }
      }
    }
    return latest;
  }

  override async dataThrough(cellIds?: readonly string[], since?: Date): Promise<Date | null> {
    const ids = cellIds === undefined ? [...this.cells.keys()] : assertCellIds(cellIds);
    let newest: number | null = null;
    for (const cellId of ids) {
      const list = this.cells.get(cellId);
      const last = list?.[list.length - 1];
      if (last && (newest === null || last.time > newest)) newest = last.time;
    }
    if (newest !== null && since !== undefined && newest < since.getTime()) return null;
    return dataThroughFor(newest);
  }

  /** Removes every interval (tests, simulator resets). */
  clear(): void {
    this.cells.clear();
    this.newestTime = -Infinity;
  }
}
