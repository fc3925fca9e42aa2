import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Test } from '@nestjs/testing';
import { ConfigModule, loadConfig } from '@cellscope/config';
import {
  CellRepository,
  dropDatabase,
  NetworkViewRepository,
  PersistenceModule,
  RecorrelationScheduleRepository,
  TicketRepository,
  TypeOrmCellRepository,
  TypeOrmNetworkViewRepository,
  TypeOrmRecorrelationScheduleRepository,
  TypeOrmTicketRepository,
  TypeOrmUsageRepository,
  UsageRepository,
  withDatabaseName,
} from '@cellscope/persistence';
import { Column, DataSource, Entity, MigrationInterface, PrimaryColumn, QueryRunner } from 'typeorm';
import { freePort, isListening } from './free-port';

/** A table of "another library", brought in through forRoot({ extraEntities, extraMigrations }). */
@Entity({ name: 'probe_notes' })
class ProbeNoteEntity {
  @PrimaryColumn({ name: 'note_id', type: 'varchar', length: 32 })
  noteId: string;

  @Column({ type: 'text' })
  text: string;
}

class CreateProbeNotes1900000000001 implements MigrationInterface {
  name = 'CreateProbeNotes1900000000001';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE probe_notes (note_id varchar(32) PRIMARY KEY, text text NOT NULL)');
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE probe_notes');
  }
}

const serverUrl = loadConfig({ DATABASE_URL: process.env.DATABASE_URL }).DATABASE_URL;

describe('PersistenceModule', () => {
  it('creates the missing database, migrates it, binds every port and closes on shutdown', async () => {
    const url = withDatabaseName(serverUrl, `module_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`);
    const config = loadConfig({ DATABASE_URL: url });
    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(config),
        PersistenceModule.forRoot({ extraEntities: [ProbeNoteEntity], extraMigrations: [CreateProbeNotes1900000000001] }),
      ],
    }).compile();
    const app = moduleRef.createNestApplication();
    await app.init();
    try {
      expect(moduleRef.get(TicketRepository)).toBeInstanceOf(TypeOrmTicketRepository);
      expect(moduleRef.get(CellRepository)).toBeInstanceOf(TypeOrmCellRepository);
      expect(moduleRef.get(UsageRepository)).toBeInstanceOf(TypeOrmUsageRepository);
      expect(moduleRef.get(NetworkViewRepository)).toBeInstanceOf(TypeOrmNetworkViewRepository);
      expect(moduleRef.get(RecorrelationScheduleRepository)).toBeInstanceOf(TypeOrmRecorrelationScheduleRepository);

      const dataSource = moduleRef.get(DataSource);
      expect(dataSource.isInitialized).toBe(true);
      const [{ name, app: applicationName }] = await dataSource.query(
        'SELECT current_database() AS name, current_setting($1) AS app',
        ['application_name'],
      );
      expect(name).toBe(new URL(url).pathname.slice(1));
      expect(applicationName).toBe('cellscope');

      const tickets = moduleRef.get(TicketRepository);
      const result = await tickets.upsert({
        ticketId: 'MOD-1',
        version: 1,
        status: 'OPEN',
        msisdn: '13800138000',
        reportedAt: new Date('2026-11-20T08:00:00Z'),
        occurredAt: new Date('2026-11-20T08:00:00Z'),
      });
      expect(result.applied).toBe(true);
      expect((await tickets.findByTicketIdOrComplaintNo(result.complaintNo))?.ticketId).toBe('MOD-1');

      await dataSource.getRepository(ProbeNoteEntity).insert({ noteId: 'n1', text: 'extra migrations ran' });
      expect(await dataSource.getRepository(ProbeNoteEntity).findOneBy({ noteId: 'n1' })).toEqual({
        noteId: 'n1',
        text: 'extra migrations ran',
      });

      await app.close();
      expect(dataSource.isInitialized).toBe(false);
    } finally {
      await app.close();
      await dropDatabase(url);
    }
  });

  it('fails start-up when PostgreSQL cannot be reached', async () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/cellscope' });
    const moduleRef = Test.createTestingModule({ imports: [ConfigModule.forRoot(config), PersistenceModule.forRoot()] });
    await expect(moduleRef.compile()).rejects.toThrow(/ECONNREFUSED/);
  });

  it('starts embedded PostgreSQL when CELLSCOPE_DATABASE=embedded and stops it on shutdown', async () => {
    const parentDir = resolve(__dirname, '../../..', '.data', `test-module-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`);
    const port = await freePort();
    const config = loadConfig({
      CELLSCOPE_DATABASE: 'embedded',
      EMBEDDED_PG_DIR: join(parentDir, 'postgres'),
      EMBEDDED_PG_PORT: String(port),
    });
    try {
      const moduleRef = await Test.createTestingModule({
        imports: [ConfigModule.forRoot(config), PersistenceModule.forRoot()],
      }).compile();
      const app = moduleRef.createNestApplication();
      await app.init();
      expect(await isListening(port)).toBe(true);
      expect(existsSync(join(parentDir, 'postgres', 'PG_VERSION'))).toBe(true);

      const cells = moduleRef.get(CellRepository);
      await cells.upsertMany([
        { cellId: 'E-1', name: 'Embedded 1', siteId: 'S-1', siteType: 'INDOOR', networkType: '4G', lat: 1, lon: 2, status: 'ACTIVE' },
      ]);
      expect(await cells.count()).toBe(1);
      const [{ name }] = await moduleRef.get(DataSource).query('SELECT current_database() AS name');
      expect(name).toBe('cellscope');

      await app.close();
      expect(await isListening(port)).toBe(false);
    } finally {
      rmSync(parentDir, { recursive: true, force: true });
    }
  }, 120_000);
});
