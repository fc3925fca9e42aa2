import { Counter, Gauge, Histogram } from 'prom-client';
import { metricsRegistry } from './metrics-registry';

const registers = [metricsRegistry];

/** Latency of HTTP requests by route template (never the raw URL), method and status code. */
export const httpRequestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request latency in seconds',
  labelNames: ['route', 'method', 'status'] as const,
  buckets: [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers,
});

/** Latency of KPI store queries; `operation` is the KpiRepository method (sumWindow, series, latestIntervals, dataThrough). */
export const kpiQueryDuration = new Histogram({
  name: 'kpi_query_duration_seconds',
  help: 'KPI store query latency in seconds',
  labelNames: ['operation'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers,
});

/** Messages handled by the Kafka consumers; `outcome` is e.g. processed, dead_lettered, retried, skipped. */
export const consumerMessages = new Counter({
  name: 'consumer_messages_total',
  help: 'Messages consumed, by topic and outcome',
  labelNames: ['topic', 'outcome'] as const,
  registers,
});

/** Time spent processing one consumed message (or one batch), by topic. */
export const consumerProcessing = new Histogram({
  name: 'consumer_processing_seconds',
  help: 'Message processing time in seconds, by topic',
  labelNames: ['topic'] as const,
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers,
});

/** Consumer lag (high watermark minus committed offset), by topic and partition. */
export const consumerLag = new Gauge({
  name: 'consumer_lag',
  help: 'Consumer lag in messages, by topic and partition',
  labelNames: ['topic', 'partition'] as const,
  registers,
});
