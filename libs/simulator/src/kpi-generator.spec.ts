import { CellKpiInterval, DEFAULT_THRESHOLDS, JUDGED_KPI_NAMES, computeKpiValues, isCellDown, sumIntervals } from '@cellscope/domain';
import { BUSY_HOUR_FROM } from './fault-plan';
import { INTERVAL_MS } from './kpi-generator';
import { Fault } from './model/fault';
import { ScenarioTimeline } from './scenario-timeline';

const NOW = Date.parse('2026-03-05T16:00:00Z'); // local midnight, Thursday → Friday
const timeline = new ScenarioTimeline({ seed: 99, now: new Date(NOW), sites: 120, subscribers: 200, tickets: 10, historyHours: 72 });
const intervals = timeline.kpiGenerator.intervals(timeline.from, NOW);
const faults = timeline.faultPlan.faultsBetween(timeline.from, NOW);
const byCell = new Map<string, CellKpiInterval[]>();
for (const i of intervals) {
  const list = byCell.get(i.cellId);
  if (list) list.push(i);
  else byCell.set(i.cellId, [i]);
}
const networkType = (cellId: string) => timeline.topology.cells[timeline.topology.cellIndex(cellId)].networkType;
const inFault = (fault: Fault) => (i: CellKpiInterval) => fault.cellIds.includes(i.cellId) && +i.time >= +fault.from && +i.time < +fault.to;
const ratio = (a: number | undefined, b: number | undefined) => (100 * (a ?? NaN)) / (b ?? NaN);

