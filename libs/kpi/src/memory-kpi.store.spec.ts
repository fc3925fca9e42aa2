import { KPI_T0, kpiInterval, kpiTime, healthyCounters } from '@cellscope/testing/kpi/kpi-interval.factory';
import { describeKpiRepositoryContract } from './kpi-repository.contract';
import { MemoryKpiStore } from './memory-kpi.store';

describeKpiRepositoryContract('MemoryKpiStore', async () => {
  const store = new MemoryKpiStore();
  return { repository: store, writer: store, cleanup: async () => store.clear() };
}, {
  percents: [
    { kpi: 'availability', weighted: true },
    { kpi: 'goodCoverageRate', weighted: false },
  ],
  downFromAvailabilityPercent: true,
});

describe('MemoryKpiStore', () => {
  it('hands out copies: changing a returned interval does not change the store', async () => {
    const store = new MemoryKpiStore();
    await store.write([kpiInterval('COPY', KPI_T0, healthyCounters(1), { dropRate: { weightedSum: 1, weight: 1 } })]);

    const [first] = await store.series('COPY', { from: KPI_T0, to: kpiTime(1) });
    first.counters.prbDlUsed = -1;
    (first.percents ?? {}).dropRate = { weightedSum: 99, weight: 1 };

    const [again] = await store.series('COPY', { from: KPI_T0, to: kpiTime(1) });
    expect(again.counters.prbDlUsed).toBe(healthyCounters(1).prbDlUsed);
    expect(again.percents?.dropRate).toEqual({ weightedSum: 1, weight: 1 });
  });

  it('skips intervals without any finite value and percents without weight', async () => {
    const store = new MemoryKpiStore();
    await store.write([
      kpiInterval('EMPTY', KPI_T0, { trafficMb: Number.NaN }),
      kpiInterval('ZERO-WEIGHT', KPI_T0, {}, { availability: { weightedSum: 0, weight: 0 } }),
    ]);

    expect(await store.dataThrough()).toBeNull();
  });

  it('scans 100,000 cells for their latest interval quickly', async () => {
    const store = new MemoryKpiStore();
    const intervals = Array.from({ length: 100_000 }, (_, i) => kpiInterval(`SCAN-${i}`, kpiTime(i % 3), { periodS: 900, unavailS: 0 }));
    await store.write(intervals);

    const started = performance.now();
    const latest = await store.latestIntervals(kpiTime(2), 60 * 60_000);
    const elapsed = performance.now() - started;

    expect(latest).toHaveLength(100_000);
    expect(elapsed).toBeLessThan(2000);
  });
});
