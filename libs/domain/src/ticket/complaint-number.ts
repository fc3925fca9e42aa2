import { createHash } from 'node:crypto';

/** Shape of a complaint number: `CS`, the report date yyyyMMdd (Asia/Shanghai), 10 RFC 4648 base32 characters. */
export const COMPLAINT_NO_PATTERN = /^CS\d{8}[A-Z2-7]{10}$/;

/** Offset of Asia/Shanghai (China Standard Time, UTC+8, no daylight saving since 1991), whose date the number shows. */
const CHINA_OFFSET_MS = 8 * 3_600_000;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** The first `chars` RFC 4648 base32 characters of a byte string (5 bits each, most significant first; no padding). */
export function base32Prefix(bytes: Uint8Array, chars: number): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5 && out.length < chars) {
      out += BASE32[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length >= chars) break;
  }
  if (out.length < chars && bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * cellscope's complaint number for a ticket: `CS` + yyyyMMdd of reportedAt in Asia/Shanghai + the first 10 base32
 * characters (50 bits) of SHA-256(ticketId). Deterministic: the same ticket always gets the same number; two
 * tickets of the same day collide with probability about n²/2⁵¹ (≈ 4·10⁻⁴ for a million tickets in one day).
 * Matches COMPLAINT_NO_PATTERN.
 */
export function complaintNumberFor(ticketId: string, reportedAt: Date): string {
  const date = new Date(reportedAt.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, '');
  const digest = createHash('sha256').update(ticketId, 'utf8').digest();
  return `CS${date}${base32Prefix(digest, 10)}`;
}
