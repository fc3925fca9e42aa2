import type { AppConfig } from '@cellscope/config';
import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { PERSISTENCE_ENTITIES } from './persistence.entities';
import { PERSISTENCE_MIGRATIONS } from './persistence.migrations';

/* eslint-disable @typescript-eslint/no-unsafe-function-type -- TypeORM's own list element types */
/** An entity class or schema, as TypeORM accepts it. */
export type EntityDefinition = Function | string | EntitySchema;
/** A migration class, as TypeORM accepts it. */
export type MigrationDefinition = Function | string;
/* eslint-enable @typescript-eslint/no-unsafe-function-type */

/** What a caller may change in the data source options built from AppConfig. */
export interface DataSourceOverrides {
  /** Connection URL; default AppConfig.DATABASE_URL (the embedded server's URL in embedded mode). */
  url?: string;
  /** `application_name` reported to PostgreSQL (pg_stat_activity); default `cellscope`. */
  applicationName?: string;
  /** Pool size; default AppConfig.DATABASE_POOL_SIZE. */
  poolSize?: number;
  /** Entities of other libraries, added to the persistence entities. */
  extraEntities?: readonly EntityDefinition[];
  /** Migrations of other libraries, run after the persistence migrations (ordered by their timestamps). */
  extraMigrations?: readonly MigrationDefinition[];
  /** TypeORM query logging (default off). */
  logging?: boolean;
}

/** Name of the table where TypeORM records the applied migrations. */
export const MIGRATIONS_TABLE_NAME = 'schema_migrations';

/**
 * PostgreSQL data source options for cellscope: persistence entities and migrations (plus any extra ones),
 * schema changes by migrations only (`synchronize` and `migrationsRun` are always false; see runMigrations).
 */
export function createDataSourceOptions(config: AppConfig, overrides: DataSourceOverrides = {}): DataSourceOptions {
  const poolSize = Math.max(2, overrides.poolSize ?? config.DATABASE_POOL_SIZE);
  const entities: MixedList<EntityDefinition> = [...PERSISTENCE_ENTITIES, ...(overrides.extraEntities ?? [])];
  const migrations: MixedList<MigrationDefinition> = [...PERSISTENCE_MIGRATIONS, ...(overrides.extraMigrations ?? [])];
  return {
    type: 'postgres',
    url: overrides.url ?? config.DATABASE_URL,
    applicationName: overrides.applicationName ?? 'cellscope',
    poolSize,
    connectTimeoutMS: 10_000,
    entities,
    migrations,
    migrationsTableName: MIGRATIONS_TABLE_NAME,
    migrationsTransactionMode: 'each',
    migrationsRun: false,
    synchronize: false,
    dropSchema: false,
    logging: overrides.logging ?? false,
  };
}
