// Module-level aliases: global `Math` lookups are slow inside Jest's sandbox (hot loops run millions of times).
const { abs, floor } = Math;

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * Local time of the simulated city at a fixed UTC offset (China has no daylight saving time).
 * Days are numbered from 1970-01-01 local time, so "day 20000" is the same local date everywhere in the code.
 */
export class CityTime {
  private readonly offsetMs: number;

  constructor(readonly utcOffsetMinutes: number) {
    this.offsetMs = utcOffsetMinutes * MINUTE_MS;
  }

  /** Local day number of an instant. */
  dayOf(t: Date | number): number {
    return floor((+t + this.offsetMs) / DAY_MS);
  }

  /** Instant of local midnight starting the given day. */
  dayStart(day: number): number {
    return day * DAY_MS - this.offsetMs;
  }

  /** Local time of day in hours, fractional (0 ≤ h < 24). */
  hourOfDay(t: Date | number): number {
    const ms = (((+t + this.offsetMs) % DAY_MS) + DAY_MS) % DAY_MS;
    return ms / HOUR_MS;
  }

  /** Day of the week, 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
  weekday(day: number): number {
    return (((day + 3) % 7) + 7) % 7;
  }

  isWeekend(day: number): boolean {
    return this.weekday(day) >= 5;
  }

  /** ISO 8601 with the city's offset, seconds precision (2026-12-04T20:15:00+08:00). */
  format(t: Date | number): string {
    const local = new Date(+t + this.offsetMs);
    const sign = this.utcOffsetMinutes >= 0 ? '+' : '-';
    const offset = abs(this.utcOffsetMinutes);
    return (
      `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
      `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
      `${sign}${pad(floor(offset / 60))}:${pad(offset % 60)}`
    );
  }

  /** Local date of a day as yyyymmdd. */
  dateCode(day: number): string {
    const d = new Date(day * DAY_MS);
    return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
  }
}
