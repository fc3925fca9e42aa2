import { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import { AppConfig } from '@cellscope/config';
import { Params } from 'nestjs-pino';
import pino, { DestinationStream } from 'pino';
import { Options as PinoHttpOptions } from 'pino-http';
import { maskLogValue, maskMsisdnsInText } from './msisdn-log-masking';

/** Object paths whose value is an MSISDN: masked even when the value does not look like one. */
const MSISDN_PATHS = ['msisdn', '*.msisdn', 'req.body.msisdn', 'ticket.msisdn', 'view.msisdn', 'event.msisdn'];

/** Paths that must never reach a log line in clear (credentials). */
const SECRET_PATHS = ['req.headers["x-api-key"]', 'req.headers.authorization'];

/** Requests polled by infrastructure; logging each would drown the log. */
const QUIET_PATHS = new Set(['/health/live', '/health/ready', '/metrics']);

interface SerializedRequestLike {
  id?: unknown;
  method?: string;
  url?: string;
  remoteAddress?: string;
}

/** Redaction censor: secrets become `[Redacted]`, MSISDN fields their masked form. */
function censor(value: unknown, path: string[]): unknown {
  const last = path[path.length - 1];
  if (last === 'x-api-key' || last === 'authorization') return '[Redacted]';
  if (typeof value === 'string') return maskMsisdnsInText(value);
  return value === undefined || value === null ? value : '[Redacted]';
}

/** Serialises a request without headers (API keys) and with MSISDNs in the URL (search queries) masked. */
function serializeRequest(req: SerializedRequestLike): SerializedRequestLike {
  return {
    id: req.id,
    method: req.method,
    url: typeof req.url === 'string' ? maskMsisdnsInText(req.url) : req.url,
    remoteAddress: req.remoteAddress,
  };
}

/** Only the status of a response: its headers say nothing useful and would only grow every line. */
function serializeResponse(res: { statusCode?: number }): { statusCode?: number } {
  return { statusCode: res.statusCode };
}

/**
 * Masks MSISDNs in a log call's arguments. When an error is logged without a message, pino would take the
 * message from the error itself after this hook ran: supply the masked message here instead.
 */
function maskLogArguments(args: unknown[]): unknown[] {
  const masked = args.map((arg) => (typeof arg === 'string' ? maskMsisdnsInText(arg) : arg));
  const [first] = masked;
  const error = first instanceof Error ? first : (first as { err?: unknown } | null)?.err;
  if (error instanceof Error && typeof masked[1] !== 'string') {
    return [first instanceof Error ? { err: first } : first, maskMsisdnsInText(error.message), ...masked.slice(1)];
  }
  return masked;
}

/** Standard error serialisation with MSISDNs in message and stack masked (driver errors quote values). */
function serializeError(error: Error): unknown {
  return maskLogValue({ ...pino.stdSerializers.err(error) });
}

/** Options for the process-wide logger. */
export interface LoggerParamsOptions {
  /** Name of the app, written on every line as `service`. */
  service: string;
  /** Where log lines go; stdout when absent. Tests pass a capturing stream. */
  destination?: DestinationStream;
}

/**
 * Builds the nestjs-pino parameters: JSON lines with ISO timestamps at AppConfig.LOG_LEVEL, request logs without
 * headers, and MSISDNs masked everywhere: known fields by redaction, any MSISDN-looking number in messages and
 * logged objects by a log-method hook and the log formatter.
 */
export function buildLoggerParams(config: AppConfig, options: LoggerParamsOptions): Params {
  const pinoOptions: PinoHttpOptions = {
    level: config.LOG_LEVEL,
    base: { service: options.service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: [...MSISDN_PATHS, ...SECRET_PATHS], censor },
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => maskLogValue(object) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        method.apply(this, maskLogArguments(args) as Parameters<typeof method>);
      },
    },
    serializers: { req: serializeRequest, res: serializeResponse, err: serializeError },
    autoLogging: { ignore: (req: IncomingMessage) => QUIET_PATHS.has(req.url ?? '') },
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) => {
      if (error || res.statusCode >= 500) return 'error';
      if (res.statusCode >= 400) return 'warn';
      return 'info';
    },
  };
  return {
    pinoHttp: options.destination ? [pinoOptions, options.destination] : pinoOptions,
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
  };
}
