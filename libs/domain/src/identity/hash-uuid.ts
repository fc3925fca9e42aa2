import { createHash } from 'node:crypto';

/** Shape of the ids hashUuid returns (RFC 9562 version 8, variant 10). */
export const HASH_UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * A deterministic UUID-shaped id: the first 128 bits of SHA-256 over the parts joined by U+001F (unit separator,
 * so ['a|b','c'] and ['a','b|c'] differ), with the version nibble set to 8 and the variant bits to 10.
 */
export function hashUuid(parts: readonly string[]): string {
  const bytes = createHash('sha256').update(parts.join('\u001f'), 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
