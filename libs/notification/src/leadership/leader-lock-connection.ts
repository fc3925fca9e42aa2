import type { ClientConfig } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';

/**
 * Connection settings for a session outside the pool, to the same database as the DataSource (its URL, which in
 * embedded mode is the embedded server's, or its host/port/user/password/database).
 */
export function leaderLockConnection(dataSource: DataSource): ClientConfig {
  const options = dataSource.options as PostgresConnectionOptions;
  if (options.url) return { connectionString: options.url };
  return {
    host: options.host,
    port: options.port,
    user: options.username,
    password: typeof options.password === 'string' ? options.password : undefined,
    database: options.database,
  };
}
