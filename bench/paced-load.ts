/**
 * Open-loop load at a constant rate for the API benchmark: request n is due at start + n / rate, whatever happened to
 * the requests before it, and its latency counts from that due time (so a stall of the server or of this client
 * shows up in the figures instead of silently lowering the rate). Requests go over `connections` keep-alive
 * connections, each carrying one request at a time; a request that finds them all busy waits for a free one, and
 * that wait is part of its latency.
 *
 * autocannon's own fixed-rate mode (overallRate) is not used for the target figure: it lets every connection send
 * its share of a second's requests back to back as soon as the second starts (500 req/s over 50 connections = bursts
 * of 50 concurrent requests until the second's quota is spent, then silence), and it corrects for coordinated
 * omission with an interval of ceil(1 / per-connection rate) = 1 ms, which adds d − 1 synthetic samples for a
 * response of d ms. Both measure a burst pattern, not a steady 500 req/s.
 *
 * The client writes prepared GET requests on plain sockets and reads responses by Content-Length (what the API's JSON
 * responses carry), so that on a small machine it takes as little CPU as possible away from the server it measures;
 * Node's http client cost about twice autocannon's CPU per request. A response without Content-Length counts as an
 * error.
 */
import { connect, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface PacedLoadOptions {
  /** Base URL, e.g. http://127.0.0.1:3000 */
  url: string;
  /** Requests per second. */
  rate: number;
  /** Seconds of load. */
  seconds: number;
  /** Keep-alive connections, each carrying one request at a time. */
  connections: number;
  headers: Record<string, string>;
  /** Path of the next request. */
  path: () => string;
  /** Per-request timeout; a request that takes longer counts as an error and its connection is replaced. */
  timeoutMs?: number;
}

export interface PacedLoadResult {
  sent: number;
  /** Answered requests per second over the run (first due time to last answer). */
  reqPerSec: number;
  /** Latency from the due time, milliseconds. */
  latency: { p50: number; p90: number; p99: number; p999: number; max: number; mean: number };
  /** Largest delay between a request's due time and the moment this client wrote it to a free connection, ms. */
  maxSendLagMs: number;
  ok2xx: number;
  non2xx: number;
  errors: number;
  /** Error messages and how often each occurred. */
  errorKinds: Record<string, number>;
}

interface InFlight {
  index: number;
  due: number;
  timer: NodeJS.Timeout;
}

const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /\r\ncontent-length:[ \t]*(\d+)/i;

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

/** One keep-alive connection: writes a request, parses its response, reports the status (or an error). */
class Connection {
  private socket: Socket | undefined;
  private buffer: Buffer = Buffer.alloc(0);
  private current: InFlight | undefined;

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly onDone: (connection: Connection, request: InFlight, outcome: number | Error) => void,
  ) {}

  get busy(): boolean {
    return this.current !== undefined;
  }

  send(request: InFlight, bytes: Buffer): void {
    this.current = request;
    if (!this.socket) this.open();
    this.socket!.write(bytes);
  }

  /** Ends the current request with an error and drops the socket (the next send opens a new one). */
  fail(error: Error): void {
    this.socket?.destroy();
    this.socket = undefined;
    this.buffer = Buffer.alloc(0);
    const request = this.current;
    this.current = undefined;
    if (request) this.onDone(this, request, error);
  }

  close(): void {
    this.socket?.destroy();
    this.socket = undefined;
  }

  private open(): void {
    const socket = connect({ host: this.host, port: this.port, noDelay: true });
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => this.read(chunk));
    socket.on('error', (error) => {
      if (this.socket === socket) this.fail(error);
    });
    socket.on('close', () => {
      if (this.socket === socket) this.fail(new Error('connection closed by the server'));
    });
  }

  private read(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const headerEnd = this.buffer.indexOf(HEADER_END);
    if (headerEnd < 0) return;
    const head = this.buffer.toString('latin1', 0, headerEnd);
    const length = CONTENT_LENGTH.exec(head);
    if (!length) {
      this.fail(new Error('response without Content-Length'));
      return;
    }
    const total = headerEnd + HEADER_END.length + Number(length[1]);
    if (this.buffer.length < total) return;
    if (this.buffer.length > total) {
      this.fail(new Error('unexpected bytes after the response'));
      return;
    }
    this.buffer = Buffer.alloc(0);
    const status = Number(head.slice(9, 12));
    const request = this.current;
    this.current = undefined;
    if (request) this.onDone(this, request, status);
  }
}

