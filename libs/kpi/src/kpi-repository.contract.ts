import { CellKpiInterval, CounterSums, JudgedKpiName } from '@cellscope/domain';
import { cellIds, healthyCounters, KPI_T0, kpiInterval, kpiTime, sumCounters, FIFTEEN_MIN_MS } from '@cellscope/testing/kpi/kpi-interval.factory';
import { InvalidCellIdError } from './invalid-cell-id.error';
import { KpiRepository, KpiWriter } from './kpi.repository';

/** A KPI store under test: both ports over the same data, fresh and empty. */
export interface KpiStoreUnderTest {
  repository: KpiRepository;
  writer: KpiWriter;
  cleanup(): Promise<void>;
}

/** What the store's schema mapping can hold beyond counters; decides which contract tests apply. */
export interface KpiStoreCapabilities {
  /** Percent KPIs the store keeps (`weighted`: with a weight; otherwise every interval weighs 1). Default none. */
  percents?: readonly { kpi: JudgedKpiName; weighted: boolean }[];
  /** Whether an availability percentage ≤ 50 counts as DOWN when the unavail_s/period_s counters are absent. */
  downFromAvailabilityPercent?: boolean;
}

const byCell = (a: CellKpiInterval, b: CellKpiInterval) => a.cellId.localeCompare(b.cellId);

function expectCounters(actual: CounterSums | undefined, expected: CounterSums): void {
  expect(actual).toBeDefined();
  expect(Object.keys(actual ?? {}).sort()).toEqual(Object.keys(expected).sort());
  for (const [name, value] of Object.entries(expected)) expect(actual?.[name as keyof CounterSums]).toBeCloseTo(value as number, 6);
}

/**
 * The behaviour every KpiRepository + KpiWriter pair must show (memory store, InfluxDB with any schema mapping).
 * `factory` returns a fresh, empty store for every test; `capabilities` adds the tests for percent KPIs.
 */
