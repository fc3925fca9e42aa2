import { ValidationError, ValidationPipe } from '@nestjs/common';
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

/**
 * Validates path, query and body DTOs (class-validator): transforms to the DTO class, rejects unknown properties,
 * and turns failures into an INVALID_ARGUMENT ApiException whose message names the field.
 */
export function createApiValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => ApiException.invalid(problemsOf(errors)),
  });
}
