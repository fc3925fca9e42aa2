import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppConfig } from '@cellscope/config';
import { dropDatabase, EmbeddedPostgresServer } from '@cellscope/persistence';

/** The database of the embedded demo (embedded PostgreSQL + in-process simulator) when DATABASE_URL is not set. */
export const EMBEDDED_DEMO_DATABASE = 'cellscope_sim';

/**
 * Drops the embedded demo database before a start, so that the new simulated world (a new history ending now,
 * with work-order numbers that may repeat the previous run's) does not meet the previous one's tickets and views.
 * It briefly starts the embedded PostgreSQL of the configuration for that; the application then starts it again
 * and recreates the database. Returns false, doing nothing, when EMBEDDED_PG_DIR holds no cluster yet.
 */
export async function resetEmbeddedDemoDatabase(config: AppConfig): Promise<boolean> {
  if (config.CELLSCOPE_DATABASE !== 'embedded') throw new Error('only an embedded database can be reset');
  if (!existsSync(join(resolve(config.EMBEDDED_PG_DIR), 'PG_VERSION'))) return false;
  const server = EmbeddedPostgresServer.fromConfig(config);
  const url = await server.start();
  try {
    await dropDatabase(url);
  } finally {
    await server.stop();
  }
  return true;
}
