import { createHash } from 'node:crypto';
import type { NetworkView } from '@cellscope/domain';

/** JSON text with object keys sorted at every level; undefined members are left out, as JSON.stringify does. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const members = Object.keys(value)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${members.join(',')}}`;
}

/**
 * Content hash of a view (sha256 hex of its canonical JSON without `correlatedAt`), so a re-correlation
 * that finds the same thing hashes the same and is not reported as a change.
 */
export function hashNetworkView(view: NetworkView): string {
  const { correlatedAt: _correlatedAt, ...content } = view;
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}
