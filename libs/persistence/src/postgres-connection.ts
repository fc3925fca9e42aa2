import { OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@cellscope/config';
import { DataSource } from 'typeorm';
import { createDataSourceOptions, DataSourceOverrides } from './data-source.options';
import { ensureDatabaseExists } from './database-bootstrap';
import { EmbeddedPostgresServer } from './embedded-postgres.server';
import { runMigrations } from './run-migrations';

/** How PostgresConnection.open prepares the database. */
export interface PostgresConnectionOptions extends Omit<DataSourceOverrides, 'url'> {
  /** Run pending migrations before returning (default true). */
  migrate?: boolean;
}

/**
 * The process's PostgreSQL: the initialised DataSource, plus the embedded server when
 * CELLSCOPE_DATABASE=embedded. Closing it (also on Nest application shutdown) ends both.
 */
export class PostgresConnection implements OnApplicationShutdown {
  private constructor(
    readonly dataSource: DataSource,
    private readonly embedded: EmbeddedPostgresServer | undefined,
  ) {}

  /**
   * Starts embedded PostgreSQL first when configured, creates the database when missing,
   * connects and runs the migrations (persistence ones and any extra ones).
   */
  static async open(config: AppConfig, options: PostgresConnectionOptions = {}): Promise<PostgresConnection> {
    const embedded = config.CELLSCOPE_DATABASE === 'embedded' ? EmbeddedPostgresServer.fromConfig(config) : undefined;
    let dataSource: DataSource | undefined;
    try {
      const url = embedded === undefined ? config.DATABASE_URL : await embedded.start();
      await ensureDatabaseExists(url);
      dataSource = new DataSource(createDataSourceOptions(config, { ...options, url }));
      await dataSource.initialize();
      if (options.migrate ?? true) await runMigrations(dataSource);
      return new PostgresConnection(dataSource, embedded);
    } catch (error) {
      if (dataSource?.isInitialized) await dataSource.destroy().catch(() => undefined);
      await embedded?.stop().catch(() => undefined);
      throw error;
    }
  }

  /** Closes the pool, then stops the embedded server if there is one. Idempotent. */
  async close(): Promise<void> {
    try {
      if (this.dataSource.isInitialized) await this.dataSource.destroy();
    } finally {
      await this.embedded?.stop();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }
}
