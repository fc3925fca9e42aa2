import 'reflect-metadata';
import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { findRawShapeProblems } from './raw-json-shape';

/** One reason an input was rejected, naming the field by its path (e.g. `location.lat`, `cellIds.3`). */
export interface FieldError {
  field: string;
  message: string;
}

export type ContractParseResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) out.push({ field, message });
    if (error.children?.length) out.push(...flatten(error.children, field));
  }
  return out;
}

/**
 * Validates an already-parsed JSON value against a contract class, transport-independent: the Kafka handlers and
 * the HTTP controllers call the same function. Unknown properties are dropped (producers may add optional fields),
 * values are never coerced ("5" is not a number). Values nested too deep or with strings PostgreSQL cannot store
 * (NUL, lone surrogates) are refused first (raw-json-shape.ts).
 */
export function validateContract<T extends object>(type: ClassConstructor<T>, raw: unknown): ContractParseResult<T> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, errors: [{ field: '$', message: 'must be a JSON object' }] };
  }
  const shapeProblems = findRawShapeProblems(raw);
  if (shapeProblems.length > 0) return { ok: false, errors: shapeProblems };
  const instance = plainToInstance(type, raw, { enableImplicitConversion: false, exposeDefaultValues: false });
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: false, forbidUnknownValues: true });
  if (errors.length > 0) return { ok: false, errors: flatten(errors) };
  return { ok: true, value: instance };
}

/** Summarises field errors in one line for a dead-letter reason or a log line. */
export function describeFieldErrors(errors: readonly FieldError[]): string {
  return errors.map((e) => `${e.field}: ${e.message}`).join('; ');
}
