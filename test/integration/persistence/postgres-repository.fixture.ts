import { createDataSourceOptions, RepositoryContractFactory } from '@cellscope/persistence';
import { createTestDatabase, TestDatabase } from '@cellscope/testing/postgres-test-database';
import { DataSource } from 'typeorm';

/** Every table of libs/persistence, emptied before each contract test. */
const TABLES = ['tickets', 'cells', 'usage_records', 'network_view_cells', 'network_views', 'recorrelation_schedule'];

/**
 * Runs a repository contract against a real PostgreSQL: one fresh migrated database per suite, tables truncated
 * before each test, and a peer repository on a second DataSource (its own pool, as another process would have).
 */
export function postgresRepositoryFactory<T>(
  prefix: string,
  create: (dataSource: DataSource) => T,
  serverUrl?: () => string,
): RepositoryContractFactory<T> {
  let database: TestDatabase | undefined;
  let peerDataSource: DataSource | undefined;
  const db = (): TestDatabase => {
    if (database === undefined) throw new Error('test database not created');
    return database;
  };
  return {
    async setUp() {
      database = await createTestDatabase(prefix, { serverUrl: serverUrl?.() });
    },
    async fresh() {
      // DELETE beats TRUNCATE on the few rows a contract test leaves (no new files, no fsync per table).
      await db().dataSource.query(TABLES.map((table) => `DELETE FROM ${table};`).join(' '));
      return create(db().dataSource);
    },
    async peer() {
      if (peerDataSource === undefined) {
        peerDataSource = new DataSource(
          createDataSourceOptions(db().config, { url: db().url, applicationName: `cellscope-test-${prefix}-peer`, poolSize: 4 }),
        );
        await peerDataSource.initialize();
      }
      return create(peerDataSource);
    },
    async tearDown() {
      if (peerDataSource?.isInitialized) await peerDataSource.destroy();
      peerDataSource = undefined;
      await database?.drop();
      database = undefined;
    },
  };
}
