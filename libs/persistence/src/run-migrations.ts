import type { DataSource, Migration } from 'typeorm';

/** Advisory-lock key that serialises migration runs of all cellscope processes on one database. */
const MIGRATION_LOCK_KEY = 727_001_001;

/**
 * Applies the pending migrations of the data source, each in its own transaction.
 * Safe when several processes start at once: they take turns under a PostgreSQL advisory lock,
 * and the later ones find nothing left to do. Returns the migrations this call applied.
 */
export async function runMigrations(dataSource: DataSource): Promise<Migration[]> {
  const lockRunner = dataSource.createQueryRunner();
  await lockRunner.connect();
  try {
    await lockRunner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    try {
      await lockRunner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    } finally {
      await lockRunner.release();
    }
  }
}
