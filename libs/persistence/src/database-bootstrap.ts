import { Client, escapeIdentifier } from 'pg';
import { databaseNameOf, withDatabaseName } from './postgres-url';

/** SQLSTATE codes met when creating a database. */
const INVALID_CATALOG_NAME = '3D000';
const DUPLICATE_DATABASE = '42P04';
const UNIQUE_VIOLATION = '23505';

function sqlState(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

/**
 * Creates the database named in the URL when it does not exist yet (through the `postgres` maintenance
 * database), and returns whether it created it. The name is quoted as an identifier, so any name is safe.
 * Race-safe: when another process creates it at the same moment, the duplicate error is taken as success.
 */
export async function ensureDatabaseExists(url: string): Promise<boolean> {
  const database = databaseNameOf(url);
  const probe = new Client({ connectionString: url, application_name: 'cellscope-bootstrap' });
  try {
    await probe.connect();
    return false;
  } catch (error) {
    if (sqlState(error) !== INVALID_CATALOG_NAME) throw error;
  } finally {
    await probe.end().catch(() => undefined);
  }

  const maintenance = new Client({
    connectionString: withDatabaseName(url, 'postgres'),
    application_name: 'cellscope-bootstrap',
  });
  await maintenance.connect();
  try {
    await maintenance.query(`CREATE DATABASE ${escapeIdentifier(database)}`);
    return true;
  } catch (error) {
    const code = sqlState(error);
    // 42P04 when the other creator committed first; 23505 when both passed the catalog check together.
    if (code === DUPLICATE_DATABASE || code === UNIQUE_VIOLATION) return false;
    throw error;
  } finally {
    await maintenance.end().catch(() => undefined);
  }
}

/** Drops the database named in the URL if it exists, closing its other connections first (PostgreSQL 13+). */
export async function dropDatabase(url: string): Promise<void> {
  const database = databaseNameOf(url);
  const maintenance = new Client({
    connectionString: withDatabaseName(url, 'postgres'),
    application_name: 'cellscope-bootstrap',
  });
  await maintenance.connect();
  try {
    await maintenance.query(`DROP DATABASE IF EXISTS ${escapeIdentifier(database)} WITH (FORCE)`);
  } finally {
    await maintenance.end().catch(() => undefined);
  }
}
