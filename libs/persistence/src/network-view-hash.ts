import { createHash } from 'node:crypto';
import type { NetworkView } from '@cellscope/domain';

/** Quoted object keys: views repeat a small set of keys thousands of times (bounded, in case keys are not few). */
const quotedKeys = new Map<string, string>();
const QUOTED_KEYS_MAX = 10_000;

function quoteKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (quotedKeys.size < QUOTED_KEYS_MAX) quotedKeys.set(key, quoted);
  }
  return quoted;
}

/**
 * JSON text with object keys sorted at every level; undefined members are left out, as JSON.stringify does (in
 * arrays they become null). Built by appending to one string, without intermediate arrays: it runs for every view
 * the correlator saves.
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      const item: unknown = value[i];
      out += item === undefined ? 'null' : canonicalJson(item);
    }
    return `${out}]`;
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += `${quoteKey(key)}:${canonicalJson(item)}`;
  }
  return `${out}}`;
}

/**
 * Content hash of a view (sha256 hex of its canonical JSON without `correlatedAt`), so a re-correlation
 * that finds the same thing hashes the same and is not reported as a change.
 */
export function hashNetworkView(view: NetworkView): string {
  const { correlatedAt: _correlatedAt, ...content } = view;
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}
