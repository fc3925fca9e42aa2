import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ApiException } from './api.exception';
import { apiErrorBody, ApiErrorBody } from './api-error-body';
import { httpStatusFor } from './http-status-for';

/** What the filter needs of the Express response. */
interface JsonResponse {
  headersSent?: boolean;
  status(code: number): JsonResponse;
  json(body: unknown): unknown;
}

/** Errors raised by Express middleware (body-parser) before Nest's router: they carry a 4xx `status`. */
interface MiddlewareError {
  status?: unknown;
  statusCode?: unknown;
  expose?: unknown;
  message?: unknown;
  /** body-parser's kind of failure, e.g. `entity.parse.failed`, `entity.too.large`, `entity.verify.failed`. */
  type?: unknown;
}

/** The message of a body-parser failure: a parse error never echoes the body; other refusals keep their own message. */
function middlewareMessage(error: MiddlewareError, status: number): string {
  if (error.type === 'entity.parse.failed' || (status === 400 && error.type === undefined)) return 'body: malformed JSON';
  return String(error.message ?? 'request failed');
}

function messageOf(response: string | object): string {
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return typeof message === 'string' ? message : 'request failed';
}

/**
 * The one HTTP exception filter: ApiException → its mapped status; Nest HttpExceptions (unknown route, payload too
 * large, rate limit) keep their status; client errors from middleware (malformed JSON) → 400; anything else → 500
 * with a generic message (details go to the log only, never to the caller).
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<JsonResponse>();
    const body = this.toBody(exception);
    if (response.headersSent) return;
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof ApiException) {
      return apiErrorBody(httpStatusFor(exception.code), exception.message, exception.details);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status >= 500) this.logger.error(exception);
      return apiErrorBody(status, status >= 500 ? 'Internal server error' : messageOf(exception.getResponse()));
    }
    const middleware = (exception ?? {}) as MiddlewareError;
    const status = Number(middleware.status ?? middleware.statusCode);
    if (Number.isInteger(status) && status >= 400 && status < 500 && middleware.expose !== false) {
      return apiErrorBody(status, middlewareMessage(middleware, status));
    }
    this.logger.error(exception instanceof Error ? exception : new Error(String(exception)));
    return apiErrorBody(HttpStatus.INTERNAL_SERVER_ERROR, 'Internal server error');
  }
}
