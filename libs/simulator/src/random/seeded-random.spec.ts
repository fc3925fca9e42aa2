import { SeededRandom } from './seeded-random';
import { WeightedTable } from './weighted-table';

const draw = (rnd: SeededRandom, n: number): number[] => Array.from({ length: n }, () => rnd.next());

describe('SeededRandom', () => {
  it('repeats the same sequence for the same seed and keys, and differs otherwise', () => {
    expect(draw(SeededRandom.derive(42, 'kpi', 3, 7), 20)).toEqual(draw(SeededRandom.derive(42, 'kpi', 3, 7), 20));
    expect(draw(SeededRandom.derive(42, 'kpi', 3, 7), 5)).not.toEqual(draw(SeededRandom.derive(42, 'kpi', 3, 8), 5));
    expect(draw(SeededRandom.derive(42, 'kpi', 3, 7), 5)).not.toEqual(draw(SeededRandom.derive(43, 'kpi', 3, 7), 5));
    expect(draw(SeededRandom.derive(42, 'a', 1), 5)).not.toEqual(draw(SeededRandom.derive(42, 'b', 1), 5));
    expect(SeededRandom.seedOf('hohhot')).toBe(SeededRandom.seedOf('hohhot'));
    expect(SeededRandom.seedOf('hohhot')).not.toBe(SeededRandom.seedOf('Hohhot'));
    expect(SeededRandom.seedOf(1)).not.toBe(SeededRandom.seedOf(2));
    expect(SeededRandom.seedOf(2 ** 40)).not.toBe(SeededRandom.seedOf(0));
  });

  it('reset gives the same stream as a new generator', () => {
    const reused = new SeededRandom(1);
    reused.next();
    expect(draw(reused.reset(SeededRandom.hash(9, 1, 2)), 10)).toEqual(draw(SeededRandom.derive(9, 1, 2), 10));
  });

  it('draws uniformly in [0, 1) with a plausible mean and spread', () => {
    const values = draw(new SeededRandom(12345), 100_000);
    expect(Math.min(...values.slice(0, 50_000))).toBeGreaterThanOrEqual(0);
    expect(values.every((v) => v < 1)).toBe(true);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
    const buckets = new Array(10).fill(0);
    for (const v of values) buckets[Math.floor(v * 10)]++;
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(600);
  });

  it('int covers both bounds, pick and weighted follow their weights, shuffled is a permutation', () => {
    const rnd = new SeededRandom(7);
    const ints = new Set(Array.from({ length: 2000 }, () => rnd.int(3, 6)));
    expect([...ints].sort()).toEqual([3, 4, 5, 6]);
    let heads = 0;
    for (let i = 0; i < 20_000; i++) if (rnd.weighted([['a', 3], ['b', 1]] as const) === 'a') heads++;
    expect(heads / 20_000).toBeGreaterThan(0.72);
    expect(heads / 20_000).toBeLessThan(0.78);
    const table = new WeightedTable([['x', 1], ['y', 0], ['z', 4]] as const);
    const counts: Record<string, number> = { x: 0, y: 0, z: 0 };
    for (let i = 0; i < 20_000; i++) counts[table.pick(rnd)]++;
    expect(counts.y).toBe(0);
    expect(counts.z / 20_000).toBeGreaterThan(0.77);
    expect(counts.z / 20_000).toBeLessThan(0.83);
    expect(rnd.shuffled([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(() => rnd.pick([])).toThrow(RangeError);
    expect(() => new WeightedTable([['a', 0]])).toThrow(RangeError);
  });
});
