// Module-level aliases: global `Math` lookups are slow inside Jest's sandbox (hot loops run millions of times).
const { cos, floor, imul, log, max, min, sqrt } = Math;

/** A scenario seed as given by a user: a number or any text. */
export type SeedInput = number | string;

const GOLDEN = 0x9e3779b9;

/** Final avalanche step of a 32-bit hash (every input bit affects every output bit). */
function avalanche(h: number): number {
  h = imul(h ^ (h >>> 16), 0x85ebca6b);
  h = imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function mixKey(h: number, key: number | string): number {
  if (typeof key === 'string') {
    // FNV-1a over the UTF-16 code units, then folded into the running hash.
    let f = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) f = imul(f ^ key.charCodeAt(i), 0x01000193);
    return avalanche((h ^ f) + GOLDEN);
  }
  const lo = key >>> 0;
  const hi = floor(key / 4294967296) >>> 0;
  return avalanche((avalanche((h ^ lo) + GOLDEN) ^ hi) + GOLDEN);
}

/**
 * Deterministic pseudo-random numbers (a mulberry32-style generator over a 32-bit state).
 * Streams are derived from a seed and any number of keys (`derive(seed, 'kpi', cellIndex, slot)`), so that the
 * value of one cell in one interval never depends on how much else was generated before it.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The 32-bit seed of a user-given seed (numbers and texts alike). */
  static seedOf(input: SeedInput): number {
    return mixKey(0x2545f491, typeof input === 'number' && !Number.isFinite(input) ? String(input) : input);
  }

  /** A 32-bit hash of a seed and keys. */
  static hash(seed: number, ...keys: readonly (number | string)[]): number {
    let h = avalanche((seed >>> 0) ^ 0x5bd1e995);
    for (const key of keys) h = mixKey(h, key);
    return h;
  }

  /** An independent stream for the given seed and keys. */
  static derive(seed: number, ...keys: readonly (number | string)[]): SeededRandom {
    return new SeededRandom(SeededRandom.hash(seed, ...keys));
  }

  /** Restarts this stream at another seed (saves an allocation per stream in hot loops). */
  reset(seed: number): this {
    this.state = seed >>> 0;
    return this;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + floor(this.next() * (max - min + 1));
  }

  /** true with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[floor(this.next() * items.length)];
  }

  /** One value, with probability proportional to its weight (weights ≥ 0, not all 0). */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    if (!(total > 0)) throw new RangeError('weighted pick needs a positive total weight');
    let r = this.next() * total;
    for (const [value, weight] of entries) {
      r -= weight;
      if (r < 0) return value;
    }
    return entries[entries.length - 1][0];
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffled<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }

  /** Normally distributed (Box–Muller), truncated to mean ± 3 sd. */
  normal(mean: number, sd: number): number {
    const u = 1 - this.next();
    const v = this.next();
    const z = sqrt(-2 * log(u)) * cos(2 * Math.PI * v);
    return mean + sd * max(-3, min(3, z));
  }
}
