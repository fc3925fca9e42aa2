import { describeTimestampProblem, parseContractTimestamp } from '@cellscope/contracts';
import { ApiException } from '../errors/api.exception';

/**
 * A timestamp parameter as a Date (undefined stays undefined); INVALID_ARGUMENT naming the field when it is not an
 * ISO 8601 timestamp with an offset, not a calendar date, or outside the supported range (REST and gRPC alike).
 */
export function parseTimestamp(value: string | undefined, field: string): Date | undefined {
  if (value === undefined) return undefined;
  const parsed = parseContractTimestamp(value);
  if (!parsed.ok) throw ApiException.invalid([{ field, message: describeTimestampProblem(field, parsed.problem) }]);
  return parsed.date;
}
