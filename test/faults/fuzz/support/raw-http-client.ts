import { Agent, request } from 'node:http';

/** One HTTP request as the fuzzer sends it: the path is sent byte for byte (already encoded, or deliberately not). */
export interface RawHttpRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

/** The answer, or the transport failure (a reset connection counts as a crash of the request). */
export interface RawHttpResponse {
  status: number;
  contentType: string;
  body: string;
}

/**
 * A keep-alive HTTP/1.1 client for many small requests to one server on this machine: no URL normalisation, so paths
 * with malformed percent-encoding or dot segments arrive as written.
 */
export class RawHttpClient {
  private readonly agent: Agent;

  constructor(
    private readonly host: string,
    private readonly port: number,
    maxSockets: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  send(req: RawHttpRequest, timeoutMs = 30_000): Promise<RawHttpResponse> {
    return new Promise((resolve, reject) => {
      const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body, 'utf8');
      const headers: Record<string, string | number> = { ...req.headers };
      if (body !== undefined) headers['content-length'] = body.length;
      const outgoing = request(
        { host: this.host, port: this.port, method: req.method, path: req.path, headers, agent: this.agent, timeout: timeoutMs, insecureHTTPParser: false },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, contentType: String(response.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }),
          );
          response.on('error', reject);
        },
      );
      outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      outgoing.on('error', reject);
      if (body !== undefined) outgoing.write(body);
      outgoing.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Runs `work` over the items with at most `concurrency` in flight; results in item order. */
export async function inPool<T, R>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  });
  await Promise.all(workers);
  return results;
}