export function describeKpiRepositoryContract(
  name: string,
  factory: () => Promise<KpiStoreUnderTest>,
  capabilities: KpiStoreCapabilities = {},
): void {
  const percents = capabilities.percents ?? [];
  describe(`KpiRepository contract: ${name}`, () => {
    let store: KpiStoreUnderTest;
    let repository: KpiRepository;
    let writer: KpiWriter;

    beforeEach(async () => {
      store = await factory();
      repository = store.repository;
      writer = store.writer;
    });

    afterEach(async () => {
      await store.cleanup();
    });

    it('sums every counter over the window, start inclusive and end exclusive', async () => {
      const intervals = [-1, 0, 1, 2, 3, 4].map((i) => kpiInterval('CELL-A', kpiTime(i), healthyCounters(i)));
      await writer.write(intervals);

      const sums = await repository.sumWindow(['CELL-A'], { from: kpiTime(0), to: kpiTime(4) });

      const a = sums.get('CELL-A');
      const inWindow = [0, 1, 2, 3].map((i) => healthyCounters(i));
      expectCounters(a?.counters, sumCounters(inWindow));
      expect(a?.cellId).toBe('CELL-A');
      expect(a?.intervals).toBe(4);
      expect(a?.downIntervals).toBe(0);
      expect(a?.percents).toBeUndefined();
      // Ratio-of-sums inputs: 100·Σused/Σavail over the window, not the mean of the interval ratios.
      const ratio = (100 * (a?.counters.prbDlUsed ?? NaN)) / (a?.counters.prbDlAvail ?? NaN);
      const expected = (100 * inWindow.reduce((s, c) => s + c.prbDlUsed, 0)) / inWindow.reduce((s, c) => s + c.prbDlAvail, 0);
      expect(ratio).toBeCloseTo(expected, 9);
    });

    it('sums many cells in one call (more than one chunk), leaves unknown ids out and tolerates duplicates', async () => {
      const ids = cellIds('MANY', 1201);
      await writer.write(ids.flatMap((id, i) => [kpiInterval(id, kpiTime(0), healthyCounters(i)), kpiInterval(id, kpiTime(1), healthyCounters(i + 1))]));

      const asked = [...ids, 'UNKNOWN-1', 'UNKNOWN-2', ids[7], ids[7]];
      const sums = await repository.sumWindow(asked, { from: kpiTime(0), to: kpiTime(2) });

      expect(sums.size).toBe(1201);
      expect(sums.has('UNKNOWN-1')).toBe(false);
      for (const i of [0, 7, 499, 500, 1000, 1200]) {
        const cell = sums.get(ids[i]);
        expectCounters(cell?.counters, sumCounters([healthyCounters(i), healthyCounters(i + 1)]));
        expect(cell?.intervals).toBe(2);
      }
      expect((await repository.sumWindow(['UNKNOWN-1'], { from: kpiTime(0), to: kpiTime(2) })).size).toBe(0);
      expect((await repository.sumWindow([], { from: kpiTime(0), to: kpiTime(2) })).size).toBe(0);
    });

    it('counts only the intervals that have data (gaps)', async () => {
      await writer.write([kpiInterval('GAPPY', kpiTime(0), healthyCounters(1)), kpiInterval('GAPPY', kpiTime(3), healthyCounters(2))]);

      const sums = await repository.sumWindow(['GAPPY'], { from: kpiTime(0), to: kpiTime(4) });

      expect(sums.get('GAPPY')?.intervals).toBe(2);
      expectCounters(sums.get('GAPPY')?.counters, sumCounters([healthyCounters(1), healthyCounters(2)]));
      const series = await repository.series('GAPPY', { from: kpiTime(0), to: kpiTime(4) });
      expect(series.map((i) => i.time.toISOString())).toEqual([kpiTime(0).toISOString(), kpiTime(3).toISOString()]);
    });

    it('leaves counters a cell does not report absent, never 0', async () => {
      await writer.write([
        kpiInterval('ACCESS-ONLY', kpiTime(0), { accessSucc: 980, accessAtt: 1000 }),
        kpiInterval('ACCESS-ONLY', kpiTime(1), { accessSucc: 990, accessAtt: 1000 }),
        kpiInterval('MIXED', kpiTime(0), healthyCounters(3)),
        kpiInterval('MIXED', kpiTime(1), { trafficMb: 12 }),
      ]);

      const sums = await repository.sumWindow(['ACCESS-ONLY', 'MIXED'], { from: kpiTime(0), to: kpiTime(2) });

      expectCounters(sums.get('ACCESS-ONLY')?.counters, { accessSucc: 1970, accessAtt: 2000 });
      expect(sums.get('ACCESS-ONLY')?.intervals).toBe(2);
      expect(sums.get('ACCESS-ONLY')?.downIntervals).toBe(0);
      expectCounters(sums.get('MIXED')?.counters, { ...healthyCounters(3), trafficMb: healthyCounters(3).trafficMb + 12 });
      expect(sums.get('MIXED')?.intervals).toBe(2);
      const [first, second] = await repository.series('MIXED', { from: kpiTime(0), to: kpiTime(2) });
      expectCounters(first?.counters, healthyCounters(3));
      expectCounters(second?.counters, { trafficMb: 12 });
    });

    it('counts DOWN intervals (unavail_s / period_s ≥ 0.5)', async () => {
      const down = (unavailS: number, periodS = 900): CounterSums => ({ ...healthyCounters(1), unavailS, periodS });
      await writer.write([
        kpiInterval('FLAPPING', kpiTime(0), down(450)),
        kpiInterval('FLAPPING', kpiTime(1), down(449)),
        kpiInterval('FLAPPING', kpiTime(2), down(900)),
        kpiInterval('FLAPPING', kpiTime(3), down(0)),
        kpiInterval('FLAPPING', kpiTime(4), down(10, 0)),
        kpiInterval('FLAPPING', kpiTime(5), down(900)),
        kpiInterval('STEADY', kpiTime(0), down(0)),
      ]);

      const sums = await repository.sumWindow(['FLAPPING', 'STEADY'], { from: kpiTime(0), to: kpiTime(5) });

      expect(sums.get('FLAPPING')?.downIntervals).toBe(2);
      expect(sums.get('FLAPPING')?.intervals).toBe(5);
      expect(sums.get('FLAPPING')?.counters.unavailS).toBe(450 + 449 + 900 + 0 + 10);
      expect(sums.get('STEADY')?.downIntervals).toBe(0);
    });

    it('answers several (cells, window) queries at once, each as sumWindow would, in order', async () => {
      await writer.write([
        kpiInterval('MULTI-A', kpiTime(0), healthyCounters(1)),
        kpiInterval('MULTI-A', kpiTime(1), healthyCounters(2)),
        kpiInterval('MULTI-A', kpiTime(2), { ...healthyCounters(3), unavailS: 900, periodS: 900 }),
        kpiInterval('MULTI-B', kpiTime(1), healthyCounters(4)),
      ]);
      const queries = [
        { cellIds: ['MULTI-A'], window: { from: kpiTime(0), to: kpiTime(2) } },
        { cellIds: ['MULTI-A', 'MULTI-B'], window: { from: kpiTime(1), to: kpiTime(3) } },
        { cellIds: [], window: { from: kpiTime(0), to: kpiTime(3) } },
        { cellIds: ['MULTI-B'], window: { from: kpiTime(2), to: kpiTime(3) } },
      ];

      const batched = await repository.sumWindows(queries);
      const oneByOne = await Promise.all(queries.map((q) => repository.sumWindow(q.cellIds, q.window)));

      expect(batched).toEqual(oneByOne);
      expect(batched[0].get('MULTI-A')?.intervals).toBe(2);
      expect(batched[0].get('MULTI-A')?.downIntervals).toBe(0);
      expect(batched[1].get('MULTI-A')?.downIntervals).toBe(1);
      expect(batched[1].get('MULTI-B')?.intervals).toBe(1);
      expect(batched[2].size).toBe(0);
      expect(batched[3].size).toBe(0);
    });

    // Registered only where the mapping holds percent KPIs (memory store, percent schemas).
    if (percents.length > 0) it('sums percent KPIs with their weights when the mapping has them', async () => {
      const weightOf = (weighted: boolean, w: number) => (weighted ? w : 1);
      await writer.write([
        kpiInterval('PCT', kpiTime(0), { trafficMb: 1 }, Object.fromEntries(percents.map((p) => [p.kpi, { weightedSum: 99.5 * weightOf(p.weighted, 900), weight: weightOf(p.weighted, 900) }]))),
        kpiInterval('PCT', kpiTime(1), { trafficMb: 1 }, Object.fromEntries(percents.map((p) => [p.kpi, { weightedSum: 97 * weightOf(p.weighted, 300), weight: weightOf(p.weighted, 300) }]))),
        kpiInterval('PCT-ONLY', kpiTime(0), {}, Object.fromEntries(percents.map((p) => [p.kpi, { weightedSum: 88 * weightOf(p.weighted, 60), weight: weightOf(p.weighted, 60) }]))),
      ]);

      const sums = await repository.sumWindow(['PCT', 'PCT-ONLY'], { from: kpiTime(0), to: kpiTime(2) });

      for (const p of percents) {
        const sum = sums.get('PCT')?.percents?.[p.kpi];
        expect(sum?.weight).toBeCloseTo(p.weighted ? 1200 : 2, 9);
        expect(sum?.weightedSum).toBeCloseTo(p.weighted ? 99.5 * 900 + 97 * 300 : 99.5 + 97, 6);
        expect(sums.get('PCT-ONLY')?.percents?.[p.kpi]?.weightedSum).toBeCloseTo(88 * weightOf(p.weighted, 60), 6);
      }
      expect(sums.get('PCT')?.intervals).toBe(2);
      expect(sums.get('PCT-ONLY')?.intervals).toBe(1);
      expect(sums.get('PCT-ONLY')?.counters).toEqual({});
      const [interval] = await repository.series('PCT-ONLY', { from: kpiTime(0), to: kpiTime(1) });
      for (const p of percents) {
        expect(interval?.percents?.[p.kpi]?.weight).toBeCloseTo(weightOf(p.weighted, 60), 9);
        expect(interval?.percents?.[p.kpi]?.weightedSum).toBeCloseTo(88 * weightOf(p.weighted, 60), 6);
      }
    });

    if (capabilities.downFromAvailabilityPercent) it('counts DOWN from an availability percentage ≤ 50 when the counters are absent', async () => {
      const availability = (value: number) => ({ availability: { weightedSum: value * 900, weight: 900 } });
      await writer.write([
        kpiInterval('PCT-DOWN', kpiTime(0), {}, availability(40)),
        kpiInterval('PCT-DOWN', kpiTime(1), {}, availability(50)),
        kpiInterval('PCT-DOWN', kpiTime(2), {}, availability(50.5)),
        kpiInterval('PCT-DOWN', kpiTime(3), {}, availability(100)),
      ]);

      const sums = await repository.sumWindow(['PCT-DOWN'], { from: kpiTime(0), to: kpiTime(4) });

      expect(sums.get('PCT-DOWN')?.downIntervals).toBe(2);
      expect(sums.get('PCT-DOWN')?.intervals).toBe(4);
    });

    it('returns the series of one cell oldest first, within the window, with rewrites merged', async () => {
      await writer.write([kpiInterval('SERIES', kpiTime(2), healthyCounters(2)), kpiInterval('OTHER', kpiTime(1), healthyCounters(9))]);
      await writer.write([kpiInterval('SERIES', kpiTime(0), healthyCounters(0)), kpiInterval('SERIES', kpiTime(4), healthyCounters(4))]);
      await writer.write([kpiInterval('SERIES', kpiTime(1), healthyCounters(1)), kpiInterval('SERIES', kpiTime(-1), healthyCounters(5))]);
      await writer.write([kpiInterval('SERIES', kpiTime(1), { trafficMb: 4321 })]);

      const series = await repository.series('SERIES', { from: kpiTime(0), to: kpiTime(4) });

      expect(series.map((i) => i.time.getTime())).toEqual([0, 1, 2].map((i) => kpiTime(i).getTime()));
      expect(series.every((i) => i.cellId === 'SERIES' && i.time instanceof Date)).toBe(true);
      expectCounters(series[0].counters, healthyCounters(0));
      expectCounters(series[1].counters, { ...healthyCounters(1), trafficMb: 4321 });
      expect(await repository.series('NOBODY', { from: kpiTime(0), to: kpiTime(4) })).toEqual([]);
    });

    it('returns the latest interval of every cell within the lookback before `at`', async () => {
      const at = kpiTime(8);
      await writer.write([
        kpiInterval('RECENT', kpiTime(5), healthyCounters(5)),
        kpiInterval('RECENT', kpiTime(7), { ...healthyCounters(7), unavailS: 900 }),
        kpiInterval('AT-EDGE', kpiTime(8), healthyCounters(8)),
        kpiInterval('STALE', kpiTime(0), healthyCounters(0)),
        kpiInterval('LOOKBACK-EDGE', kpiTime(4), healthyCounters(4)),
        kpiInterval('FUTURE', kpiTime(6), healthyCounters(6)),
        kpiInterval('FUTURE', kpiTime(9), healthyCounters(9)),
      ]);

      const latest = (await repository.latestIntervals(at, 4 * FIFTEEN_MIN_MS)).sort(byCell);

      expect(latest.map((i) => [i.cellId, i.time.toISOString()])).toEqual([
        ['AT-EDGE', kpiTime(8).toISOString()],
        ['FUTURE', kpiTime(6).toISOString()],
        ['RECENT', kpiTime(7).toISOString()],
      ]);
      expectCounters(latest[2].counters, { ...healthyCounters(7), unavailS: 900 });
      expect(await repository.latestIntervals(kpiTime(-10), FIFTEEN_MIN_MS)).toEqual([]);
    });

    it('narrows the latest-interval scan to the selected values', async () => {
      const at = kpiTime(8);
      await writer.write([
        kpiInterval('SELECTED', kpiTime(6), { ...healthyCounters(6), unavailS: 600 }),
        kpiInterval('SELECTED', kpiTime(7), { trafficMb: 77 }),
        kpiInterval('TRAFFIC-ONLY', kpiTime(7), { trafficMb: 5 }),
      ]);

      const availability = (await repository.latestIntervals(at, 4 * FIFTEEN_MIN_MS, { counters: ['unavailS', 'periodS'] })).sort(byCell);
      const traffic = (await repository.latestIntervals(at, 4 * FIFTEEN_MIN_MS, { counters: ['trafficMb'], percents: [] })).sort(byCell);

      expect(availability.map((i) => [i.cellId, i.time.toISOString(), i.counters])).toEqual([
        ['SELECTED', kpiTime(6).toISOString(), { unavailS: 600, periodS: 900 }],
      ]);
      expect(traffic.map((i) => [i.cellId, i.time.toISOString(), i.counters])).toEqual([
        ['SELECTED', kpiTime(7).toISOString(), { trafficMb: 77 }],
        ['TRAFFIC-ONLY', kpiTime(7).toISOString(), { trafficMb: 5 }],
      ]);
      expect(await repository.latestIntervals(at, 4 * FIFTEEN_MIN_MS, { counters: [], percents: [] })).toEqual([]);
    });

    it('tells "KPI data through" over all cells, a subset, and none', async () => {
      expect(await repository.dataThrough()).toBeNull();
      await writer.write([
        kpiInterval('EARLY', kpiTime(0)),
        kpiInterval('EARLY', kpiTime(2)),
        kpiInterval('LATE', kpiTime(5)),
        kpiInterval('PARTIAL', kpiTime(6), { trafficMb: 3 }),
      ]);

      expect((await repository.dataThrough())?.toISOString()).toBe(kpiTime(7).toISOString());
      expect((await repository.dataThrough(['EARLY']))?.toISOString()).toBe(kpiTime(3).toISOString());
      expect((await repository.dataThrough(['EARLY', 'LATE', 'UNKNOWN']))?.toISOString()).toBe(kpiTime(6).toISOString());
      expect(await repository.dataThrough(['UNKNOWN'])).toBeNull();
      expect(await repository.dataThrough([])).toBeNull();
    });

    it('bounds "KPI data through" by `since` and narrows window sums to a selection', async () => {
      await writer.write([kpiInterval('BOUND', kpiTime(0), healthyCounters(1)), kpiInterval('BOUND', kpiTime(1), healthyCounters(2))]);
      expect(await repository.dataThrough(['BOUND'], kpiTime(1))).toEqual(kpiTime(2));
      expect(await repository.dataThrough(['BOUND'], kpiTime(2))).toBeNull();
      const [narrowed] = await repository.sumWindows([
        { cellIds: ['BOUND'], window: { from: kpiTime(0), to: kpiTime(2) }, select: { counters: ['trafficMb'], percents: [] } },
      ]);
      expect(narrowed.get('BOUND')?.counters.trafficMb).toBe(healthyCounters(1).trafficMb + healthyCounters(2).trafficMb);
      expect(narrowed.get('BOUND')?.intervals).toBe(2);
    });

    it('sums without interval counts when the caller does not need them, keeping which cells are present', async () => {
      await writer.write([
        kpiInterval('SUMMED', kpiTime(0), healthyCounters(1)),
        kpiInterval('SUMMED', kpiTime(1), healthyCounters(2)),
        kpiInterval('NO-TRAFFIC', kpiTime(0), { periodS: 900 }),
      ]);
      const traffic = { counters: ['trafficMb'] as const, percents: [] };
      const window = { from: kpiTime(0), to: kpiTime(2) };
      const cellIds = ['SUMMED', 'NO-TRAFFIC', 'ABSENT'];
      const [uncounted, counted] = await repository.sumWindows([
        { cellIds, window, select: traffic, countIntervals: false },
        { cellIds, window, select: traffic },
      ]);
      expect([...uncounted.keys()].sort()).toEqual([...counted.keys()].sort());
      expect(uncounted.has('SUMMED')).toBe(true);
      expect(uncounted.has('ABSENT')).toBe(false);
      for (const [cellId, sums] of uncounted) expect(sums.counters.trafficMb).toBe(counted.get(cellId)?.counters.trafficMb);
      expect(uncounted.get('SUMMED')?.counters.trafficMb).toBe(healthyCounters(1).trafficMb + healthyCounters(2).trafficMb);
      expect(counted.get('SUMMED')?.intervals).toBe(2);
    });

    it('rejects cell ids outside the id rule before touching the store', async () => {
      const window = { from: KPI_T0, to: kpiTime(1) };
      await expect(repository.sumWindow(['ok', "x') OR 1=1"], window)).rejects.toBeInstanceOf(InvalidCellIdError);
      await expect(repository.series('a/b', window)).rejects.toBeInstanceOf(InvalidCellIdError);
      await expect(repository.dataThrough(['a|b'])).rejects.toBeInstanceOf(InvalidCellIdError);
      await expect(writer.write([kpiInterval('GOOD', KPI_T0), kpiInterval('bad id', KPI_T0)])).rejects.toBeInstanceOf(InvalidCellIdError);
      expect(await repository.dataThrough()).toBeNull();
    });
  });
}
