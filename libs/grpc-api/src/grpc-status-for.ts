import { status } from '@grpc/grpc-js';
import { ApiErrorCode } from '@cellscope/http-api';

/** The gRPC status of an API error code (exhaustive: a new code does not compile until it is mapped here). */
export function grpcStatusFor(code: ApiErrorCode): status {
  switch (code) {
    case ApiErrorCode.INVALID_ARGUMENT:
      return status.INVALID_ARGUMENT;
    case ApiErrorCode.UNAUTHENTICATED:
      return status.UNAUTHENTICATED;
    case ApiErrorCode.PERMISSION_DENIED:
      return status.PERMISSION_DENIED;
    case ApiErrorCode.NOT_FOUND:
      return status.NOT_FOUND;
    case ApiErrorCode.RATE_LIMITED:
      return status.RESOURCE_EXHAUSTED;
    case ApiErrorCode.UNAVAILABLE:
      return status.UNAVAILABLE;
    case ApiErrorCode.INTERNAL:
      return status.INTERNAL;
    default: {
      const unmapped: never = code;
      throw new Error(`unmapped API error code ${String(unmapped)}`);
    }
  }
}
