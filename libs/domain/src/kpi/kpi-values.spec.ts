import { CounterSums, JudgedKpiName, KpiStatus } from '../model';
import { sumsOf } from '../testing/domain.factories';
import { computeKpiValues, roundKpi } from './kpi-values';
import { DEFAULT_THRESHOLDS } from './thresholds';

const compute4g = (counters: CounterSums, extra = {}) => computeKpiValues(sumsOf('C1', counters, extra), undefined, 7, '4G', DEFAULT_THRESHOLDS);

describe('computeKpiValues: formulas (ratio of summed counters)', () => {
  it.each<[JudgedKpiName, CounterSums, number, KpiStatus]>([
    ['prbUtilizationDl', { prbDlUsed: 750, prbDlAvail: 1000 }, 75, 'WARN'],
    ['prbUtilizationDl', { prbDlUsed: 850, prbDlAvail: 1000 }, 85, 'BAD'],
    ['accessSuccessRate', { accessSucc: 985, accessAtt: 1000 }, 98.5, 'WARN'],
    ['accessSuccessRate', { accessSucc: 970, accessAtt: 1000 }, 97, 'BAD'],
    ['dropRate', { dropAbnormal: 15, dropTotal: 1000 }, 1.5, 'WARN'],
    ['dropRate', { dropAbnormal: 30, dropTotal: 1000 }, 3, 'BAD'],
    ['goodCoverageRate', { mrGood: 920, mrTotal: 1000 }, 92, 'WARN'],
    ['goodCoverageRate', { mrGood: 800, mrTotal: 1000 }, 80, 'BAD'],
    ['userDlThroughputMbps', { thpDlVolKbit: 80_000, thpDlTimeMs: 10_000 }, 8, 'WARN'],
    ['userDlThroughputMbps', { thpDlVolKbit: 30_000, thpDlTimeMs: 10_000 }, 3, 'BAD'],
    ['availability', { unavailS: 36, periodS: 7200 }, 99.5, 'WARN'],
    ['availability', { unavailS: 360, periodS: 7200 }, 95, 'BAD'],
    ['availability', { unavailS: 0, periodS: 7200 }, 100, 'OK'],
  ])('%s from %j = %d (%s)', (kpi, counters, value, status) => {
    const { kpis, findings } = compute4g(counters);
    expect(kpis[kpi]).toMatchObject({ value, status });
    const limits = DEFAULT_THRESHOLDS['4G'][kpi];
    if (status === 'OK') return expect(findings).toEqual([]);
    expect(findings).toContainEqual({ code: `${kpi}_${status}`, kpi, value, threshold: status === 'BAD' ? limits.bad : limits.warn });
  });

  it('a healthy cell has every judged KPI OK, thresholds and units attached, no findings', () => {
    const { kpis, findings } = compute4g({});
    expect(findings).toEqual([]);
    expect(kpis.prbUtilizationDl).toEqual({ value: 30, unit: '%', status: 'OK', warn: 70, bad: 80 });
    expect(kpis.userDlThroughputMbps).toEqual({ value: 30, unit: 'Mbit/s', status: 'OK', warn: 10, bad: 5 });
    expect(kpis.availability).toEqual({ value: 100, unit: '%', status: 'OK', warn: 99.9, bad: 99 });
  });
});

describe('computeKpiValues: minimum samples and zero denominators → NO_DATA', () => {
  it.each<[JudgedKpiName, CounterSums, KpiStatus]>([
    ['accessSuccessRate', { accessSucc: 50, accessAtt: 99 }, 'NO_DATA'],
    ['accessSuccessRate', { accessSucc: 50, accessAtt: 100 }, 'BAD'],
    ['dropRate', { dropAbnormal: 50, dropTotal: 99 }, 'NO_DATA'],
    ['dropRate', { dropAbnormal: 50, dropTotal: 100 }, 'BAD'],
    ['goodCoverageRate', { mrGood: 10, mrTotal: 499 }, 'NO_DATA'],
    ['goodCoverageRate', { mrGood: 10, mrTotal: 500 }, 'BAD'],
    ['userDlThroughputMbps', { thpDlVolKbit: 10, thpDlTimeMs: 9_999 }, 'NO_DATA'],
    ['userDlThroughputMbps', { thpDlVolKbit: 10, thpDlTimeMs: 10_000 }, 'BAD'],
    ['prbUtilizationDl', { prbDlUsed: 0, prbDlAvail: 0 }, 'NO_DATA'],
    ['prbUtilizationDl', { prbDlUsed: 1, prbDlAvail: 1 }, 'BAD'],
    ['availability', { unavailS: 0, periodS: 0 }, 'NO_DATA'],
    ['accessSuccessRate', { accessSucc: 0, accessAtt: 0 }, 'NO_DATA'],
    ['dropRate', { dropAbnormal: 0, dropTotal: 0 }, 'NO_DATA'],
  ])('%s with %j → %s', (kpi, counters, status) => {
    const { kpis, findings } = compute4g(counters);
    expect(kpis[kpi].status).toBe(status);
    if (status === 'NO_DATA') {
      expect(kpis[kpi].value).toBeNull();
      expect(findings.filter((f) => f.kpi === kpi)).toEqual([]);
    }
  });
});

