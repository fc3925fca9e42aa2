import { zonedFields, zonedToInstant } from '@cellscope/domain';

/** The instant local midnight began, in `timeZone`, of the day that contains `at` (start of "today" for daily caps). */
export function localDayStart(at: Date, timeZone: string): Date {
  const local = zonedFields(at, timeZone);
  return zonedToInstant({ year: local.year, month: local.month, day: local.day, hour: 0, minute: 0, second: 0 }, timeZone);
}
