import { ApiException } from '../errors/api.exception';

/** A validated timestamp query value as a Date (undefined stays undefined); INVALID_ARGUMENT naming the field if impossible. */
export function parseTimestamp(value: string | undefined, field: string): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw ApiException.invalid([{ field, message: `${field} is not a valid date` }]);
  return date;
}
