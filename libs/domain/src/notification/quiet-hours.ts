import { zonedFields, zonedToInstant } from '../time/zoned-time';

/** Quiet hours as minutes after local midnight; start === end means no quiet hours. */
export interface QuietHours {
  startMinute: number;
  endMinute: number;
}

const QUIET_HOURS_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/;

/** Parses `HH:MM-HH:MM` (e.g. `22:00-08:00`, crossing midnight, or `12:00-14:00`); throws on anything else. */
export function parseQuietHours(text: string): QuietHours {
  const match = QUIET_HOURS_PATTERN.exec(text.trim());
  if (!match) throw new RangeError(`quiet hours must be HH:MM-HH:MM, got "${text}"`);
  return { startMinute: Number(match[1]) * 60 + Number(match[2]), endMinute: Number(match[3]) * 60 + Number(match[4]) };
}

/**
 * The earliest time an SMS created at `createdAt` may be delivered: createdAt itself outside quiet hours, else the
 * end of the quiet period in `timeZone`. Quiet hours are [start, end) local time; when start > end they cross
 * midnight (22:00-08:00: 23:30 → 08:00 next day, 03:00 → 08:00 same day); start = end means none.
 */
export function notBeforeFor(createdAt: Date, quietHours: string | QuietHours, timeZone: string): Date {
  const quiet = typeof quietHours === 'string' ? parseQuietHours(quietHours) : quietHours;
  const { startMinute: start, endMinute: end } = quiet;
  if (start === end) return createdAt;
  const local = zonedFields(createdAt, timeZone);
  const minute = local.hour * 60 + local.minute;
  let dayOffset: number;
  if (start < end) {
    if (minute < start || minute >= end) return createdAt;
    dayOffset = 0;
  } else if (minute >= start) {
    dayOffset = 1;
  } else if (minute < end) {
    dayOffset = 0;
  } else {
    return createdAt;
  }
  return zonedToInstant(
    { year: local.year, month: local.month, day: local.day + dayOffset, hour: Math.floor(end / 60), minute: end % 60, second: 0 },
    timeZone,
  );
}
