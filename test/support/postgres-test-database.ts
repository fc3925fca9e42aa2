import { randomBytes } from 'node:crypto';
import { AppConfig, loadConfig } from '@cellscope/config';
import {
  createDataSourceOptions,
  DataSourceOverrides,
  dropDatabase,
  ensureDatabaseExists,
  runMigrations,
  withDatabaseName,
} from '@cellscope/persistence';
import { DataSource } from 'typeorm';

/** A throw-away database for one test file. */
export interface TestDatabase {
  /** The database name (unique per call). */
  name: string;
  /** Connection URL of the database. */
  url: string;
  /** AppConfig whose DATABASE_URL is this database (for modules under test). */
  config: AppConfig;
  /** Initialised DataSource with every migration applied (unless `migrate: false`). */
  dataSource: DataSource;
  /** Closes the DataSource and drops the database. */
  drop(): Promise<void>;
}

/** Options of createTestDatabase. */
export interface TestDatabaseOptions extends Pick<DataSourceOverrides, 'extraEntities' | 'extraMigrations' | 'poolSize'> {
  /** Server URL (any database of it); default DATABASE_URL of the environment, else AppConfig's default. */
  serverUrl?: string;
  /** Apply the migrations (default true). */
  migrate?: boolean;
}

/**
 * Creates a uniquely named database (`<prefix>_<time>_<random>`, lower case) on the machine's PostgreSQL,
 * connects a DataSource and runs the migrations. Call `drop()` in afterAll.
 */
export async function createTestDatabase(prefix: string, options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const base = loadConfig({ DATABASE_URL: options.serverUrl ?? process.env.DATABASE_URL });
  const safePrefix = prefix.toLowerCase().replace(/[^a-z0-9_]+/g, '_').slice(0, 30) || 'test';
  const name = `${safePrefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const url = withDatabaseName(base.DATABASE_URL, name);
  const config = loadConfig({ DATABASE_URL: url });

  await ensureDatabaseExists(url);
  const dataSource = new DataSource(
    createDataSourceOptions(config, {
      url,
      applicationName: `cellscope-test-${safePrefix}`,
      poolSize: options.poolSize ?? 4,
      extraEntities: options.extraEntities,
      extraMigrations: options.extraMigrations,
    }),
  );
  try {
    await dataSource.initialize();
    if (options.migrate ?? true) await runMigrations(dataSource);
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await dropDatabase(url);
    throw error;
  }
  return {
    name,
    url,
    config,
    dataSource,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await dropDatabase(url);
    },
  };
}
