/**
 * Transient InfluxDB failure: the server could not be reached, did not answer in time, or answered 5xx.
 * Callers may retry later (a Kafka consumer retries the message instead of dead-lettering it).
 */
export class InfluxUnavailableError extends Error {
  readonly code = 'INFLUX_UNAVAILABLE';
  /** Read by the messaging layer's transient-error classifier. */
  readonly retriable = true;

  constructor(
    message: string,
    /** How many HTTP attempts were made before giving up. */
    readonly attempts: number,
    /** HTTP status of the last attempt, when the server answered at all. */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'InfluxUnavailableError';
  }
}

/**
 * Permanent InfluxDB failure: the request was rejected (4xx) or the result carries an `error`
 * (bad InfluxQL, unknown database, type conflicts, partial writes). Retrying does not help.
 */
export class InfluxQueryError extends Error {
  readonly code = 'INFLUX_QUERY_FAILED';
  readonly retriable = false;

  constructor(
    message: string,
    /** HTTP status of the answer (200 for statement-level errors). */
    readonly status: number,
    /** Index of the failing statement in a multi-statement request, when the error is statement-level. */
    readonly statementId?: number,
  ) {
    super(message);
    this.name = 'InfluxQueryError';
  }
}
