import { SeededRandom } from './random/seeded-random';
import { INTERVAL_MS } from './kpi-generator';
import { USAGE_BLOCK_MS } from './usage-generator';

// Module-level aliases: global `Math` lookups are slow inside Jest's sandbox (hot loops run millions of times).
const { ceil, floor, max } = Math;


const MINUTE_MS = 60_000;

/** Delays with which the network's systems deliver data. */
export interface DeliveryDelays {
  /** PM delay after the end of an interval, minutes (default 30..45, drawn per interval). */
  pmDelayMinutes: { min: number; max: number };
  /** Delay of a usage block after its end, minutes (default 5). */
  usageDelayMinutes: number;
}

export const DEFAULT_DELIVERY_DELAYS: DeliveryDelays = Object.freeze({ pmDelayMinutes: Object.freeze({ min: 30, max: 45 }), usageDelayMinutes: 5 });

/**
 * When simulated data "arrives": a KPI interval [t, t + 15 min) at t + 15 min + PM delay (the same delay for all
 * cells of an interval, as one PM file), a usage block at its end + the probe delay. Deterministic per seed.
 */
export class DeliverySchedule {
  readonly delays: DeliveryDelays;

  constructor(
    private readonly seed: number,
    delays: Partial<DeliveryDelays> = {},
  ) {
    this.delays = { ...DEFAULT_DELIVERY_DELAYS, ...delays };
    const delay = this.delays.pmDelayMinutes;
    if (!(delay.min >= 0 && delay.max >= delay.min)) throw new RangeError(`PM delay must satisfy 0 ≤ min ≤ max, got ${delay.min}..${delay.max}`);
  }

  /** Arrival of the KPI interval starting at t. */
  kpiArrival(intervalStart: number): number {
    const delay = this.delays.pmDelayMinutes;
    const minutes = delay.min + (SeededRandom.hash(this.seed, 'pm-delay', intervalStart / INTERVAL_MS) % (delay.max - delay.min + 1));
    return intervalStart + INTERVAL_MS + minutes * MINUTE_MS;
  }

  /** Interval starts (≥ notBefore) whose data arrives in (after, until]. */
  kpiIntervalsArriving(after: number, until: number, notBefore: number): number[] {
    const delay = this.delays.pmDelayMinutes;
    const first = max(ceil(notBefore / INTERVAL_MS), floor((after - INTERVAL_MS - delay.max * MINUTE_MS) / INTERVAL_MS));
    const last = floor((until - INTERVAL_MS - delay.min * MINUTE_MS) / INTERVAL_MS);
    const starts: number[] = [];
    for (let slot = first; slot <= last; slot++) {
      const t = slot * INTERVAL_MS;
      if (t < notBefore) continue;
      const arrival = this.kpiArrival(t);
      if (arrival > after && arrival <= until) starts.push(t);
    }
    return starts;
  }

  /** Arrival of the usage block starting at t. */
  usageArrival(blockStart: number): number {
    return blockStart + USAGE_BLOCK_MS + this.delays.usageDelayMinutes * MINUTE_MS;
  }

  /** Block starts (≥ floor of notBefore to the hour) whose records arrive in (after, until]. */
  usageBlocksArriving(after: number, until: number, notBefore: number): number[] {
    const delay = USAGE_BLOCK_MS + this.delays.usageDelayMinutes * MINUTE_MS;
    const first = max(floor(notBefore / USAGE_BLOCK_MS), floor((after - delay) / USAGE_BLOCK_MS));
    const starts: number[] = [];
    for (let block = first * USAGE_BLOCK_MS; block + delay <= until; block += USAGE_BLOCK_MS) {
      if (block + delay > after) starts.push(block);
    }
    return starts;
  }
}
