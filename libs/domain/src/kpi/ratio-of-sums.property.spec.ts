import fc from 'fast-check';
import { anInterval } from '../testing/domain.factories';
import { kpiFromSums, ratioOfSums } from './kpi-arithmetic';
import { sumIntervals } from './interval-sums';

/** Mean of per-interval percentages: the wrong way kpis.md forbids, for comparison. */
const meanOfRatios = (nums: number[], dens: number[]): number => nums.reduce((sum, n, i) => sum + n / dens[i], 0) / nums.length;

/** The drop rate the domain computes for intervals with the given counters (through sumIntervals + kpiFromSums). */
function dropRateOf(nums: number[], dens: number[]): number {
  const intervals = nums.map((n, i) => anInterval('C1', new Date(i * 900_000), { dropAbnormal: n, dropTotal: dens[i] }));
  return kpiFromSums('dropRate', sumIntervals('C1', intervals)).value!;
}

const TOL = 1e-9;

describe('ratio of sums vs mean of ratios (kpis.md "Formulas and aggregation")', () => {
  it('the domain computes drop rate as 100·Σdrop_abnormal/Σdrop_total, i.e. the denominator-weighted mean', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 100, max: 20_000 })), { minLength: 1, maxLength: 12 }), (pairs) => {
        const dens = pairs.map(([, d]) => d);
        const nums = pairs.map(([k, d]) => (k / 1000) * d);
        const weighted = (100 * nums.reduce((a, b) => a + b, 0)) / dens.reduce((a, b) => a + b, 0);
        expect(Math.abs(dropRateOf(nums, dens) - weighted)).toBeLessThan(TOL);
        expect(Math.abs(dropRateOf(nums, dens) - 100 * ratioOfSums(nums, dens))).toBeLessThan(TOL);
      }),
    );
  });

  it('equals the mean of ratios when every interval has the same denominator', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 50_000 }), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }), (den, ks) => {
        const dens = ks.map(() => den);
        const nums = ks.map((k) => (k / 1000) * den);
        expect(Math.abs(ratioOfSums(nums, dens) - meanOfRatios(nums, dens))).toBeLessThan(TOL);
        expect(Math.abs(dropRateOf(nums, dens) - 100 * meanOfRatios(nums, dens))).toBeLessThan(TOL * 100);
      }),
    );
  });

  it('differs from the mean of ratios for two intervals with different denominators and different ratios', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 100, max: 20_000 }), { minLength: 2, maxLength: 2 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 2 }),
        (dens, ks) => {
          const nums = ks.map((k, i) => (k / 1000) * dens[i]);
          expect(Math.abs(ratioOfSums(nums, dens) - meanOfRatios(nums, dens))).toBeGreaterThan(1e-12);
          expect(Math.abs(dropRateOf(nums, dens) - 100 * meanOfRatios(nums, dens))).toBeGreaterThan(1e-10);
        },
      ),
    );
  });

  it('is pulled towards the busy intervals: when larger denominators carry larger ratios it exceeds the mean of ratios', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 100, max: 20_000 }), { minLength: 2, maxLength: 10 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 10, maxLength: 10 }),
        (densRaw, ksRaw) => {
          const dens = [...densRaw].sort((a, b) => a - b);
          const ks = ksRaw.slice(0, dens.length).sort((a, b) => a - b);
          const nums = ks.map((k, i) => (k / 1000) * dens[i]);
          expect(ratioOfSums(nums, dens) - meanOfRatios(nums, dens)).toBeGreaterThan(1e-12);
        },
      ),
    );
  });

  it('a concrete case: a quiet interval with many drops does not dominate a busy clean one', () => {
    // interval 1: 50 of 100 releases abnormal (50 %); interval 2: 10 of 10 000 (0.1 %)
    expect(dropRateOf([50, 10], [100, 10_000])).toBeCloseTo((100 * 60) / 10_100, 10); // ≈ 0.594 %
    expect(100 * meanOfRatios([50, 10], [100, 10_000])).toBeCloseTo(25.05, 10);
  });

  it('ratioOfSums is NaN for a zero denominator and rejects mismatched arrays', () => {
    expect(ratioOfSums([0], [0])).toBeNaN();
    expect(() => ratioOfSums([1, 2], [3])).toThrow(RangeError);
  });
});
