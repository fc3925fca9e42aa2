import { createDataSourceOptions, MIGRATIONS_TABLE_NAME, PERSISTENCE_MIGRATIONS, runMigrations } from '@cellscope/persistence';
import { createTestDatabase, TestDatabase } from '@cellscope/testing/postgres-test-database';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';

const PERSISTENCE_TABLES = ['cells', 'network_view_cells', 'network_views', 'recorrelation_schedule', 'tickets', 'usage_records'];

/** A migration of "another library", to check that extra migrations run after the persistence ones. */
class CreateProbeTable1900000000000 implements MigrationInterface {
  name = 'CreateProbeTable1900000000000';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE probe_rows (ticket_id varchar(64) REFERENCES tickets (ticket_id))');
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE probe_rows');
  }
}

async function tables(dataSource: DataSource): Promise<string[]> {
  const rows: { table_name: string }[] = await dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> $1 ORDER BY table_name`,
    [MIGRATIONS_TABLE_NAME],
  );
  return rows.map((r) => r.table_name);
}

describe('persistence migrations (PostgreSQL)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('migrations', { migrate: false, extraMigrations: [CreateProbeTable1900000000000] });
  });
  afterAll(async () => {
    await database.drop();
  });

  it('apply once even when several processes start together, extra migrations last', async () => {
    const others = await Promise.all(
      [1, 2].map(async () => {
        const ds = new DataSource(
          createDataSourceOptions(database.config, { url: database.url, poolSize: 2, extraMigrations: [CreateProbeTable1900000000000] }),
        );
        return ds.initialize();
      }),
    );
    try {
      const applied = await Promise.all([database.dataSource, ...others].map((ds) => runMigrations(ds)));
      const names = applied.flat().map((m) => m.name);
      expect(names).toEqual([PERSISTENCE_MIGRATIONS[0]?.name, 'CreateProbeTable1900000000000']);
    } finally {
      await Promise.all(others.map((ds) => ds.destroy()));
    }
    expect(await tables(database.dataSource)).toEqual([...PERSISTENCE_TABLES, 'probe_rows'].sort());
    expect(await runMigrations(database.dataSource)).toEqual([]);
  });

  it('never synchronise the schema from the entities', () => {
    expect(database.dataSource.options.synchronize).toBe(false);
    expect(database.dataSource.options.migrationsRun).toBe(false);
  });

  it('revert cleanly (down) and apply again', async () => {
    await database.dataSource.undoLastMigration({ transaction: 'each' });
    await database.dataSource.undoLastMigration({ transaction: 'each' });
    expect(await tables(database.dataSource)).toEqual([]);
    const sequences: unknown[] = await database.dataSource.query(
      `SELECT 1 FROM pg_class WHERE relkind = 'S' AND relname = 'complaint_no_seq'`,
    );
    expect(sequences).toHaveLength(0);

    expect(await runMigrations(database.dataSource)).toHaveLength(2);
    expect(await tables(database.dataSource)).toEqual([...PERSISTENCE_TABLES, 'probe_rows'].sort());
  });

  it('build exactly the schema the entities describe (TypeORM sees nothing to change)', async () => {
    const pending = await database.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('create the indexes the queries rely on', async () => {
    const rows: { indexname: string }[] = await database.dataSource.query(
      `SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname`,
    );
    expect(rows.map((r) => r.indexname)).toEqual(
      expect.arrayContaining([
        'ix_cells_site_id',
        'ix_cells_lat_lon',
        'ix_usage_records_msisdn_end_start',
        'ix_usage_records_cell_end',
        'ix_network_views_msisdn',
        'ix_network_views_serving_cell_occurred',
        'ix_network_views_verdict_cause',
        'ix_network_views_status',
        'ix_network_views_occurred_at',
        'ix_network_view_cells_cell_role_occurred',
        'ix_network_view_cells_occurred_at',
        'ix_recorrelation_schedule_due_at',
        'uq_tickets_complaint_no',
        'uq_network_views_complaint_no',
      ]),
    );
  });
});
