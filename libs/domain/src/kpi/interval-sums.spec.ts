import { anInterval } from '../testing/domain.factories';
import { computeKpiValues } from './kpi-values';
import { sumIntervals } from './interval-sums';
import { DEFAULT_THRESHOLDS } from './thresholds';

const at = (minute: number) => new Date(Date.UTC(2024, 4, 1, 9, minute));

describe('sumIntervals', () => {
  it('sums every counter and counts intervals and DOWN intervals', () => {
    const sums = sumIntervals('C1', [
      anInterval('C1', at(0), { unavailS: 0, periodS: 900 }),
      anInterval('C1', at(15), { unavailS: 450, periodS: 900 }),
      anInterval('C1', at(30), { unavailS: 449, periodS: 900 }),
    ]);
    expect(sums).toMatchObject({ cellId: 'C1', intervals: 3, downIntervals: 1 });
    expect(sums.counters).toMatchObject({ unavailS: 899, periodS: 2700, accessAtt: 3000, accessSucc: 2985 });
    expect(sums.percents).toBeUndefined();
  });

  it('a counter missing in some intervals (a gap) is summed over the intervals that have it', () => {
    const sums = sumIntervals('C1', [
      anInterval('C1', at(0), { dropAbnormal: 30, dropTotal: 100 }),
      anInterval('C1', at(15), { dropAbnormal: undefined, dropTotal: undefined }),
      anInterval('C1', at(45), { dropAbnormal: 0, dropTotal: 100 }),
    ]);
    expect(sums.counters.dropAbnormal).toBe(30);
    expect(sums.counters.dropTotal).toBe(200);
    expect(computeKpiValues(sums, undefined, 7, '4G', DEFAULT_THRESHOLDS).kpis.dropRate).toMatchObject({ value: 15, status: 'BAD' });
  });

  it('a counter absent from every interval stays absent (never 0)', () => {
    const sums = sumIntervals('C1', [anInterval('C1', at(0), { trafficMb: undefined }), anInterval('C1', at(15), { trafficMb: undefined })]);
    expect('trafficMb' in sums.counters).toBe(false);
  });

  it('sums percent-only KPIs as value·weight and weight, and counts percent DOWN intervals', () => {
    const sums = sumIntervals('C1', [
      { counters: {}, percents: { availability: { weightedSum: 100, weight: 1 }, dropRate: { weightedSum: 2, weight: 1 } } },
      { counters: {}, percents: { availability: { weightedSum: 40, weight: 1 } } },
    ]);
    expect(sums).toEqual({
      cellId: 'C1',
      counters: {},
      percents: { availability: { weightedSum: 140, weight: 2 }, dropRate: { weightedSum: 2, weight: 1 } },
      intervals: 2,
      downIntervals: 1,
    });
  });

  it('no intervals → empty sums', () => {
    expect(sumIntervals('C1', [])).toEqual({ cellId: 'C1', counters: {}, intervals: 0, downIntervals: 0 });
  });
});
