import { AppConfig } from '@cellscope/config';
import { InfluxQueryError, InfluxUnavailableError } from './influx.errors';
import { InfluxQueryResultCollector, InfluxStatementResult } from './influx-query-result';

/** Connection settings of an InfluxHttpClient. */
export interface InfluxHttpClientOptions {
  /** Base URL, e.g. http://127.0.0.1:8086 (a path prefix is kept). */
  url: string;
  database: string;
  /** Retention policy for reads and writes; absent = the database default. */
  retentionPolicy?: string;
  /** InfluxDB 2.x/3.x token, sent as `Authorization: Token …`. */
  token?: string;
  username?: string;
  password?: string;
  /** Where user/password go: HTTP basic auth (default) or the `u`/`p` query parameters. */
  credentialsIn?: 'basic' | 'query';
  /** Per-request timeout, including reading the body. Default 10 s. */
  timeoutMs?: number;
  /** Retries after the first attempt on transient failures. Default 2. */
  maxRetries?: number;
  /** First backoff delay; doubles per retry, with jitter. Default 100 ms. */
  retryBaseDelayMs?: number;
  /** Upper bound of one backoff delay. Default 2 s. */
  retryMaxDelayMs?: number;
  /**
   * Ask for gzip-compressed answers. Default false: query answers are mostly numbers, and compressing them costs
   * InfluxDB and this process more CPU than the transfer saves on a local network (measured in bench:correlate).
   */
  compressAnswers?: boolean;
}

/** Options of one `/query` request. */
export interface InfluxQueryOptions {
  /** Database to run against; default the client's. */
  database?: string;
  /** GET (read-only statements) or POST; default GET for short SELECT/SHOW requests, POST otherwise. */
  method?: 'GET' | 'POST';
  /** Ask the server to stream the answer as newline-delimited JSON chunks. */
  chunked?: boolean;
  /** Rows per chunk with `chunked` (server default 10,000). */
  chunkSize?: number;
  /** Retries after the first attempt; default the client's. */
  maxRetries?: number;
}

/** The answer of `/ping`. */
export interface InfluxPingResult {
  version: string | null;
  latencyMs: number;
}

const MAX_GET_URL_LENGTH = 4096;
const READ_ONLY_STATEMENT = /^\s*(SELECT|SHOW)\b/i;
const INTO_CLAUSE = /\bINTO\b/i;