describe('KpiGenerator', () => {
  it('produces one interval per active cell and 15 minutes, and the same values however it is asked', () => {
    expect(intervals.length).toBe(timeline.topology.activeCells.length * 72 * 4);
    const cell = timeline.topology.activeCells[17];
    const t = timeline.from + 40 * INTERVAL_MS;
    expect(timeline.kpiGenerator.interval(cell, t)).toEqual(timeline.kpiGenerator.cellIntervals(cell, t, t + 1)[0]);
    const half = timeline.from + 30 * INTERVAL_MS;
    expect([...timeline.kpiGenerator.intervals(timeline.from, half), ...timeline.kpiGenerator.intervals(half, timeline.from + 60 * INTERVAL_MS)]).toEqual(
      timeline.kpiGenerator.intervals(timeline.from, timeline.from + 60 * INTERVAL_MS),
    );
  });

  it('keeps every interval consistent with the formulas of kpis.md', () => {
    const problems: string[] = [];
    const integers = ['prbDlUsed', 'prbDlAvail', 'accessSucc', 'accessAtt', 'dropAbnormal', 'dropTotal', 'mrGood', 'mrTotal', 'thpDlVolKbit', 'thpDlTimeMs', 'unavailS'] as const;
    for (const { cellId, time, counters: c } of intervals) {
      const at = `${cellId}@${time.toISOString()}`;
      const fail = (rule: string) => problems.push(`${at}: ${rule} ${JSON.stringify(c)}`);
      if (Object.values(c).some((v) => !Number.isFinite(v))) fail('finite');
      if (integers.some((name) => !Number.isInteger(c[name]))) fail('integers');
      if (c.periodS !== 900) fail('period_s = 900');
      if (!(c.prbDlUsed! <= c.prbDlAvail!)) fail('prb used ≤ avail');
      if (!(c.accessSucc! <= c.accessAtt!)) fail('access succ ≤ att');
      if (!(c.dropAbnormal! <= c.dropTotal!)) fail('drop abnormal ≤ total');
      if (!(c.mrGood! <= c.mrTotal!)) fail('mr good ≤ total');
      if (!(c.unavailS! >= 0 && c.unavailS! <= 900)) fail('0 ≤ unavail_s ≤ 900');
      if (c.unavailS! < 450) {
        if (!(c.prbDlAvail! > 0)) fail('prb avail > 0');
        if (!(c.accessAtt! >= 100)) fail('access att ≥ 100');
        if (!(c.dropTotal! >= 100)) fail('drop total ≥ 100');
        if (!(c.mrTotal! >= 500)) fail('mr total ≥ 500');
        if (!(c.thpDlTimeMs! >= 10_000)) fail('thp time ≥ 10 s');
        if (!(c.trafficMb! > 0)) fail('traffic > 0');
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('injects every fault kind, and a cell is DOWN exactly during the outages of its site', () => {
    expect(new Set(faults.map((f) => f.kind))).toEqual(new Set(['OUTAGE', 'CONGESTION', 'LOW_THROUGHPUT', 'WEAK_COVERAGE', 'HIGH_DROP_RATE', 'ACCESS_FAILURE']));
    const outages = faults.filter((f) => f.kind === 'OUTAGE');
    expect(outages.length).toBeGreaterThanOrEqual(3);
    const down = intervals.filter((i) => isCellDown(i));
    const expectedDown = intervals.filter((i) => outages.some((f) => inFault(f)(i)));
    expect(down).toEqual(expectedDown);
    for (const fault of outages) {
      const site = timeline.topology.siteIndex(fault.siteId);
      const activeOnSite = timeline.topology.cellsOfSite(site).filter((c) => timeline.topology.isActive(c));
      expect(fault.cellIds).toHaveLength(activeOnSite.length);
      const hours = (+fault.to - +fault.from) / 3600_000;
      expect(hours).toBeGreaterThanOrEqual(2);
      expect(hours).toBeLessThanOrEqual(5);
      for (const i of intervals.filter(inFault(fault))) expect(i.counters.unavailS).toBe(900);
    }
  });

  it('degrades the faulty cells past the BAD limits in every faulty interval', () => {
    const check = (kind: Fault['kind'], assert: (i: CellKpiInterval) => void) => {
      const list = faults.filter((f) => f.kind === kind);
      expect(list.length).toBeGreaterThan(0);
      for (const fault of list) {
        const hit = intervals.filter(inFault(fault));
        expect(hit.length).toBeGreaterThan(0);
        hit.forEach(assert);
      }
    };
    check('CONGESTION', (i) => {
      expect(timeline.time.hourOfDay(i.time)).toBeGreaterThanOrEqual(BUSY_HOUR_FROM);
      expect(ratio(i.counters.prbDlUsed, i.counters.prbDlAvail)).toBeGreaterThan(85);
      expect(i.counters.thpDlVolKbit! / i.counters.thpDlTimeMs!).toBeLessThan(DEFAULT_THRESHOLDS[networkType(i.cellId)].userDlThroughputMbps.bad);
    });
    check('WEAK_COVERAGE', (i) => expect(ratio(i.counters.mrGood, i.counters.mrTotal)).toBeLessThan(85));
    check('HIGH_DROP_RATE', (i) => expect(ratio(i.counters.dropAbnormal, i.counters.dropTotal)).toBeGreaterThan(3));
    check('ACCESS_FAILURE', (i) => expect(ratio(i.counters.accessSucc, i.counters.accessAtt)).toBeLessThan(95));
    check('LOW_THROUGHPUT', (i) => {
      expect(networkType(i.cellId)).toBe('5G');
      expect(i.counters.thpDlVolKbit! / i.counters.thpDlTimeMs!).toBeLessThan(50);
      expect(ratio(i.counters.prbDlUsed, i.counters.prbDlAvail)).toBeLessThan(70);
    });
  });

  it('keeps healthy cells clear of every BAD limit over any two-hour window', () => {
    let windows = 0;
    const bad: string[] = [];
    for (const [cellId, list] of byCell) {
      for (let k = 0; k + 8 <= list.length; k += 3) {
        const window = list.slice(k, k + 8);
        const from = +window[0].time - 2 * 3600_000;
        const to = +window[7].time + 2 * 3600_000;
        if (timeline.faultPlan.cellFaultsBetween(timeline.topology.cellIndex(cellId), from, to).length > 0) continue;
        const { kpis } = computeKpiValues(sumIntervals(cellId, window), undefined, 7, networkType(cellId), DEFAULT_THRESHOLDS);
        for (const kpi of JUDGED_KPI_NAMES) if (kpis[kpi].status === 'BAD') bad.push(`${cellId}@${window[0].time.toISOString()} ${kpi}=${kpis[kpi].value}`);
        windows++;
      }
    }
    expect(bad.slice(0, 20)).toEqual([]);
    expect(windows).toBeGreaterThan(10_000);
  });

  it('follows a diurnal profile: residential cells busiest in the evening, quiet at night', () => {
    const residential = timeline.topology.activeCells.filter((c) => timeline.topology.sites[timeline.topology.siteOfCell(c)].area === 'RESIDENTIAL');
    const ids = new Set(residential.map((c) => timeline.topology.cells[c].cellId));
    const utilAt = (hour: number) => {
      const hits = intervals.filter((i) => ids.has(i.cellId) && Math.floor(timeline.time.hourOfDay(i.time)) === hour && !isCellDown(i));
      return hits.reduce((s, i) => s + i.counters.prbDlUsed!, 0) / hits.reduce((s, i) => s + i.counters.prbDlAvail!, 0);
    };
    expect(utilAt(21)).toBeGreaterThan(3 * utilAt(4));
    expect(utilAt(21)).toBeGreaterThan(utilAt(10));
  });
});
