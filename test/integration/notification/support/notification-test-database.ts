import { NOTIFICATION_ENTITIES, NOTIFICATION_MIGRATIONS } from '@cellscope/notification';
import { createDataSourceOptions } from '@cellscope/persistence';
import { RepositoryContractFactory } from '@cellscope/persistence/ports/repository.contract';
import { createTestDatabase, TestDatabase } from '@cellscope/testing/postgres-test-database';
import { DataSource } from 'typeorm';

/** The notifier's tables, emptied before each contract test. */
export const NOTIFICATION_TABLES = ['incidents', 'sms_notifications', 'sms_opt_outs'];

/** A fresh database with the persistence and notification migrations applied. */
export function createNotificationTestDatabase(prefix: string, poolSize = 4): Promise<TestDatabase> {
  return createTestDatabase(prefix, { extraEntities: NOTIFICATION_ENTITIES, extraMigrations: NOTIFICATION_MIGRATIONS, poolSize });
}

/** A second DataSource on the same database (its own pool, as another replica would have). */
export async function openPeerDataSource(database: TestDatabase, applicationName: string): Promise<DataSource> {
  const dataSource = new DataSource(
    createDataSourceOptions(database.config, {
      url: database.url,
      applicationName,
      poolSize: 4,
      extraEntities: NOTIFICATION_ENTITIES,
      extraMigrations: NOTIFICATION_MIGRATIONS,
    }),
  );
  await dataSource.initialize();
  return dataSource;
}

/** The contract factory of a notification store on real PostgreSQL: one database per suite, tables emptied per test. */
export class NotificationStoreFixture<T> implements RepositoryContractFactory<T> {
  private database?: TestDatabase;
  private peerDataSource?: DataSource;

  constructor(
    private readonly prefix: string,
    private readonly create: (dataSource: DataSource) => T,
  ) {}

  /** The test database (after setUp). */
  get db(): TestDatabase {
    if (!this.database) throw new Error('test database not created');
    return this.database;
  }

  async setUp(): Promise<void> {
    this.database = await createNotificationTestDatabase(this.prefix);
  }

  async fresh(): Promise<T> {
    await this.db.dataSource.query(NOTIFICATION_TABLES.map((table) => `DELETE FROM ${table};`).join(' '));
    return this.create(this.db.dataSource);
  }

  async peer(): Promise<T> {
    this.peerDataSource ??= await openPeerDataSource(this.db, `cellscope-test-${this.prefix}-peer`);
    return this.create(this.peerDataSource);
  }

  async tearDown(): Promise<void> {
    if (this.peerDataSource?.isInitialized) await this.peerDataSource.destroy();
    await this.database?.drop();
    this.database = undefined;
  }
}
