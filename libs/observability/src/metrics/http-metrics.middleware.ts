import { Injectable, NestMiddleware } from '@nestjs/common';
import { IncomingMessage, ServerResponse } from 'node:http';
import { httpRequestDuration } from './cellscope-metrics';

/** The request as Express leaves it once a route matched (`route.path` is the template, e.g. `/cells/:cellId`). */
interface RoutedRequest extends IncomingMessage {
  route?: { path?: unknown };
  baseUrl?: string;
}

/** Records the latency of every HTTP request in `http_request_duration_seconds` by route template, method and status. */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  use(req: RoutedRequest, res: ServerResponse, next: () => void): void {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const path = typeof req.route?.path === 'string' ? `${req.baseUrl ?? ''}${req.route.path}` : '';
      // Unknown URLs end in the catch-all route: one label for all of them, never the raw URL (cardinality).
      const template = path === '' || path.includes('*') ? 'unmatched' : path;
      httpRequestDuration.observe({ route: template, method: req.method ?? 'UNKNOWN', status: String(res.statusCode) }, seconds);
    });
    next();
  }
}
