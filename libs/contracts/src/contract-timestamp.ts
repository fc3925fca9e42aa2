/**
 * Timestamps of the contracts (TicketEvent, UsageRecord) and of API time parameters: ISO 8601 with an offset, a real
 * calendar date (no 30 February, no hour 24) and within the range cellscope can store and query. InfluxDB keeps time
 * as int64 nanoseconds (1677-09-21..2262-04-11) and rejects a query bound outside it, so a bound outside the supported
 * range would make a KPI query fail for every retry instead of rejecting the input once.
 */
export const EARLIEST_SUPPORTED_TIME = new Date('1970-01-01T00:00:00.000Z');
/** Exclusive upper bound of a supported timestamp. */
export const LATEST_SUPPORTED_TIME = new Date('2200-01-01T00:00:00.000Z');

const ISO_PARTS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))$/;

/** Why a timestamp text was refused. */
export type TimestampProblem = 'format' | 'calendar' | 'range';

export type ContractTimestampResult = { ok: true; date: Date } | { ok: false; problem: TimestampProblem };

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses a contract timestamp strictly (format, calendar, supported range). */
export function parseContractTimestamp(text: string): ContractTimestampResult {
  const parts = ISO_PARTS.exec(text);
  if (!parts) return { ok: false, problem: 'format' };
  const [year, month, day, hour, minute] = parts.slice(1, 6).map(Number);
  const second = parts[6] === undefined ? 0 : Number(parts[6]);
  const offsetHours = parts[7] === undefined ? 0 : Number(parts[7]);
  const offsetMinutes = parts[8] === undefined ? 0 : Number(parts[8]);
  const calendarOk =
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59 && offsetHours <= 14 && offsetMinutes <= 59;
  if (!calendarOk) return { ok: false, problem: 'calendar' };
  // V8 parses `+hh:mm` but not every `+hhmm`; normalise the offset before handing the text to Date.
  const date = new Date(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (Number.isNaN(date.getTime())) return { ok: false, problem: 'calendar' };
  if (date.getTime() < EARLIEST_SUPPORTED_TIME.getTime() || date.getTime() >= LATEST_SUPPORTED_TIME.getTime()) return { ok: false, problem: 'range' };
  return { ok: true, date };
}

/** The message naming `field` for a refused timestamp. */
export function describeTimestampProblem(field: string, problem: TimestampProblem): string {
  switch (problem) {
    case 'format':
      return `${field} must be an ISO 8601 timestamp with an offset, e.g. 2026-12-04T20:15:00+08:00`;
    case 'calendar':
      return `${field} is not a valid date`;
    case 'range':
      return `${field} must be from ${EARLIEST_SUPPORTED_TIME.toISOString().slice(0, 10)} up to (excluding) ${LATEST_SUPPORTED_TIME.toISOString().slice(0, 10)}`;
  }
}
