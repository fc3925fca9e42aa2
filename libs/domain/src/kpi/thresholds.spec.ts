import { JudgedKpiName, KpiStatus, NetworkType } from '../model';
import { judgeKpi } from './kpi-judgement';
import { mergeThresholds, ThresholdOverrideError } from './threshold-overrides';
import { DEFAULT_THRESHOLDS } from './thresholds';

describe('judgeKpi with DEFAULT_THRESHOLDS (kpis.md "Default thresholds")', () => {
  const rows: [JudgedKpiName, NetworkType, number | null, KpiStatus][] = [
    // PRB utilisation: WARN ≥ 70, BAD ≥ 80 (inclusive)
    ['prbUtilizationDl', '4G', 69.99, 'OK'],
    ['prbUtilizationDl', '4G', 70, 'WARN'],
    ['prbUtilizationDl', '4G', 79.99, 'WARN'],
    ['prbUtilizationDl', '4G', 80, 'BAD'],
    ['prbUtilizationDl', '5G', 80, 'BAD'],
    // access success: WARN < 99, BAD < 98 (strict)
    ['accessSuccessRate', '4G', 99, 'OK'],
    ['accessSuccessRate', '4G', 98.99, 'WARN'],
    ['accessSuccessRate', '4G', 98, 'WARN'],
    ['accessSuccessRate', '4G', 97.99, 'BAD'],
    // drop rate: WARN > 1, BAD > 2 (strict)
    ['dropRate', '4G', 1, 'OK'],
    ['dropRate', '4G', 1.01, 'WARN'],
    ['dropRate', '4G', 2, 'WARN'],
    ['dropRate', '4G', 2.01, 'BAD'],
    // good coverage: WARN < 95, BAD < 90
    ['goodCoverageRate', '4G', 95, 'OK'],
    ['goodCoverageRate', '4G', 94.99, 'WARN'],
    ['goodCoverageRate', '4G', 90, 'WARN'],
    ['goodCoverageRate', '4G', 89.99, 'BAD'],
    // throughput: 4G WARN < 10, BAD < 5; 5G WARN < 100, BAD < 50
    ['userDlThroughputMbps', '4G', 10, 'OK'],
    ['userDlThroughputMbps', '4G', 9.99, 'WARN'],
    ['userDlThroughputMbps', '4G', 5, 'WARN'],
    ['userDlThroughputMbps', '4G', 4.99, 'BAD'],
    ['userDlThroughputMbps', '5G', 100, 'OK'],
    ['userDlThroughputMbps', '5G', 99.99, 'WARN'],
    ['userDlThroughputMbps', '5G', 30, 'BAD'],
    ['userDlThroughputMbps', '4G', 30, 'OK'],
    // availability: WARN < 99.9, BAD < 99
    ['availability', '4G', 99.9, 'OK'],
    ['availability', '4G', 99.89, 'WARN'],
    ['availability', '4G', 99, 'WARN'],
    ['availability', '4G', 98.99, 'BAD'],
    // no value
    ['availability', '4G', null, 'NO_DATA'],
    ['dropRate', '5G', Number.NaN, 'NO_DATA'],
  ];
  it.each(rows)('%s on %s = %p → %s', (kpi, networkType, value, status) => {
    expect(judgeKpi(kpi, value, networkType, DEFAULT_THRESHOLDS)).toBe(status);
  });

  it('DEFAULT_THRESHOLDS cannot be mutated by accident', () => {
    expect(() => {
      (DEFAULT_THRESHOLDS['4G'].dropRate as { warn: number }).warn = 5;
    }).toThrow(TypeError);
  });
});

describe('mergeThresholds', () => {
  it('overrides single fields per network type and leaves the rest', () => {
    const merged = mergeThresholds(DEFAULT_THRESHOLDS, { '5G': { userDlThroughputMbps: { warn: 80, bad: 40 } } });
    expect(merged['5G'].userDlThroughputMbps).toEqual({ warn: 80, bad: 40, direction: 'LOWER_IS_WORSE', inclusive: false });
    expect(merged['4G'].userDlThroughputMbps).toEqual(DEFAULT_THRESHOLDS['4G'].userDlThroughputMbps);
    expect(judgeKpi('userDlThroughputMbps', 45, '5G', merged)).toBe('WARN');
    expect(judgeKpi('userDlThroughputMbps', 45, '5G', DEFAULT_THRESHOLDS)).toBe('BAD');
  });

  it('can change the inclusiveness', () => {
    const merged = mergeThresholds(DEFAULT_THRESHOLDS, { '4G': { dropRate: { inclusive: true } } });
    expect(judgeKpi('dropRate', 2, '4G', merged)).toBe('BAD');
  });

  it.each([undefined, null])('%p leaves the table unchanged (as a copy)', (overrides) => {
    const merged = mergeThresholds(DEFAULT_THRESHOLDS, overrides);
    expect(merged).toEqual(DEFAULT_THRESHOLDS);
    merged['4G'].dropRate.warn = 9;
    expect(DEFAULT_THRESHOLDS['4G'].dropRate.warn).toBe(1);
  });

  it.each([
    [[], 'thresholds must be a JSON object'],
    ['{"5G":{}}', 'thresholds must be a JSON object'],
    [{ '3G': {} }, 'thresholds.3G is not a network type'],
    [{ '5G': 7 }, 'thresholds.5G must be an object keyed by KPI name'],
    [{ '5G': { speed: { warn: 1 } } }, 'thresholds.5G.speed is not a judged KPI'],
    [{ '5G': { dailyTrafficGb: { warn: 1 } } }, 'thresholds.5G.dailyTrafficGb is not a judged KPI'],
    [{ '5G': { dropRate: 3 } }, 'thresholds.5G.dropRate must be an object'],
    [{ '5G': { dropRate: { warn: '3' } } }, 'thresholds.5G.dropRate.warn must be a finite number'],
    [{ '5G': { dropRate: { bad: null } } }, 'thresholds.5G.dropRate.bad must be a finite number'],
    [{ '5G': { dropRate: { level: 3 } } }, 'thresholds.5G.dropRate.level is not a threshold field'],
    [{ '5G': { dropRate: { direction: 'UP' } } }, 'thresholds.5G.dropRate.direction must be one of'],
    [{ '5G': { dropRate: { inclusive: 'yes' } } }, 'thresholds.5G.dropRate.inclusive must be true or false'],
    [{ '4G': { dropRate: { warn: 3 } } }, 'thresholds.4G.dropRate has bad 2 and warn 3'],
    [{ '4G': { availability: { bad: 99.95 } } }, 'thresholds.4G.availability has bad 99.95 and warn 99.9'],
  ])('rejects %j naming the path', (overrides, message) => {
    expect(() => mergeThresholds(DEFAULT_THRESHOLDS, overrides)).toThrow(ThresholdOverrideError);
    expect(() => mergeThresholds(DEFAULT_THRESHOLDS, overrides)).toThrow(message);
  });

  it('uses the given label as the path prefix', () => {
    expect(() => mergeThresholds(DEFAULT_THRESHOLDS, { x: {} }, 'CELLSCOPE_THRESHOLDS')).toThrow('CELLSCOPE_THRESHOLDS.x is not a network type');
    let caught: unknown;
    try {
      mergeThresholds(DEFAULT_THRESHOLDS, { '4G': { dropRate: { warn: 'x' } } });
    } catch (error) {
      caught = error;
    }
    expect((caught as ThresholdOverrideError).path).toBe('thresholds.4G.dropRate.warn');
  });
});