describe('computeKpiValues: missing counters and percent-only KPIs', () => {
  it('no sums at all: every judged KPI NO_DATA, thresholds still attached', () => {
    const { kpis, findings } = computeKpiValues(undefined, undefined, 7, '5G', DEFAULT_THRESHOLDS);
    expect(findings).toEqual([]);
    for (const kpi of Object.values(kpis)) expect(kpi.status).toBe('NO_DATA');
    expect(kpis.userDlThroughputMbps).toEqual({ value: null, unit: 'Mbit/s', status: 'NO_DATA', warn: 100, bad: 50 });
  });

  it.each<[string, CounterSums]>([
    ['numerator absent', { dropAbnormal: undefined }],
    ['denominator absent', { dropTotal: undefined }],
    ['both absent', { dropAbnormal: undefined, dropTotal: undefined }],
  ])('a KPI with %s is NO_DATA, the others are still computed', (_case, counters) => {
    const { kpis } = compute4g(counters);
    expect(kpis.dropRate).toMatchObject({ value: null, status: 'NO_DATA' });
    expect(kpis.accessSuccessRate).toMatchObject({ value: 99.5, status: 'OK' });
  });

  it('a cell with only some KPIs', () => {
    const sums = { cellId: 'C1', counters: { prbDlUsed: 900, prbDlAvail: 1000 }, intervals: 8, downIntervals: 0 };
    const { kpis, findings } = computeKpiValues(sums, undefined, 7, '4G', DEFAULT_THRESHOLDS);
    expect(kpis.prbUtilizationDl).toMatchObject({ value: 90, status: 'BAD' });
    for (const kpi of ['accessSuccessRate', 'dropRate', 'goodCoverageRate', 'userDlThroughputMbps', 'availability'] as const) {
      expect(kpis[kpi].status).toBe('NO_DATA');
    }
    expect(findings).toEqual([{ code: 'prbUtilizationDl_BAD', kpi: 'prbUtilizationDl', value: 90, threshold: 80 }]);
  });

  it('uses the percent-only value when the counters of that KPI are absent', () => {
    const sums = {
      cellId: 'C1',
      counters: {},
      percents: { accessSuccessRate: { weightedSum: 97.5 * 4 + 99.5 * 4, weight: 8 }, availability: { weightedSum: 800, weight: 8 } },
      intervals: 8,
      downIntervals: 0,
    };
    const { kpis } = computeKpiValues(sums, undefined, 7, '4G', DEFAULT_THRESHOLDS);
    expect(kpis.accessSuccessRate).toMatchObject({ value: 98.5, status: 'WARN' });
    expect(kpis.availability).toMatchObject({ value: 100, status: 'OK' });
    expect(kpis.dropRate.status).toBe('NO_DATA');
  });

  it('ignores the percent value when the counters are present, even below the minimum sample', () => {
    const percents = { dropRate: { weightedSum: 50, weight: 10 } };
    expect(compute4g({}, { percents }).kpis.dropRate).toMatchObject({ value: 0.2, status: 'OK' });
    expect(compute4g({ dropAbnormal: 5, dropTotal: 50 }, { percents }).kpis.dropRate).toMatchObject({ value: null, status: 'NO_DATA' });
  });

  it('a percent with zero weight is no data', () => {
    const sums = { cellId: 'C1', counters: {}, percents: { dropRate: { weightedSum: 0, weight: 0 } }, intervals: 0, downIntervals: 0 };
    expect(computeKpiValues(sums, undefined, 7, '4G', DEFAULT_THRESHOLDS).kpis.dropRate.status).toBe('NO_DATA');
  });
});

