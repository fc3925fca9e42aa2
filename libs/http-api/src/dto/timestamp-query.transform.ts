import { Transform } from 'class-transformer';

/**
 * Query-string timestamps: a `+hh:mm` offset sent unencoded arrives as a space (`+` means space in query strings);
 * restore it so `2026-12-04T20:15:00+08:00` works with or without URL-encoding.
 */
export const TimestampQuery = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/ (\d{2}:?\d{2})$/, '+$1') : value));
