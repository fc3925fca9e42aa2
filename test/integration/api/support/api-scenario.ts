import {
  assembleNetworkView,
  baselineWindow,
  Cell,
  CellKpiInterval,
  CellKpiSums,
  complaintNumberFor,
  CounterSums,
  DEFAULT_THRESHOLDS,
  evaluationWindow,
  NetworkView,
  SelectedCell,
  sumIntervals,
  Symptom,
  Ticket,
} from '@cellscope/domain';
import { healthyCounters } from '@cellscope/testing/kpi/kpi-interval.factory';

const MINUTE = 60_000;
const INTERVAL = 15 * MINUTE;

/** How the serving cell behaves inside the evaluation window. */
export type ServingCondition = 'CONGESTED' | 'HEALTHY' | 'DOWN';

/** Options of one complaint scenario. */
export interface ScenarioOptions {
  /** Makes every id unique to a test run. */
  suffix: string;
  /** Index within the run, so one run can seed many tickets. */
  index?: number;
  msisdn?: string;
  symptom?: Symptom;
  occurredAt?: Date;
  serving?: ServingCondition;
  /** Data through the end of the window (FINAL) or stopping half-way (PROVISIONAL). */
  complete?: boolean;
}

/** A complaint with the cells it used, their KPI intervals and the view cellscope builds from them. */
export interface ApiScenario {
  ticket: Ticket;
  complaintNo: string;
  cells: Cell[];
  /** Every 15-minute interval of both cells from 3 h before to 2 h after occurredAt, plus daily baseline points. */
  intervals: CellKpiInterval[];
  view: NetworkView;
  servingCellId: string;
  neighborCellId: string;
}

/** The fixed complaint time of the API tests (a Monday, 16:00 in Asia/Shanghai). */
export const API_T0 = new Date('2026-03-02T08:00:00.000Z');

function conditionCounters(condition: ServingCondition, seed: number): CounterSums {
  const healthy = healthyCounters(seed);
  if (condition === 'CONGESTED') {
    return { ...healthy, prbDlUsed: Math.round(healthy.prbDlAvail * 0.91), thpDlVolKbit: 400_000 + 1000 * seed };
  }
  if (condition === 'DOWN') return { ...healthy, unavailS: 900, accessSucc: 0 };
  return healthy;
}

/**
 * Builds a realistic complaint: a 4G macro SERVING cell and a 5G micro NEIGHBOR chosen from usage, KPIs written as
 * raw counters, and the view assembled by the domain exactly as the correlator would (verdict included).
 */
export function apiScenario(options: ScenarioOptions): ApiScenario {
  const n = options.index ?? 0;
  const id = `${options.suffix}-${n}`;
  const occurredAt = options.occurredAt ?? new Date(API_T0.getTime() - n * 60 * MINUTE);
  const serving: Cell = {
    cellId: `HHHT-${id}-A1`,
    name: `呼和浩特新华广场-A1 (${n})`,
    siteId: `HHHT-${id}`,
    siteName: '新华广场',
    siteType: 'MACRO',
    networkType: '4G',
    band: 'B3',
    lat: 40.8177,
    lon: 111.6708,
    azimuth: 120,
    region: 'Hohhot',
    vendor: 'Huawei',
    status: 'ACTIVE',
  };
  const neighbor: Cell = {
    cellId: `HHHT-${id}-N2`,
    name: `呼和浩特万达广场-室分N2 (${n})`,
    siteId: `HHHT-${id}-W`,
    siteType: 'INDOOR',
    networkType: '5G',
    band: 'n78',
    lat: 40.8191,
    lon: 111.6733,
    region: 'Hohhot',
    vendor: 'ZTE',
    status: 'ACTIVE',
  };
  const window = evaluationWindow(occurredAt, 60);
  const condition = options.serving ?? 'CONGESTED';
  const intervals: CellKpiInterval[] = [];
  const start = window.from.getTime() - 2 * 60 * MINUTE;
  const end = window.to.getTime();
  const last = options.complete === false ? occurredAt.getTime() : end - INTERVAL;
  for (let t = start, k = 0; t <= last; t += INTERVAL, k++) {
    const inWindow = t >= window.from.getTime() && t < window.to.getTime();
    intervals.push({ cellId: serving.cellId, time: new Date(t), counters: inWindow ? conditionCounters(condition, k) : healthyCounters(k) });
    intervals.push({ cellId: neighbor.cellId, time: new Date(t), counters: { ...healthyCounters(k + 40), thpDlVolKbit: 30_000_000 + k, thpDlTimeMs: 150_000 } });
  }
  const baseline = baselineWindow(occurredAt, 7);
  for (let day = 0; day < 7; day++) {
    const t = new Date(baseline.from.getTime() + day * 24 * 60 * MINUTE + 12 * 60 * MINUTE);
    intervals.push({ cellId: serving.cellId, time: t, counters: { trafficMb: 18_000 + 100 * day } });
    intervals.push({ cellId: neighbor.cellId, time: t, counters: { trafficMb: 42_000 + 100 * day } });
  }

  const sumsIn = (from: Date, to: Date): Map<string, CellKpiSums> => {
    const sums = new Map<string, CellKpiSums>();
    for (const cell of [serving, neighbor]) {
      const inRange = intervals.filter((i) => i.cellId === cell.cellId && i.time >= from && i.time < to);
      if (inRange.length > 0) sums.set(cell.cellId, sumIntervals(cell.cellId, inRange));
    }
    return sums;
  };
  const ticket: Ticket = {
    ticketId: `WO-${id}`,
    version: 3,
    status: 'IN_PROGRESS',
    msisdn: options.msisdn ?? '13812345678',
    reportedAt: new Date(occurredAt.getTime() + 25 * MINUTE),
    occurredAt,
    symptom: options.symptom ?? 'SLOW_DATA',
    description: '用户反映下午在新华广场附近网速很慢，视频一直缓冲',
    subscriber: { fiveGEnabled: true, volteEnabled: true, terminal: 'HUAWEI Mate 60 Pro', plan: '5G畅享套餐 129元' },
    region: 'Hohhot',
  };
  const complaintNo = complaintNumberFor(ticket.ticketId, ticket.reportedAt);
  const selected: SelectedCell[] = [
    { cellId: serving.cellId, role: 'SERVING', selection: 'USAGE', usageShare: 0.72 },
    { cellId: neighbor.cellId, role: 'NEIGHBOR', selection: 'USAGE', usageShare: 0.28 },
  ];
  const dataThrough = new Date(last + INTERVAL);
  const view = assembleNetworkView({
    ticket,
    complaintNo,
    selected,
    cells: [serving, neighbor],
    windowSums: sumsIn(window.from, window.to),
    baselineSums: sumsIn(baseline.from, baseline.to),
    baselineDays: 7,
    thresholds: DEFAULT_THRESHOLDS,
    kpiDataThrough: dataThrough,
    window,
    now: new Date(dataThrough.getTime() + 5 * MINUTE),
  });
  return { ticket, complaintNo, cells: [serving, neighbor], intervals, view, servingCellId: serving.cellId, neighborCellId: neighbor.cellId };
}
