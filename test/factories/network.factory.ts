import { Cell, CellKpiInterval, CounterName, NetworkType } from '@cellscope/domain';

export const INTERVAL_MS = 15 * 60_000;

/** A faulty behaviour a test cell can show in its KPI intervals. */
export type CellFault = 'NONE' | 'OUTAGE' | 'CONGESTION' | 'WEAK_COVERAGE' | 'HIGH_DROP_RATE' | 'ACCESS_FAILURE';

let sequence = 0;

/** A cell of the inventory; ids are unique per test run unless given. */
export function cellFactory(overrides: Partial<Cell> = {}): Cell {
  sequence += 1;
  const cellId = overrides.cellId ?? `t-${Date.now().toString(36)}-${sequence}`;
  return {
    cellId,
    name: `测试小区-${sequence}`,
    siteId: overrides.siteId ?? `site-${cellId}`,
    siteType: 'MACRO',
    networkType: '4G',
    lat: 40.84,
    lon: 111.75,
    azimuth: 0,
    status: 'ACTIVE',
    ...overrides,
  };
}

/** Counters of one healthy 15-minute interval, changed to show the fault. */
export function faultCounters(fault: CellFault, networkType: NetworkType): Record<CounterName, number> {
  const thpMbps = networkType === '5G' ? 300 : 30;
  const counters: Record<CounterName, number> = {
    prbDlUsed: 40,
    prbDlAvail: 100,
    accessSucc: 998,
    accessAtt: 1000,
    dropAbnormal: 3,
    dropTotal: 1000,
    mrGood: 980,
    mrTotal: 1000,
    thpDlVolKbit: thpMbps * 20_000,
    thpDlTimeMs: 20_000,
    trafficMb: 5_000,
    unavailS: 0,
    periodS: 900,
  };
  switch (fault) {
    case 'OUTAGE':
      return { ...counters, unavailS: 900, accessAtt: 0, accessSucc: 0, dropTotal: 0, dropAbnormal: 0, mrTotal: 0, mrGood: 0, thpDlTimeMs: 0, thpDlVolKbit: 0, prbDlUsed: 0, trafficMb: 0 };
    case 'CONGESTION':
      return { ...counters, prbDlUsed: 92 };
    case 'WEAK_COVERAGE':
      return { ...counters, mrGood: 800 };
    case 'HIGH_DROP_RATE':
      return { ...counters, dropAbnormal: 50 };
    case 'ACCESS_FAILURE':
      return { ...counters, accessSucc: 940 };
    case 'NONE':
      return counters;
  }
}

/** Consecutive 15-minute intervals of one cell in [from, to), all showing the fault. */
export function intervalsFor(cell: Cell, from: Date, to: Date, fault: CellFault = 'NONE'): CellKpiInterval[] {
  const out: CellKpiInterval[] = [];
  const start = Math.floor(from.getTime() / INTERVAL_MS) * INTERVAL_MS;
  for (let t = start; t < to.getTime(); t += INTERVAL_MS) {
    out.push({ cellId: cell.cellId, time: new Date(t), counters: faultCounters(fault, cell.networkType) });
  }
  return out;
}

/** The wire form of a Cell (CellRecord JSON). */
export function cellRecordJson(cell: Cell): string {
  return JSON.stringify(cell);
}

/** A TicketEvent JSON object with sensible defaults. */
export function ticketEventFactory(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sequence += 1;
  return {
    ticketId: `WO-${Date.now().toString(36)}-${sequence}`,
    version: 1,
    status: 'OPEN',
    msisdn: `1380000${String(sequence).padStart(4, '0')}`,
    reportedAt: new Date().toISOString(),
    ...overrides,
  };
}
