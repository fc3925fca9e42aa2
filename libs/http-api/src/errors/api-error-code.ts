/**
 * What went wrong with an API call, independent of the transport. Every code is mapped exhaustively to an HTTP
 * status (httpStatusFor) and a gRPC status (grpcStatusFor in @cellscope/grpc-api).
 */
export enum ApiErrorCode {
  INVALID_ARGUMENT = 'INVALID_ARGUMENT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  PERMISSION_DENIED = 'PERMISSION_DENIED',
  NOT_FOUND = 'NOT_FOUND',
  RATE_LIMITED = 'RATE_LIMITED',
  UNAVAILABLE = 'UNAVAILABLE',
  INTERNAL = 'INTERNAL',
}
