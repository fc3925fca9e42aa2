import { InvalidCellIdError } from './invalid-cell-id.error';

/**
 * Everything that reaches an InfluxQL statement passes through this file: identifiers, string literals,
 * regular expressions over cell ids and time literals. Cell ids are validated against the contract's id rule
 * before any statement is built, and escaped anyway (defence in depth).
 */

/** The contract's id rule for cellId (contracts.md): 1..64 of [A-Za-z0-9._:-]. */
export const CELL_ID_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/;

/** True when `value` is a string that satisfies the cellId rule. */
export function isValidCellId(value: unknown): value is string {
  return typeof value === 'string' && CELL_ID_PATTERN.test(value);
}

/** Throws InvalidCellIdError unless `value` satisfies the cellId rule. */
export function assertCellId(value: unknown): asserts value is string {
  if (!isValidCellId(value)) throw new InvalidCellIdError(value);
}

/** Throws InvalidCellIdError on the first id outside the rule; returns the ids unchanged otherwise. */
export function assertCellIds(values: readonly unknown[]): readonly string[] {
  for (const value of values) assertCellId(value);
  return values as readonly string[];
}

function escapeQuoted(value: string, quote: '"' | "'"): string {
  let out = '';
  for (const ch of value) {
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else out += ch;
  }
  return out;
}

/**
 * A double-quoted InfluxQL identifier (measurement, tag key, field, alias): `"name"` with `\`, `"` and
 * newlines escaped. Rejects empty names and NUL characters.
 */
export function quoteIdentifier(name: string): string {
  if (typeof name !== 'string' || name.length === 0) throw new TypeError('InfluxQL identifier must be a non-empty string');
  if (name.includes('\0')) throw new TypeError('InfluxQL identifier must not contain NUL');
  return `"${escapeQuoted(name, '"')}"`;
}

/** A single-quoted InfluxQL string literal: `'value'` with `\`, `'` and newlines escaped. Rejects NUL. */
export function quoteString(value: string): string {
  if (typeof value !== 'string') throw new TypeError('InfluxQL string literal must be a string');
  if (value.includes('\0')) throw new TypeError('InfluxQL string literal must not contain NUL');
  return `'${escapeQuoted(value, "'")}'`;
}

/** Regex metacharacters and the `/` delimiter. */
const REGEX_META = /[\\.+*?()|[\]{}^$/]/g;

/**
 * `value` escaped so that, inside an InfluxQL `/…/` regex literal, it matches only itself: every regex
 * metacharacter and the `/` delimiter are backslash-escaped, a newline becomes `\n`. (Runs for every cell id of
 * every KPI statement: two native replaces, no per-character loop.)
 */
export function escapeRegexLiteral(value: string): string {
  return value.replace(REGEX_META, '\\$&').replace(/\n/g, '\\n');
}

/**
 * An anchored InfluxQL regex literal matching exactly the given cell ids: `/^(a|b\.c)$/`.
 * Every id is checked against the cellId rule first (InvalidCellIdError); an empty list is a programming error.
 */
export function cellIdRegex(cellIds: readonly string[]): string {
  if (cellIds.length === 0) throw new RangeError('cellIdRegex needs at least one cell id');
  assertCellIds(cellIds);
  return `/^(${cellIds.map(escapeRegexLiteral).join('|')})$/`;
}

function assertValidDate(date: Date): number {
  if (!(date instanceof Date)) throw new TypeError('InfluxQL time must be a Date');
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('InfluxQL time must be a valid Date');
  return ms;
}

/** A time literal as integer epoch milliseconds with the `ms` unit (`1700000000000ms`), built from a Date only. */
export function timeLiteral(date: Date): string {
  return `${assertValidDate(date)}ms`;
}

/** A time literal as an RFC3339 string (`'2026-01-01T00:00:00.000Z'`), built from a Date only. */
export function rfc3339Literal(date: Date): string {
  assertValidDate(date);
  return `'${date.toISOString()}'`;
}
