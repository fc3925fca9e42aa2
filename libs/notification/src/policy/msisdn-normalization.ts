/**
 * The form the notifier keys subscribers by: the MSISDN without a leading + (contracts allow one), so the same
 * subscriber seen in a ticket (`+86138…`) and in usage records (`86138…`) gets one notice and one daily count.
 */
export function normalizeMsisdn(msisdn: string): string {
  const trimmed = msisdn.trim();
  return trimmed.startsWith('+') ? trimmed.slice(1) : trimmed;
}
