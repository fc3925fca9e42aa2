import { UsageRecord } from '@cellscope/domain';
import { CityTime } from './city/city-time';
import { DailyRoutine } from './daily-routine';
import { FaultPlan } from './fault-plan';
import { SimulatedSubscriber } from './model/simulated-subscriber';
import { UsagePin, UsagePinSource } from './model/usage-pin';
import { NetworkTopology } from './network-topology';
import { SeededRandom } from './random/seeded-random';

// Module-level aliases: global `Math` lookups are slow inside Jest's sandbox (hot loops run millions of times).
const { ceil, floor, min, round } = Math;


const STEP_MS = 15 * 60_000;
/** Length of a probe aggregation block: records never cross a block boundary. */
export const USAGE_BLOCK_MS = 60 * 60_000;
const STEPS_PER_BLOCK = USAGE_BLOCK_MS / STEP_MS;

/**
 * Usage records (the UsageRecords of contracts.md) as signalling probes aggregate them: per subscriber and cell,
 * within hourly blocks, in 15-minute steps. Each step puts the subscriber where the DailyRoutine says (home at
 * night and in the evening, work in the day), on a neighbour cell now and then, or where a complaint pins them;
 * at night phones are often idle (no record); a cell that is DOWN carries no usage. Subscribers the probes do not
 * see have no records at all. A block depends only on the seed, the subscriber, the hour and the pins.
 */
export class UsageGenerator {
  private readonly subscriberIndex: ReadonlyMap<string, number>;
  private readonly usageSeed: number;
  private readonly rnd = new SeededRandom(0);

  constructor(
    seed: number,
    private readonly topology: NetworkTopology,
    private readonly subscribers: readonly SimulatedSubscriber[],
    private readonly routine: DailyRoutine,
    private readonly faults: FaultPlan,
    private readonly time: CityTime,
    private readonly pins: UsagePinSource,
  ) {
    this.usageSeed = SeededRandom.hash(seed, 'usage');
    this.subscriberIndex = new Map(subscribers.map((s, i) => [s.msisdn, i]));
  }

  /** Records of the blocks starting in [from, to) (whole hours); steps before `notBefore` are left out. */
  records(from: number, to: number, notBefore = -Infinity): UsageRecord[] {
    const result: UsageRecord[] = [];
    for (let block = ceil(from / USAGE_BLOCK_MS) * USAGE_BLOCK_MS; block < to; block += USAGE_BLOCK_MS) {
      this.appendBlock(block, notBefore, result);
    }
    return result;
  }

  /** Records of one block [blockStart, blockStart + 1 h), subscribers in order. */
  appendBlock(blockStart: number, notBefore: number, out: UsageRecord[]): void {
    const dayPins = this.pins.pinsOfDay(this.time.dayOf(blockStart));
    const steps = new Int32Array(STEPS_PER_BLOCK);
    const hour = this.time.hourOfDay(blockStart);
    const night = hour >= 1 && hour < 6;
    for (let s = 0; s < this.subscribers.length; s++) {
      const subscriber = this.subscribers[s];
      if (!subscriber.probeVisible) continue;
      const rnd = this.rnd.reset(SeededRandom.hash(this.usageSeed, s, blockStart / USAGE_BLOCK_MS));
      const pins = dayPins.get(subscriber.msisdn);
      for (let q = 0; q < STEPS_PER_BLOCK; q++) {
        const t = blockStart + q * STEP_MS;
        const hop = rnd.next();
        const idle = rnd.next();
        const pick = rnd.next();
        if (t < notBefore) {
          steps[q] = -1;
          continue;
        }
        const pin = pins ? findPin(pins, t) : undefined;
        let cell: number;
        if (pin) {
          cell = pin.neighbourStep && pin.neighbourStep.at === t ? pin.neighbourStep.cellIndex : pin.cellIndex;
        } else {
          cell = this.routine.cellAt(s, t);
          const around = this.topology.neighbours(cell);
          if (hop < 0.12 && around.length > 0) cell = around[floor(pick * min(3, around.length))];
          if (night && idle < 0.6) cell = -1;
        }
        if (cell >= 0 && this.faults.activeAt(cell, t)?.kind === 'OUTAGE') cell = -1;
        steps[q] = cell;
      }
      for (let q = 0; q < STEPS_PER_BLOCK; ) {
        const cell = steps[q];
        let end = q + 1;
        while (end < STEPS_PER_BLOCK && steps[end] === cell) end++;
        if (cell >= 0) {
          const minutes = (end - q) * 15;
          const bytesDl = round(minutes * rnd.between(0.3, 6) * (night ? 0.2 : 1) * 1_000_000);
          out.push({
            msisdn: subscriber.msisdn,
            cellId: this.topology.cells[cell].cellId,
            start: new Date(blockStart + q * STEP_MS),
            end: new Date(blockStart + end * STEP_MS),
            bytesDl,
            bytesUl: round(bytesDl * rnd.between(0.05, 0.15)),
          });
        }
        q = end;
      }
    }
  }

  /** Index of a subscriber by MSISDN, or undefined. */
  indexOf(msisdn: string): number | undefined {
    return this.subscriberIndex.get(msisdn);
  }
}

function findPin(pins: readonly UsagePin[], t: number): UsagePin | undefined {
  for (const pin of pins) if (pin.from <= t && t < pin.to) return pin;
  return undefined;
}
