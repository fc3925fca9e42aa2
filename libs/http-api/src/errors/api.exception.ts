import { ApiErrorCode } from './api-error-code';

/** One field that failed validation, named by its path (`limit`, `location.lat`). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** An error an API caller may see: a code, a message meant for the caller and optional field details. */
export class ApiException extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: FieldProblem[],
  ) {
    super(message);
    this.name = 'ApiException';
  }

  /** Bad input; the message names the first offending field, `details` lists all of them. */
  static invalid(problems: FieldProblem[]): ApiException {
    const first = problems[0];
    const message = first ? (first.message.includes(first.field) ? first.message : `${first.field}: ${first.message}`) : 'invalid input';
    return new ApiException(ApiErrorCode.INVALID_ARGUMENT, message, problems);
  }

  static notFound(message: string): ApiException {
    return new ApiException(ApiErrorCode.NOT_FOUND, message);
  }
}
