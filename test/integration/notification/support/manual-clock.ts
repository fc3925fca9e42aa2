import { Clock } from '@cellscope/config';

/** A clock the test sets by hand (quiet hours, interval boundaries); it never moves on its own. */
export class ManualClock extends Clock {
  constructor(private current: Date) {
    super();
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  set(at: Date): void {
    this.current = new Date(at.getTime());
  }
}
