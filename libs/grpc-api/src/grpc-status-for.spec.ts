import { status } from '@grpc/grpc-js';
import { ApiErrorCode } from '@cellscope/http-api';
import { grpcStatusFor } from './grpc-status-for';

describe('grpcStatusFor', () => {
  it('maps every error code to its gRPC status', () => {
    const mapped = Object.fromEntries(Object.values(ApiErrorCode).map((code) => [code, grpcStatusFor(code)]));
    expect(mapped).toEqual({
      INVALID_ARGUMENT: status.INVALID_ARGUMENT,
      UNAUTHENTICATED: status.UNAUTHENTICATED,
      PERMISSION_DENIED: status.PERMISSION_DENIED,
      NOT_FOUND: status.NOT_FOUND,
      RATE_LIMITED: status.RESOURCE_EXHAUSTED,
      UNAVAILABLE: status.UNAVAILABLE,
      INTERNAL: status.INTERNAL,
    });
  });
});