/** Runs the load and resolves once every request has been answered or has failed. */
export function runPacedLoad(options: PacedLoadOptions): Promise<PacedLoadResult> {
  const target = new URL(options.url);
  const host = target.hostname;
  const port = Number(target.port || 80);
  const headerLines = Object.entries({ Host: target.host, ...options.headers })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  const total = Math.round(options.rate * options.seconds);
  const intervalMs = 1000 / options.rate;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const latencies = new Float64Array(total);
  const idle: Connection[] = [];
  const waiting: { index: number; due: number }[] = [];
  const errorKinds: Record<string, number> = {};
  let sent = 0;
  let finished = 0;
  let ok2xx = 0;
  let non2xx = 0;
  let errors = 0;
  let maxSendLagMs = 0;
  const startedAt = performance.now() + 10;

  return new Promise((resolve) => {
    const dispatch = (connection: Connection, index: number, due: number): void => {
      maxSendLagMs = Math.max(maxSendLagMs, performance.now() - due);
      const timer = setTimeout(() => connection.fail(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      connection.send({ index, due, timer }, Buffer.from(`GET ${options.path()} HTTP/1.1\r\n${headerLines}\r\n`, 'latin1'));
    };

    const onDone = (connection: Connection, request: InFlight, outcome: number | Error): void => {
      clearTimeout(request.timer);
      latencies[request.index] = performance.now() - request.due;
      if (outcome instanceof Error) {
        errors += 1;
        errorKinds[outcome.message] = (errorKinds[outcome.message] ?? 0) + 1;
      } else if (outcome >= 200 && outcome < 300) ok2xx += 1;
      else non2xx += 1;
      finished += 1;
      const next = waiting.shift();
      if (next) dispatch(connection, next.index, next.due);
      else idle.push(connection);
      if (finished === total) done();
    };

    for (let i = 0; i < options.connections; i++) idle.push(new Connection(host, port, onDone));
    const connections = [...idle];

    const tick = (): void => {
      const now = performance.now();
      while (sent < total && startedAt + sent * intervalMs <= now) {
        const due = startedAt + sent * intervalMs;
        // The connection idle longest goes first, so none sits idle into the server's keep-alive timeout.
        const connection = idle.shift();
        if (connection) dispatch(connection, sent, due);
        else waiting.push({ index: sent, due });
        sent += 1;
      }
      if (sent < total) setTimeout(tick, Math.max(0, startedAt + sent * intervalMs - performance.now()));
    };

    const done = (): void => {
      const elapsedS = (performance.now() - startedAt) / 1000;
      for (const connection of connections) connection.close();
      const sorted = latencies.slice().sort();
      const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length);
      resolve({
        sent,
        reqPerSec: Math.round((ok2xx + non2xx) / elapsedS),
        latency: {
          p50: round2(percentile(sorted, 50)),
          p90: round2(percentile(sorted, 90)),
          p99: round2(percentile(sorted, 99)),
          p999: round2(percentile(sorted, 99.9)),
          max: round2(sorted[sorted.length - 1] ?? NaN),
          mean: round2(mean),
        },
        maxSendLagMs: round2(maxSendLagMs),
        ok2xx,
        non2xx,
        errors,
        errorKinds,
      });
    };

    if (total === 0) done();
    else setTimeout(tick, 10);
  });
}
