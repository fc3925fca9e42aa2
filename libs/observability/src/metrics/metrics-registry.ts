import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * The process-wide Prometheus registry served at `/metrics`. One per process (metrics are process state), with the
 * default Node.js process metrics registered once.
 */
export const metricsRegistry = new Registry();

collectDefaultMetrics({ register: metricsRegistry });
