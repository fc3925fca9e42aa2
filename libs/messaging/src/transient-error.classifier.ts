const TRANSIENT_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

const TRANSIENT_MESSAGES = [
  'Connection terminated',
  'connection timeout',
  'Connection refused',
  'the database system is starting up',
  'the database system is shutting down',
  'terminating connection',
  'Client has encountered a connection error',
  'timeout exceeded when trying to connect',
  'Driver not Connected',
  // InfluxDB: the configured database does not exist (yet): a deployment problem, not a bad message.
  'database not found',
];

/** Error class names that adapters use for a dependency outage. */
const TRANSIENT_ERROR_NAMES = new Set(['InfluxUnavailableError', 'DependencyUnavailableError', 'KafkaJSConnectionError', 'KafkaJSRequestTimeoutError']);

/**
 * True when an error means "a dependency is down or busy, try again later" (connection failures, PostgreSQL
 * connection/shutdown/resource/serialization SQLSTATEs, InfluxDB outages), false for everything else.
 */
export function isTransientError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as { name?: unknown; code?: unknown; message?: unknown; cause?: unknown; driverError?: unknown; retriable?: unknown };
  if (typeof e.name === 'string' && TRANSIENT_ERROR_NAMES.has(e.name)) return true;
  if (e.retriable === true) return true;
  if (typeof e.code === 'string') {
    if (TRANSIENT_NODE_CODES.has(e.code)) return true;
    // PostgreSQL SQLSTATE classes: 08 connection exception, 53 insufficient resources, 57P0x shutdown/cannot connect now.
    if (/^(08|53)[0-9A-Z]{3}$/.test(e.code) || /^57P0[1-4]$/.test(e.code) || e.code === '40001' || e.code === '40P01') return true;
  }
  if (typeof e.message === 'string' && TRANSIENT_MESSAGES.some((m) => (e.message as string).includes(m))) return true;
  return isTransientError(e.cause, depth + 1) || isTransientError(e.driverError, depth + 1);
}
