/**
 * Masks an MSISDN for handlers: 13812345678 → 138****5678, +8613812345678 → +86138****5678.
 * Of the n characters after an optional leading '+':
 * - n ≥ 11: the last 8 become 4 masked + 4 shown (the national 11-digit rule, country code kept);
 * - 8..10: first 3 and last 2 shown, the rest masked;
 * - 4..7: first and last shown, the rest masked;
 * - 1..3: all masked.
 * At least one character is always masked, so the full number is never returned.
 */
export function maskMsisdn(msisdn: string): string {
  const plus = msisdn.startsWith('+') ? '+' : '';
  const body = plus ? msisdn.slice(1) : msisdn;
  const n = body.length;
  if (n === 0) return plus;
  let head: number;
  let tail: number;
  let stars: number;
  if (n >= 11) {
    head = n - 8;
    tail = 4;
    stars = 4;
  } else if (n >= 8) {
    head = 3;
    tail = 2;
    stars = n - 5;
  } else if (n >= 4) {
    head = 1;
    tail = 1;
    stars = n - 2;
  } else {
    head = 0;
    tail = 0;
    stars = n;
  }
  return `${plus}${body.slice(0, head)}${'*'.repeat(stars)}${tail > 0 ? body.slice(n - tail) : ''}`;
}