describe('computeKpiValues: DOWN intervals', () => {
  it('adds CELL_DOWN (first) and makes availability BAD', () => {
    const { kpis, findings } = compute4g({ unavailS: 900, periodS: 7200 }, { downIntervals: 1 });
    expect(kpis.availability).toMatchObject({ value: 87.5, status: 'BAD' });
    expect(findings[0]).toEqual({ code: 'CELL_DOWN', kpi: 'availability', value: 87.5, threshold: null });
    expect(findings).toContainEqual({ code: 'availability_BAD', kpi: 'availability', value: 87.5, threshold: 99 });
  });

  it('availability is BAD with a DOWN interval even when the window ratio is above the limit', () => {
    const { kpis, findings } = compute4g({ unavailS: 10, periodS: 7200 }, { downIntervals: 1 });
    expect(kpis.availability).toMatchObject({ value: 99.86, status: 'BAD' });
    expect(findings.map((f) => f.code)).toEqual(['CELL_DOWN']);
  });

  it('availability is BAD with a DOWN interval and no availability value', () => {
    const { kpis, findings } = compute4g({ unavailS: undefined, periodS: undefined }, { downIntervals: 2 });
    expect(kpis.availability).toMatchObject({ value: null, status: 'BAD' });
    expect(findings).toEqual([{ code: 'CELL_DOWN', kpi: 'availability', value: null, threshold: null }]);
  });
});

describe('computeKpiValues: 4G vs 5G thresholds', () => {
  it.each([
    ['4G', 30, 'OK'],
    ['5G', 30, 'BAD'],
    ['5G', 75, 'WARN'],
    ['4G', 7.5, 'WARN'],
  ] as const)('%s throughput %d Mbit/s → %s', (networkType, mbps, status) => {
    const sums = sumsOf('C1', { thpDlVolKbit: mbps * 100_000, thpDlTimeMs: 100_000 });
    expect(computeKpiValues(sums, undefined, 7, networkType, DEFAULT_THRESHOLDS).kpis.userDlThroughputMbps).toMatchObject({ value: mbps, status });
  });
});

describe('computeKpiValues: dailyTrafficGb', () => {
  it.each([
    [7 * 1024 * 10, 7, 10],
    [1024 * 3, 3, 1],
    [500, 7, 0.07],
    [0, 7, 0],
  ])('Σtraffic_mb %d over %d days → %d GB/day, OK, not judged', (trafficMb, days, value) => {
    const baseline = { cellId: 'C1', counters: { trafficMb }, intervals: 96 * days, downIntervals: 0 };
    const { kpis } = computeKpiValues(undefined, baseline, days, '4G', DEFAULT_THRESHOLDS);
    expect(kpis.dailyTrafficGb).toEqual({ value, unit: 'GB/day', status: 'OK' });
  });

  it.each([
    ['no baseline', undefined, 7],
    ['no traffic counter', { cellId: 'C1', counters: { periodS: 900 }, intervals: 1, downIntervals: 0 }, 7],
    ['zero days', { cellId: 'C1', counters: { trafficMb: 10 }, intervals: 1, downIntervals: 0 }, 0],
  ])('%s → NO_DATA', (_case, baseline, days) => {
    expect(computeKpiValues(undefined, baseline, days, '4G', DEFAULT_THRESHOLDS).kpis.dailyTrafficGb).toEqual({ value: null, unit: 'GB/day', status: 'NO_DATA' });
  });
});

describe('rounding', () => {
  it('the status is judged on the shown (rounded) value', () => {
    // 98.999 % rounds to 99.00 %, which is not < 99 → OK, consistent with the displayed number
    const { kpis } = compute4g({ accessSucc: 98_999, accessAtt: 100_000 });
    expect(kpis.accessSuccessRate).toMatchObject({ value: 99, status: 'OK' });
  });

  it.each([
    [1.234, 2, 1.23],
    [1.235001, 2, 1.24],
    [-0.0001, 2, 0],
    [0.0686, 3, 0.069],
  ])('roundKpi(%d, %d) = %d', (value, decimals, expected) => {
    expect(roundKpi(value, decimals)).toBe(expected);
  });
});
