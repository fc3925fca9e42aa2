import { TicketEntity } from '@cellscope/persistence';
import { createTestDatabase, TestDatabase } from '@cellscope/testing/postgres-test-database';

describe('PostgreSQL smoke: migrations + a TypeORM round trip', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('smoke');
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('talks to a real PostgreSQL server', async () => {
    const [{ version }] = await database.dataSource.query('SELECT version() AS version');
    expect(version).toMatch(/^PostgreSQL \d+/);
    const [{ current }] = await database.dataSource.query('SELECT current_database() AS current');
    expect(current).toBe(database.name);
  });

  it('stores a ticket row through TypeORM and reads it back with database-generated values', async () => {
    const repository = database.dataSource.getRepository(TicketEntity);
    await repository.insert({
      ticketId: 'SMOKE-1',
      version: 2,
      status: 'OPEN',
      msisdn: '+8613800138000',
      reportedAt: new Date('2026-11-20T08:00:00.000Z'),
      occurredAt: new Date('2026-11-20T07:30:00.000Z'),
      symptom: 'NO_SIGNAL',
      cellIds: ['C-1', 'C-2'],
      subscriber: { volteEnabled: true },
    });
    const row = await repository.findOneByOrFail({ ticketId: 'SMOKE-1' });
    expect(row.version).toBe(2);
    expect(row.occurredAt).toEqual(new Date('2026-11-20T07:30:00.000Z'));
    expect(row.cellIds).toEqual(['C-1', 'C-2']);
    expect(row.subscriber).toEqual({ volteEnabled: true });
    expect(row.complaintNo).toMatch(/^CS\d{8}\d{7,}$/);
    expect(row.receivedAt).toBeInstanceOf(Date);
    expect(row.locationLat).toBeNull();

    // The schema enforces what the migration says: a version below 1 is rejected by the server.
    await expect(repository.update({ ticketId: 'SMOKE-1' }, { version: 0 })).rejects.toThrow(/ck_tickets_version/);
  });
});
