import { latestPerKey } from './latest-per-key';

describe('latestPerKey', () => {
  const items = [
    { key: 'a', n: 1 },
    { key: 'b', n: 2 },
    { key: 'a', n: 3 },
    { key: 'c', n: 4 },
    { key: 'b', n: 5 },
  ];

  it('returns the last item of each key, newest first', () => {
    expect(latestPerKey(items, (i) => i.key, 10).map((i) => i.n)).toEqual([5, 4, 3]);
  });

  it('stops after maxKeys keys', () => {
    expect(latestPerKey(items, (i) => i.key, 2).map((i) => i.n)).toEqual([5, 4]);
  });

  it('returns nothing for no items', () => {
    expect(latestPerKey([], String, 5)).toEqual([]);
  });

  it('includes the last item of every partition once enough keys are taken (keyed partitioning)', () => {
    const partitionOf = (key: string) => [...key].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7) % 3;
    const records = Array.from({ length: 5000 }, (_, i) => ({ key: `1380000${String((i * 7919) % 2000).padStart(4, '0')}`, i }));
    const sample = new Set(latestPerKey(records, (r) => r.key, 64).map((r) => r.i));
    for (const partition of [0, 1, 2]) {
      const last = [...records].reverse().find((r) => partitionOf(r.key) === partition)!;
      expect(sample.has(last.i)).toBe(true);
    }
  });
});
