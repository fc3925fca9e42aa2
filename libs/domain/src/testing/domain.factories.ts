/**
 * Test data factories for the domain model (tests only; not exported from the library index).
 * Import as `@cellscope/domain/testing/domain.factories`.
 */
import {
  Cell,
  CellKpiInterval,
  CellKpis,
  CellKpiSums,
  CounterSums,
  Finding,
  KpiValue,
  Ticket,
  UsageRecord,
  ViewCell,
} from '../model';

let sequence = 0;
const next = (): number => ++sequence;

/** An ACTIVE 4G macro cell facing north, at a point in Hohhot unless overridden. */
export function aCell(overrides: Partial<Cell> = {}): Cell {
  const n = next();
  return {
    cellId: `CELL-${n}`,
    name: `Cell ${n}`,
    siteId: `SITE-${n}`,
    siteType: 'MACRO',
    networkType: '4G',
    lat: 40.8414,
    lon: 111.7519,
    azimuth: 0,
    status: 'ACTIVE',
    ...overrides,
  };
}

/** An OPEN ticket with a fixed report time and no symptom, cells, location or subscriber unless overridden. */
export function aTicket(overrides: Partial<Ticket> = {}): Ticket {
  const reportedAt = overrides.reportedAt ?? new Date('2024-05-01T10:00:00Z');
  return {
    ticketId: `T-${next()}`,
    version: 1,
    status: 'OPEN',
    msisdn: '13812345678',
    reportedAt,
    occurredAt: reportedAt,
    ...overrides,
  };
}

/** Counters of a healthy 4G cell over `intervals` 15-minute intervals (every KPI OK). */
export function healthyCounters(intervals = 8): CounterSums {
  return {
    prbDlUsed: 300 * intervals,
    prbDlAvail: 1000 * intervals,
    accessSucc: 995 * intervals,
    accessAtt: 1000 * intervals,
    dropAbnormal: 2 * intervals,
    dropTotal: 1000 * intervals,
    mrGood: 980 * intervals,
    mrTotal: 1000 * intervals,
    thpDlVolKbit: 30_000 * 1000 * intervals,
    thpDlTimeMs: 1000 * 1000 * intervals,
    trafficMb: 2000 * intervals,
    unavailS: 0,
    periodS: 900 * intervals,
  };
}

/** Window sums for a cell: healthy counters with overrides (`undefined` values delete a counter). */
export function sumsOf(cellId: string, counters: CounterSums = {}, extra: Partial<CellKpiSums> = {}): CellKpiSums {
  const merged: CounterSums = { ...healthyCounters(extra.intervals ?? 8), ...counters };
  for (const key of Object.keys(merged) as (keyof CounterSums)[]) if (merged[key] === undefined) delete merged[key];
  return { cellId, counters: merged, intervals: 8, downIntervals: 0, ...extra };
}

/** One 15-minute interval of a cell, healthy unless overridden. */
export function anInterval(cellId: string, time: Date, counters: CounterSums = {}, percents?: CellKpiInterval['percents']): CellKpiInterval {
  const merged: CounterSums = { ...healthyCounters(1), ...counters };
  for (const key of Object.keys(merged) as (keyof CounterSums)[]) if (merged[key] === undefined) delete merged[key];
  return percents ? { cellId, time, counters: merged, percents } : { cellId, time, counters: merged };
}

/** A usage record of `minutes` minutes from `start`. */
export function aUsage(cellId: string, start: Date, minutes: number, msisdn = '13812345678'): UsageRecord {
  return { msisdn, cellId, start, end: new Date(start.getTime() + minutes * 60_000) };
}

const ok = (value: number, unit: KpiValue['unit']): KpiValue => ({ value, unit, status: 'OK' });

/** KPIs of a healthy cell, every judged KPI OK. */
export function healthyKpis(): CellKpis {
  return {
    prbUtilizationDl: { ...ok(30, '%'), warn: 70, bad: 80 },
    accessSuccessRate: { ...ok(99.5, '%'), warn: 99, bad: 98 },
    dropRate: { ...ok(0.2, '%'), warn: 1, bad: 2 },
    goodCoverageRate: { ...ok(98, '%'), warn: 95, bad: 90 },
    userDlThroughputMbps: { ...ok(30, 'Mbit/s'), warn: 10, bad: 5 },
    availability: { ...ok(100, '%'), warn: 99.9, bad: 99 },
    dailyTrafficGb: ok(15.6, 'GB/day'),
  };
}

/** KPIs with no data at all. */
export function emptyKpis(): CellKpis {
  const kpis = healthyKpis();
  for (const key of Object.keys(kpis) as (keyof CellKpis)[]) kpis[key] = { ...kpis[key], value: null, status: 'NO_DATA' };
  return kpis;
}

/** A SERVING USAGE view cell with healthy KPIs unless overridden. */
export function aViewCell(overrides: Partial<ViewCell> = {}, findings: Finding[] = []): ViewCell {
  const n = next();
  return {
    cellId: `VC-${n}`,
    role: 'SERVING',
    selection: 'USAGE',
    usageShare: 1,
    name: `View cell ${n}`,
    siteId: `SITE-${n}`,
    siteType: 'MACRO',
    networkType: '4G',
    kpis: healthyKpis(),
    findings,
    ...overrides,
  };
}
