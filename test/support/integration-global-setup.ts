// Relative import on purpose: jest's globalSetup runs outside the module mapper of @cellscope/*.
import { checkStack, stackEndpoints } from './stack';

/**
 * Jest globalSetup of the integration project: Kafka, InfluxDB and PostgreSQL must answer at
 * KAFKA_BROKERS, INFLUX_URL and DATABASE_URL (or the defaults of libs/config). Integration tests
 * never skip: when a server is missing, the whole run fails here with one message naming each.
 */
export default async function integrationGlobalSetup(): Promise<void> {
  const checks = await checkStack(stackEndpoints(process.env));
  const down = checks.filter((check) => !check.ok);
  if (down.length === 0) return;
  const lines = down.map((check) => `  - ${check.service} at ${check.endpoint}: ${check.detail}`);
  throw new Error(
    [
      `Integration tests need real servers; ${down.length} of ${checks.length} did not answer:`,
      ...lines,
      'Start them with `deploy/local/up` (npm run stack:up), or point KAFKA_BROKERS / INFLUX_URL / DATABASE_URL at running ones.',
    ].join('\n'),
  );
}
