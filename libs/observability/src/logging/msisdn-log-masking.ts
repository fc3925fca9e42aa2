import { maskMsisdn } from '@cellscope/domain';

/**
 * An MSISDN-looking value inside free text: 8..15 digits (optionally after a `+`) that are not part of a longer
 * word or number. Over-masking a long numeric id is acceptable; leaking a subscriber number is not.
 */
const MSISDN_IN_TEXT = /(?<![\w+])\+?\d{8,15}(?!\w)/g;

/** How deep log objects are walked; deeper values are left as they are (pino serialises them). */
const MAX_DEPTH = 6;

/** Replaces every MSISDN-looking number in a text with its masked form (138****5678). */
export function maskMsisdnsInText(text: string): string {
  return text.replace(MSISDN_IN_TEXT, (match) => maskMsisdn(match));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Returns a copy of a log value with every MSISDN-looking number in its strings masked. Walks strings, arrays and
 * plain objects only; class instances (requests, responses, errors) are left to their pino serialisers.
 */
export function maskLogValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskMsisdnsInText(value);
  if (depth >= MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => maskLogValue(item, depth + 1));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = maskLogValue(item, depth + 1);
    return out;
  }
  return value;
}
