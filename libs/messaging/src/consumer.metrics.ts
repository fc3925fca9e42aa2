import { Counter, Histogram, register } from 'prom-client';

function counter(name: string, help: string, labelNames: string[]): Counter<string> {
  return (register.getSingleMetric(name) as Counter<string>) ?? new Counter({ name, help, labelNames });
}
function histogram(name: string, help: string, labelNames: string[], buckets: number[]): Histogram<string> {
  return (register.getSingleMetric(name) as Histogram<string>) ?? new Histogram({ name, help, labelNames, buckets });
}

/** Messages handled per topic and outcome (processed | dead-letter). */
export const consumerMessagesTotal = counter('cellscope_consumer_messages_total', 'Messages handled per topic and outcome', ['topic', 'outcome']);
/** Retries per topic and kind (transient = dependency outage). */
export const consumerRetriesTotal = counter('cellscope_consumer_retries_total', 'Batch retries per topic and kind', ['topic', 'kind']);
/** Time to handle one chunk of messages. */
export const consumerProcessingSeconds = histogram(
  'cellscope_consumer_processing_seconds',
  'Time to handle one chunk of messages',
  ['topic'],
  [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
);