/** A failure that another attempt may cure; carries what to report if attempts run out. */
class TransientFailure extends Error {
  constructor(
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function describeFetchError(error: unknown): string {
  const e = error as { message?: string; cause?: { code?: string; message?: string } };
  const cause = e?.cause?.code ?? e?.cause?.message;
  return cause ? `${e.message ?? String(error)} (${cause})` : (e?.message ?? String(error));
}

/**
 * InfluxDB v1 HTTP API client (`/ping`, `/query`, `/write`) on Node's global fetch: per-request timeout,
 * bounded retries with exponential backoff and jitter on connection errors, timeouts and 5xx only, and typed
 * errors: InfluxUnavailableError (transient) vs InfluxQueryError (permanent). Works against InfluxDB 1.x and
 * the v1-compatible endpoints of 2.x/3.x.
 */
export class InfluxHttpClient {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly retryBaseDelayMs: number;
  private readonly retryMaxDelayMs: number;

  constructor(private readonly options: InfluxHttpClientOptions) {
    this.baseUrl = options.url.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxRetries = Math.max(0, options.maxRetries ?? 2);
    this.retryBaseDelayMs = options.retryBaseDelayMs ?? 100;
    this.retryMaxDelayMs = options.retryMaxDelayMs ?? 2_000;
  }

  /** A client for the InfluxDB named in the configuration. */
  static fromConfig(config: AppConfig): InfluxHttpClient {
    return new InfluxHttpClient({
      url: config.INFLUX_URL,
      database: config.INFLUX_DATABASE,
      retentionPolicy: config.INFLUX_RETENTION_POLICY || undefined,
      token: config.INFLUX_TOKEN || undefined,
      username: config.INFLUX_USERNAME || undefined,
      password: config.INFLUX_PASSWORD || undefined,
      timeoutMs: config.INFLUX_TIMEOUT_MS,
    });
  }

  /** The default database of this client. */
  get database(): string {
    return this.options.database;
  }

  /** The delay before retry number `retry` (0-based): half of min(max, base·2^retry) plus up to that half again. */
  backoffDelayMs(retry: number, random: () => number = Math.random): number {
    const ceiling = Math.min(this.retryMaxDelayMs, this.retryBaseDelayMs * 2 ** retry);
    return ceiling / 2 + random() * (ceiling / 2);
  }

  /** One `/ping` without retries (health checks); throws InfluxUnavailableError when the server does not answer 2xx. */
  async ping(): Promise<InfluxPingResult> {
    const started = performance.now();
    const response = await this.send('/ping', { method: 'GET', params: new URLSearchParams() }, 0, async (r) => {
      await r.arrayBuffer();
      return r;
    });
    return { version: response.headers.get('x-influxdb-version'), latencyMs: performance.now() - started };
  }

  /**
   * Runs InfluxQL (one statement or several separated by `;`) and returns one result per statement, times as
   * epoch milliseconds. Values must already be escaped (influxql-escaping.ts).
   */
  async query(influxql: string, options: InfluxQueryOptions = {}): Promise<InfluxStatementResult[]> {
    const params = new URLSearchParams();
    params.set('db', options.database ?? this.options.database);
    if (this.options.retentionPolicy) params.set('rp', this.options.retentionPolicy);
    params.set('epoch', 'ms');
    if (options.chunked) {
      params.set('chunked', 'true');
      if (options.chunkSize !== undefined) params.set('chunk_size', String(options.chunkSize));
    }
    const readOnly = READ_ONLY_STATEMENT.test(influxql) && !INTO_CLAUSE.test(influxql);
    let method = options.method ?? (readOnly ? 'GET' : 'POST');
    let body: string | undefined;
    if (method === 'GET') {
      params.set('q', influxql);
      if (options.method === undefined && this.baseUrl.length + params.toString().length + 8 > MAX_GET_URL_LENGTH) {
        params.delete('q');
        method = 'POST';
      }
    }
    if (method === 'POST') body = new URLSearchParams({ q: influxql }).toString();
    return this.send(
      '/query',
      { method, params, body, contentType: body !== undefined ? 'application/x-www-form-urlencoded' : undefined },
      options.maxRetries ?? this.maxRetries,
      (response) => this.readQueryAnswer(response, options.chunked === true),
    );
  }

  /** Writes line protocol (timestamps in ms) to `/write`; a 4xx (bad line, partial write, unknown database) is permanent. */
  async write(lines: string, options: { database?: string; maxRetries?: number } = {}): Promise<void> {
    const params = new URLSearchParams();
    params.set('db', options.database ?? this.options.database);
    if (this.options.retentionPolicy) params.set('rp', this.options.retentionPolicy);
    params.set('precision', 'ms');
    await this.send(
      '/write',
      { method: 'POST', params, body: lines, contentType: 'text/plain; charset=utf-8' },
      options.maxRetries ?? this.maxRetries,
      async (response) => {
        await response.arrayBuffer();
      },
    );
  }

  private headers(contentType?: string): Record<string, string> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (!this.options.compressAnswers) headers['Accept-Encoding'] = 'identity';
    if (contentType) headers['Content-Type'] = contentType;
    if (this.options.token) headers.Authorization = `Token ${this.options.token}`;
    else if (this.options.username !== undefined && (this.options.credentialsIn ?? 'basic') === 'basic') {
      const credentials = `${this.options.username}:${this.options.password ?? ''}`;
      headers.Authorization = `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}`;
    }
    return headers;
  }

  private async send<T>(
    path: string,
    request: { method: 'GET' | 'POST'; params: URLSearchParams; body?: string; contentType?: string },
    maxRetries: number,
    read: (response: Response) => Promise<T>,
  ): Promise<T> {
    if (!this.options.token && this.options.username !== undefined && this.options.credentialsIn === 'query') {
      request.params.set('u', this.options.username);
      request.params.set('p', this.options.password ?? '');
    }
    const query = request.params.toString();
    const url = `${this.baseUrl}${path}${query ? `?${query}` : ''}`;
    const init = { method: request.method, headers: this.headers(request.contentType), body: request.body };
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(url, init, read);
      } catch (e) {
        if (!(e instanceof TransientFailure)) throw e;
        if (attempt > maxRetries) {
          throw new InfluxUnavailableError(
            `InfluxDB ${request.method} ${path} failed after ${attempt} attempt(s): ${e.message}`,
            attempt,
            e.status,
            { cause: e.cause },
          );
        }
        await sleep(this.backoffDelayMs(attempt - 1));
      }
    }
  }

  private async attempt<T>(url: string, init: RequestInit, read: (response: Response) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      let response: Response;
      try {
        response = await fetch(url, { ...init, signal: controller.signal });
      } catch (e) {
        if (controller.signal.aborted) throw new TransientFailure(`no answer within ${this.timeoutMs} ms`, undefined, { cause: e });
        throw new TransientFailure(`connection failed: ${describeFetchError(e)}`, undefined, { cause: e });
      }
      if (response.status >= 500 || response.status === 429) {
        const text = await response.text().catch(() => '');
        throw new TransientFailure(`HTTP ${response.status} ${text.slice(0, 300)}`.trim(), response.status);
      }
      if (response.status >= 400) {
        const text = await response.text().catch(() => '');
        throw new InfluxQueryError(`InfluxDB rejected the request: HTTP ${response.status} ${extractError(text)}`.trim(), response.status);
      }
      try {
        return await read(response);
      } catch (e) {
        if (e instanceof InfluxQueryError || e instanceof TransientFailure) throw e;
        if (e instanceof InfluxUnavailableError) throw new TransientFailure(e.message, response.status);
        if (controller.signal.aborted) throw new TransientFailure(`answer not complete within ${this.timeoutMs} ms`, response.status, { cause: e });
        throw new TransientFailure(`reading the answer failed: ${describeFetchError(e)}`, response.status, { cause: e });
      }
    } finally {
      clearTimeout(timer);
    }
  }

  private async readQueryAnswer(response: Response, chunked: boolean): Promise<InfluxStatementResult[]> {
    const collector = new InfluxQueryResultCollector(response.status);
    if (!chunked || !response.body) {
      collector.add(parseJson(await response.text()));
      return collector.results();
    }
    const decoder = new TextDecoder();
    let buffered = '';
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffered += decoder.decode(chunk, { stream: true });
      let start = 0;
      let newline = buffered.indexOf('\n', start);
      while (newline >= 0) {
        const line = buffered.slice(start, newline).trim();
        if (line) collector.add(parseJson(line));
        start = newline + 1;
        newline = buffered.indexOf('\n', start);
      }
      buffered = buffered.slice(start);
    }
    buffered += decoder.decode();
    if (buffered.trim()) collector.add(parseJson(buffered.trim()));
    return collector.results();
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new InfluxUnavailableError(`InfluxDB answered invalid JSON: ${text.slice(0, 200)}`, 1);
  }
}

function extractError(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown };
    if (typeof body.error === 'string') return body.error;
    if (typeof body.message === 'string') return body.message;
  } catch {
    // not JSON: fall through
  }
  return text.slice(0, 300);
}
