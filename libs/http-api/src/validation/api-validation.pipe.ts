import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiException, FieldProblem } from '../errors/api.exception';

function problemsOf(errors: ValidationError[], prefix = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) problems.push({ field, message });
    if (error.children?.length) problems.push(...problemsOf(error.children, field));
  }
  return problems;
}

/** Property names the whitelist never sees: class-transformer turns them into the prototype or constructor. */
const RESERVED_PROPERTIES = ['__proto__', 'constructor', 'prototype'];

/**
 * A ValidationPipe that also refuses `__proto__`, `constructor` and `prototype` parameters: class-transformer and
 * class-validator treat them as the instance's prototype or class rather than as properties, so `?__proto__=x`
 * would otherwise pass the whitelist unnoticed.
 */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (value !== null && typeof value === 'object') {
      const reserved = RESERVED_PROPERTIES.filter((name) => Object.prototype.hasOwnProperty.call(value, name));
      if (reserved.length > 0) throw ApiException.invalid(reserved.map((field) => ({ field, message: `property ${field} should not exist` })));
    }
    return super.transform(value, metadata);
  }
}

/**
 * Validates path, query and body DTOs (class-validator): transforms to the DTO class, rejects unknown properties,
 * and turns failures into an INVALID_ARGUMENT ApiException whose message names the field.
 */
export function createApiValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => ApiException.invalid(problemsOf(errors)),
  });
}
