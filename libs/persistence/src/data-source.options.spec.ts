import { loadConfig } from '@cellscope/config';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { createDataSourceOptions, MIGRATIONS_TABLE_NAME } from './data-source.options';
import { PERSISTENCE_ENTITIES } from './persistence.entities';
import { PERSISTENCE_MIGRATIONS } from './persistence.migrations';

class ExtraEntity {}
class ExtraMigration1900000000000 {}

describe('createDataSourceOptions', () => {
  const config = loadConfig({ DATABASE_URL: 'postgres://app@db.example:5432/cellscope', DATABASE_POOL_SIZE: '7' });

  it('builds PostgreSQL options from AppConfig that never touch the schema by themselves', () => {
    const options = createDataSourceOptions(config) as PostgresConnectionOptions;
    expect(options).toMatchObject({
      type: 'postgres',
      url: 'postgres://app@db.example:5432/cellscope',
      applicationName: 'cellscope',
      poolSize: 7,
      synchronize: false,
      migrationsRun: false,
      dropSchema: false,
      migrationsTableName: MIGRATIONS_TABLE_NAME,
    });
    expect(options.entities).toEqual(PERSISTENCE_ENTITIES);
    expect(options.migrations).toEqual(PERSISTENCE_MIGRATIONS);
  });

  it('takes overrides and appends extra entities and migrations', () => {
    const options = createDataSourceOptions(config, {
      url: 'postgres://other@127.0.0.1:5433/x',
      applicationName: 'cellscope-notifier',
      poolSize: 3,
      extraEntities: [ExtraEntity],
      extraMigrations: [ExtraMigration1900000000000],
    }) as PostgresConnectionOptions;
    expect(options.url).toBe('postgres://other@127.0.0.1:5433/x');
    expect(options.applicationName).toBe('cellscope-notifier');
    expect(options.poolSize).toBe(3);
    expect(options.entities).toEqual([...PERSISTENCE_ENTITIES, ExtraEntity]);
    expect(options.migrations).toEqual([...PERSISTENCE_MIGRATIONS, ExtraMigration1900000000000]);
  });

  it('keeps at least two connections (migrations hold an advisory lock on one)', () => {
    expect(createDataSourceOptions(config, { poolSize: 1 }).poolSize).toBe(2);
  });

  it('rejects a pool size below two in the configuration', () => {
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '1' })).toThrow(/DATABASE_POOL_SIZE/);
  });
});
