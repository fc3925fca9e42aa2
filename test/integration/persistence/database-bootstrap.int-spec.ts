import { loadConfig } from '@cellscope/config';
import { databaseNameOf, dropDatabase, ensureDatabaseExists, withDatabaseName } from '@cellscope/persistence';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

const serverUrl = loadConfig({ DATABASE_URL: process.env.DATABASE_URL }).DATABASE_URL;

async function databaseExists(name: string): Promise<boolean> {
  const client = new Client({ connectionString: withDatabaseName(serverUrl, 'postgres') });
  await client.connect();
  try {
    const result = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return result.rowCount === 1;
  } finally {
    await client.end();
  }
}

describe('ensureDatabaseExists / dropDatabase (PostgreSQL)', () => {
  const created: string[] = [];
  afterAll(async () => {
    for (const name of created) await dropDatabase(withDatabaseName(serverUrl, name));
  });

  it('creates a missing database once and then leaves it alone', async () => {
    const name = `bootstrap_${randomBytes(5).toString('hex')}`;
    created.push(name);
    const url = withDatabaseName(serverUrl, name);
    expect(await databaseExists(name)).toBe(false);
    expect(await ensureDatabaseExists(url)).toBe(true);
    expect(await databaseExists(name)).toBe(true);
    expect(await ensureDatabaseExists(url)).toBe(false);
  });

  it('quotes the name, so odd names are created literally and cannot inject SQL', async () => {
    const name = `Boot "strap"; DROP DATABASE postgres; -- ${randomBytes(3).toString('hex')}`;
    created.push(name);
    const url = withDatabaseName(serverUrl, name);
    expect(databaseNameOf(url)).toBe(name);
    expect(await ensureDatabaseExists(url)).toBe(true);
    expect(await databaseExists(name)).toBe(true);
    expect(await databaseExists('postgres')).toBe(true);
  });

  it('is race-safe: concurrent callers all succeed and exactly one creates', async () => {
    const name = `bootstrap_race_${randomBytes(5).toString('hex')}`;
    created.push(name);
    const url = withDatabaseName(serverUrl, name);
    const results = await Promise.all(Array.from({ length: 6 }, () => ensureDatabaseExists(url)));
    expect(results.filter((createdIt) => createdIt)).toHaveLength(1);
    expect(await databaseExists(name)).toBe(true);
  });

  it('drops a database even with open connections, and tolerates a missing one', async () => {
    const name = `bootstrap_drop_${randomBytes(5).toString('hex')}`;
    const url = withDatabaseName(serverUrl, name);
    await ensureDatabaseExists(url);
    const open = new Client({ connectionString: url });
    open.on('error', () => undefined);
    await open.connect();
    await dropDatabase(url);
    expect(await databaseExists(name)).toBe(false);
    await expect(dropDatabase(url)).resolves.toBeUndefined();
    await open.end().catch(() => undefined);
  });

  it('fails on a server that is not there', async () => {
    await expect(ensureDatabaseExists('postgres://postgres@127.0.0.1:1/nowhere')).rejects.toThrow();
  });
});
