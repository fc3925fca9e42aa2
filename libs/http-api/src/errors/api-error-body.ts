import { STATUS_CODES } from 'node:http';
import { FieldProblem } from './api.exception';

/** The error document of the REST contract: `{ statusCode, error, message, details? }`. */
export interface ApiErrorBody {
  statusCode: number;
  /** Reason phrase of the status, e.g. `Bad Request`. */
  error: string;
  message: string;
  details?: FieldProblem[];
}

/** Builds the error document for a status; `error` is the standard reason phrase. */
export function apiErrorBody(statusCode: number, message: string, details?: FieldProblem[]): ApiErrorBody {
  const body: ApiErrorBody = { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
  if (details && details.length > 0) body.details = details;
  return body;
}
