import { Clock } from '@cellscope/config';

/** Options of SimulationClock. */
export interface SimulationClockOptions {
  /** The simulated time at the moment the clock is created (default: the wall clock's time then). */
  start?: Date;
  /** Simulated seconds per real second (default 1). */
  speed?: number;
  /** Wall-clock source in ms (default Date.now; tests pass a manual one). */
  wall?: () => number;
}

/**
 * The clock of a process that runs the in-process simulator: starts at `start` and runs `speed` times as fast as
 * the wall clock, so that correlation, re-correlation and outage detection live on the simulated time line.
 * With speed 1 and no start it is the wall clock.
 */
export class SimulationClock extends Clock {
  readonly speed: number;
  private readonly start: number;
  private readonly wallAtStart: number;
  private readonly wall: () => number;

  constructor(options: SimulationClockOptions = {}) {
    super();
    this.wall = options.wall ?? Date.now;
    this.speed = options.speed ?? 1;
    if (!(this.speed > 0) || !Number.isFinite(this.speed)) throw new RangeError(`speed must be a positive number, got ${this.speed}`);
    this.wallAtStart = this.wall();
    this.start = options.start ? options.start.getTime() : this.wallAtStart;
    if (!Number.isFinite(this.start)) throw new RangeError('start must be a valid date');
  }

  now(): Date {
    return new Date(this.start + (this.wall() - this.wallAtStart) * this.speed);
  }

  /** Real milliseconds until the clock shows `at` (0 when it already does). */
  realMsUntil(at: Date): number {
    return Math.max(0, (at.getTime() - this.now().getTime()) / this.speed);
  }
}
