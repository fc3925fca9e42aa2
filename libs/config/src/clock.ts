/** Port: the current time, so time-dependent work can be tested and simulated. */
export abstract class Clock {
  abstract now(): Date;
}

/** The machine's wall clock. */
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
