import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
// Relative import on purpose: jest's globalSetup runs outside the module mapper of @cellscope/*.
import { loadConfig } from '../../libs/config/src/load-config';

/** Where the integration tests find the real servers (same settings and defaults as the app). */
export interface StackEndpoints {
  kafkaBrokers: string[];
  influxUrl: string;
  /** The application's database URL; its database may not exist yet. */
  databaseUrl: string;
  influxToken?: string;
  influxUsername?: string;
  influxPassword?: string;
}

/** Outcome of one reachability check. */
export interface ServiceCheck {
  service: 'Kafka' | 'InfluxDB' | 'PostgreSQL';
  endpoint: string;
  ok: boolean;
  /** What answered (version, cluster id) or why not. */
  detail: string;
}

/** Endpoints from KAFKA_BROKERS, INFLUX_URL and DATABASE_URL (or their defaults), validated by loadConfig. */
export function stackEndpoints(env: NodeJS.ProcessEnv = process.env): StackEndpoints {
  const config = loadConfig(env);
  return {
    kafkaBrokers: config.KAFKA_BROKERS,
    influxUrl: config.INFLUX_URL.replace(/\/+$/, ''),
    databaseUrl: config.DATABASE_URL,
    influxToken: config.INFLUX_TOKEN,
    influxUsername: config.INFLUX_USERNAME,
    influxPassword: config.INFLUX_PASSWORD,
  };
}

/** Headers that authenticate against InfluxDB when a token or user is configured. */
export function influxAuthHeaders(endpoints: StackEndpoints): Record<string, string> {
  if (endpoints.influxToken) return { Authorization: `Token ${endpoints.influxToken}` };
  if (endpoints.influxUsername) {
    const basic = Buffer.from(`${endpoints.influxUsername}:${endpoints.influxPassword ?? ''}`).toString('base64');
    return { Authorization: `Basic ${basic}` };
  }
  return {};
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Kafka answers when an admin client connects and a metadata request (describeCluster) succeeds. */
export async function checkKafka(brokers: string[], timeoutMs = 5000): Promise<ServiceCheck> {
  const endpoint = brokers.join(',');
  const admin = new Kafka({
    clientId: 'cellscope-stack-check',
    brokers,
    connectionTimeout: timeoutMs,
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
  }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return { service: 'Kafka', endpoint, ok: true, detail: `cluster ${cluster.clusterId}, ${cluster.brokers.length} broker(s)` };
  } catch (error) {
    return { service: 'Kafka', endpoint, ok: false, detail: describe(error) };
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** InfluxDB answers when GET /ping returns 204 (1.x, and the 2.x/3.x compatibility API). */
export async function checkInflux(endpoints: StackEndpoints, timeoutMs = 5000): Promise<ServiceCheck> {
  const endpoint = endpoints.influxUrl;
  try {
    const response = await fetch(`${endpoint}/ping`, { headers: influxAuthHeaders(endpoints), signal: AbortSignal.timeout(timeoutMs) });
    if (response.status !== 204) return { service: 'InfluxDB', endpoint, ok: false, detail: `/ping answered HTTP ${response.status}` };
    return { service: 'InfluxDB', endpoint, ok: true, detail: `version ${response.headers.get('x-influxdb-version') ?? 'unknown'}` };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return { service: 'InfluxDB', endpoint, ok: false, detail: `${describe(error)}${cause}` };
  }
}

/** URL of the maintenance database `postgres` on the server of `databaseUrl` (which may not exist yet). */
export function maintenanceDatabaseUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  return url.toString();
}

/** PostgreSQL answers when `SELECT 1` succeeds on the server's `postgres` database. */
export async function checkPostgres(databaseUrl: string, timeoutMs = 5000): Promise<ServiceCheck> {
  const url = new URL(databaseUrl);
  const endpoint = `${url.hostname}:${url.port || '5432'}`;
  const client = new Client({ connectionString: maintenanceDatabaseUrl(databaseUrl), connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    const result = await client.query<{ one: number; version: string }>('SELECT 1 AS one, current_setting(\'server_version\') AS version');
    if (result.rows[0]?.one !== 1) return { service: 'PostgreSQL', endpoint, ok: false, detail: 'SELECT 1 returned no row' };
    return { service: 'PostgreSQL', endpoint, ok: true, detail: `version ${result.rows[0].version}` };
  } catch (error) {
    return { service: 'PostgreSQL', endpoint, ok: false, detail: describe(error) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Checks the three servers of the integration tier at once. */
export async function checkStack(endpoints: StackEndpoints = stackEndpoints(), timeoutMs = 5000): Promise<ServiceCheck[]> {
  return Promise.all([
    checkKafka(endpoints.kafkaBrokers, timeoutMs),
    checkInflux(endpoints, timeoutMs),
    checkPostgres(endpoints.databaseUrl, timeoutMs),
  ]);
}
