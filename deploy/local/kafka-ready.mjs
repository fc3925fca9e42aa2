// Exits 0 and prints the cluster id, controller and broker list when a Kafka metadata
// request succeeds; exits 1 otherwise. Used by deploy/local/up to decide "Kafka answers".
// With --warm-up it also makes a fresh broker do its first-use work before the tests do: create
// the group-offsets topic (a consumer-group look-up) and fetch a block of producer ids from the
// controller (an idempotent producer's InitProducerId), so the first consumers and producers do
// not meet "group coordinator not available" / "coordinator is loading" errors.
// Usage: node deploy/local/kafka-ready.mjs <host:port[,host:port]> [timeoutMs] [--warm-up]
import kafkajs from 'kafkajs';

const { Kafka, logLevel } = kafkajs;
const args = process.argv.slice(2).filter((arg) => arg !== '--warm-up');
const warmUp = process.argv.includes('--warm-up');
const brokers = (args[0] ?? '127.0.0.1:9092').split(',');
const timeoutMs = Number(args[1] ?? 3000);

const kafka = new Kafka({
  clientId: 'cellscope-stack-check',
  brokers,
  connectionTimeout: timeoutMs,
  requestTimeout: timeoutMs,
  retry: warmUp ? { retries: 10, initialRetryTime: 200 } : { retries: 0 },
  logLevel: logLevel.NOTHING,
});
const admin = kafka.admin();
const guard = setTimeout(() => {
  console.error(`no answer from ${brokers.join(',')} within ${timeoutMs} ms`);
  process.exit(1);
}, warmUp ? timeoutMs * 10 : timeoutMs + 1000);

try {
  await admin.connect();
  const cluster = await admin.describeCluster();
  const nodes = cluster.brokers.map((b) => `${b.nodeId}@${b.host}:${b.port}`).join(',');
  if (warmUp) {
    await admin.describeGroups(['cellscope-stack-warm-up']);
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.disconnect();
  }
  console.log(`clusterId=${cluster.clusterId} controller=${cluster.controller} brokers=${nodes}`);
  await admin.disconnect();
  clearTimeout(guard);
  process.exit(0);
} catch (error) {
  console.error(`Kafka at ${brokers.join(',')} did not answer: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
