import { FIFTEEN_MIN_MS, KPI_T0, kpiInterval, kpiTime } from '@cellscope/testing/kpi/kpi-interval.factory';
import { MemoryKpiStore } from './memory-kpi.store';

const everything = { from: new Date('2000-01-01T00:00:00Z'), to: new Date('2100-01-01T00:00:00Z') };

describe('MemoryKpiStore retention (retainFor)', () => {
  it('keeps everything by default', async () => {
    const store = new MemoryKpiStore();
    await store.write([kpiInterval('OLD', KPI_T0), kpiInterval('OLD', kpiTime(1000))]);
    expect((await store.series('OLD', everything)).length).toBe(2);
  });

  it('drops the intervals of written cells that start before the newest interval minus the horizon', async () => {
    const store = new MemoryKpiStore();
    store.retainFor(4 * FIFTEEN_MIN_MS);
    await store.write([0, 1, 2, 3, 4, 5].map((i) => kpiInterval('A', kpiTime(i))));

    const kept = await store.series('A', everything);
    expect(kept.map((i) => i.time.toISOString())).toEqual([1, 2, 3, 4, 5].map((i) => kpiTime(i).toISOString()));

    await store.write([kpiInterval('A', kpiTime(8))]);
    const later = await store.series('A', everything);
    expect(later.map((i) => i.time.toISOString())).toEqual([4, 5, 8].map((i) => kpiTime(i).toISOString()));
    expect(await store.dataThrough(['A'])).toEqual(kpiTime(9));
  });

  it('forgets a written cell whose intervals are all older than the horizon', async () => {
    const store = new MemoryKpiStore();
    store.retainFor(FIFTEEN_MIN_MS);
    await store.write([kpiInterval('NEW', kpiTime(100)), kpiInterval('STALE', kpiTime(1))]);

    expect(await store.series('STALE', everything)).toEqual([]);
    expect((await store.sumWindow(['NEW', 'STALE'], everything)).has('STALE')).toBe(false);
  });

  it('rejects a horizon that is not positive', () => {
    expect(() => new MemoryKpiStore().retainFor(0)).toThrow(RangeError);
  });
});
