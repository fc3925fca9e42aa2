import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo, createServer as createTcpServer } from 'node:net';

/** One request the proxy saw. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** What the proxy does with the next request. */
export type ProxyFault = { kind: 'status'; status: number } | { kind: 'hang' };

/**
 * A local HTTP proxy in front of the real InfluxDB for failure tests: it records every request and, while
 * faults are queued, answers with them (an HTTP status, or no answer at all) instead of forwarding.
 */
export class InfluxFaultProxy {
  readonly seen: SeenRequest[] = [];
  private readonly faults: ProxyFault[] = [];
  private persistentFault: ProxyFault | undefined;
  private readonly hanging = new Set<ServerResponse>();
  private server: Server | undefined;
  url = '';

  constructor(private readonly target: string) {}

  /** Starts listening on a free loopback port. */
  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Answers the next requests with these faults, one each. */
  failNext(...faults: ProxyFault[]): void {
    this.faults.push(...faults);
  }

  /** Answers every request with this fault until cleared (undefined). */
  failAlways(fault: ProxyFault | undefined): void {
    this.persistentFault = fault;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    this.seen.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body });
    const fault = this.faults.shift() ?? this.persistentFault;
    if (fault?.kind === 'hang') {
      this.hanging.add(res);
      return;
    }
    if (fault?.kind === 'status') {
      res.writeHead(fault.status, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: `injected ${fault.status}` }));
      return;
    }
    const headers: Record<string, string> = {};
    if (req.headers['content-type']) headers['Content-Type'] = req.headers['content-type'];
    const upstream = await fetch(`${this.target}${req.url}`, { method: req.method, headers, body: req.method === 'GET' ? undefined : body });
    const answer = Buffer.from(await upstream.arrayBuffer());
    const out: Record<string, string> = {};
    upstream.headers.forEach((value, key) => {
      if (!['content-length', 'transfer-encoding', 'connection', 'content-encoding'].includes(key)) out[key] = value;
    });
    res.writeHead(upstream.status, out).end(answer);
  }

  /** Stops listening and drops hanging requests. */
  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    const server = this.server;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }
}

/** A loopback TCP port that nothing listens on (bound, then released). */
export async function closedLoopbackPort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
