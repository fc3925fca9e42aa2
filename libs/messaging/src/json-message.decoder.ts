import { ContractParseResult, DeadLetterError, FieldError, describeFieldErrors } from '@cellscope/contracts';
import { InboundMessage } from './inbound-message';

/** Largest message value accepted on an input topic. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

export type DecodeResult<T> = { ok: true; value: T } | { ok: false; error: DeadLetterError };

/**
 * Decodes a message value as UTF-8 JSON and validates it with a contract parser; any failure becomes a
 * dead-letter reason (never an exception), so one bad message never blocks its partition.
 */
export function decodeJsonMessage<T>(
  message: InboundMessage,
  parse: (raw: unknown) => ContractParseResult<T>,
  maxBytes = MAX_MESSAGE_BYTES,
): DecodeResult<T> {
  if (!message.value || message.value.length === 0) return { ok: false, error: { code: 'EMPTY', message: 'empty message value' } };
  if (message.value.length > maxBytes) {
    return { ok: false, error: { code: 'OVERSIZE', message: `value is ${message.value.length} bytes, limit ${maxBytes}` } };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(message.value);
  } catch {
    return { ok: false, error: { code: 'INVALID_JSON', message: 'value is not valid UTF-8' } };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: { code: 'INVALID_JSON', message: `value is not JSON: ${(e as Error).message}`.slice(0, 300) } };
  }
  let parsed: ContractParseResult<T>;
  try {
    parsed = parse(raw);
  } catch (e) {
    // A validator that throws on some input (e.g. a stack overflow) must still dead-letter the message, not block it.
    return { ok: false, error: { code: 'INVALID_CONTRACT', message: `value could not be validated: ${(e as Error).message}`.slice(0, 300) } };
  }
  if (!parsed.ok) return { ok: false, error: { code: 'INVALID_CONTRACT', message: describeFieldErrors(parsed.errors as FieldError[]).slice(0, 1000) } };
  return { ok: true, value: parsed.value };
}
