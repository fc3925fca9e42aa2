import { HttpStatus } from '@nestjs/common';
import { ApiErrorCode } from './api-error-code';

/** The HTTP status of an API error code (exhaustive: a new code does not compile until it is mapped here). */
export function httpStatusFor(code: ApiErrorCode): HttpStatus {
  switch (code) {
    case ApiErrorCode.INVALID_ARGUMENT:
      return HttpStatus.BAD_REQUEST;
    case ApiErrorCode.UNAUTHENTICATED:
      return HttpStatus.UNAUTHORIZED;
    case ApiErrorCode.PERMISSION_DENIED:
      return HttpStatus.FORBIDDEN;
    case ApiErrorCode.NOT_FOUND:
      return HttpStatus.NOT_FOUND;
    case ApiErrorCode.RATE_LIMITED:
      return HttpStatus.TOO_MANY_REQUESTS;
    case ApiErrorCode.UNAVAILABLE:
      return HttpStatus.SERVICE_UNAVAILABLE;
    case ApiErrorCode.INTERNAL:
      return HttpStatus.INTERNAL_SERVER_ERROR;
    default: {
      const unmapped: never = code;
      throw new Error(`unmapped API error code ${String(unmapped)}`);
    }
  }
}
