import { randomBytes } from 'node:crypto';
import { loadConfig } from '@cellscope/config';
import { InfluxHttpClient, InfluxHttpClientOptions, quoteIdentifier } from '@cellscope/kpi';

/** A database of its own on the real InfluxDB for one test (unique name per run), dropped by `drop()`. */
export interface InfluxTestDatabase {
  database: string;
  client: InfluxHttpClient;
  url: string;
  drop(): Promise<void>;
}

/** The InfluxDB the integration tests use: INFLUX_URL of the environment's configuration (default 127.0.0.1:8086). */
export function influxTestUrl(): string {
  return loadConfig(process.env).INFLUX_URL;
}

/** A unique database name such as `it_kpi_1733330000000_a1b2c3`. */
export function uniqueInfluxDatabaseName(prefix = 'it_kpi'): string {
  return `${prefix}_${Date.now()}_${randomBytes(3).toString('hex')}`;
}

/** Creates a fresh database on the real InfluxDB and a client bound to it. */
export async function createInfluxTestDatabase(prefix?: string, options: Partial<InfluxHttpClientOptions> = {}): Promise<InfluxTestDatabase> {
  const url = influxTestUrl();
  const database = uniqueInfluxDatabaseName(prefix);
  const client = new InfluxHttpClient({ url, database, timeoutMs: 15_000, maxRetries: 1, ...options });
  await client.query(`CREATE DATABASE ${quoteIdentifier(database)}`, { method: 'POST' });
  return {
    database,
    client,
    url,
    drop: async () => {
      await client.query(`DROP DATABASE ${quoteIdentifier(database)}`, { method: 'POST' });
    },
  };
}

/** Names of the databases on the server. */
export async function listInfluxDatabases(client: InfluxHttpClient): Promise<string[]> {
  const [result] = await client.query('SHOW DATABASES');
  return (result?.series[0]?.values ?? []).map((row) => String(row[0]));
}
