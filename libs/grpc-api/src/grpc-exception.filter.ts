import { ArgumentsHost, Catch, Logger, RpcExceptionFilter } from '@nestjs/common';
import { status } from '@grpc/grpc-js';
import { ApiException } from '@cellscope/http-api';
import { Observable, throwError } from 'rxjs';
import { grpcStatusFor } from './grpc-status-for';

/** The error a gRPC handler fails with: grpc-js sends `code` as the status and `message` as its details. */
export interface GrpcError {
  code: status;
  message: string;
}

/** Maps ApiException codes to gRPC statuses; anything unexpected → INTERNAL with a generic message (logged). */
@Catch()
export class GrpcExceptionFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger(GrpcExceptionFilter.name);

  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    if (exception instanceof ApiException) {
      return throwError(() => ({ code: grpcStatusFor(exception.code), message: exception.message }) satisfies GrpcError);
    }
    this.logger.error(exception instanceof Error ? exception : new Error(String(exception)));
    return throwError(() => ({ code: status.INTERNAL, message: 'Internal server error' }) satisfies GrpcError);
  }
}
