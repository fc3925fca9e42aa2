/**
 * The KPI data set of bench:correlate, kept in InfluxDB between runs: 10,000 cells with 2 days of 15-minute
 * intervals over a fixed period. bench:influx-statements reads the same data.
 */
import { SeededRandom } from '@cellscope/simulator';

export const CELLS = 10_000;
export const DAYS = 2;
export const INFLUX_DB = 'cellscope_bench_correlate';
/** A fixed period so the loaded data can be reused between runs. */
export const DATA_START = Date.UTC(2026, 10, 1, 0, 0, 0);

export function cellId(i: number): string {
  return `bench-${String(i).padStart(5, '0')}`;
}

/** Deterministic pseudo-random numbers: the simulator's seeded stream (mulberry32), as a function. */
export function prng(seed: number): () => number {
  const random = new SeededRandom(seed);
  return () => random.next();
}

/**
 * When a bench ticket's problem occurred and the cells its subscriber used: a minute of the second day between
 * 02:00 and 21:00, and three cells (a random one, +7, +14), so tickets rarely share a cell and a window.
 */
export function benchTicketShape(random: () => number): { occurred: number; cellIds: string[] } {
  const occurred = DATA_START + 24 * 3_600_000 + 2 * 3_600_000 + Math.floor(random() * 19 * 60) * 60_000;
  const home = Math.floor(random() * CELLS);
  return { occurred, cellIds: [0, 1, 2].map((k) => cellId((home + k * 7) % CELLS)) };
}
