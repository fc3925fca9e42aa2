import { randomBytes } from 'node:crypto';
import { LeaderLock, leaderLockConnection, PostgresAdvisoryLeaderLock } from '@cellscope/notification';
import { describeLeaderLockContract } from '@cellscope/notification/ports/leader-lock.contract';
import { TestDatabase } from '@cellscope/testing/postgres-test-database';
import { createNotificationTestDatabase } from './support/notification-test-database';

describe('PostgresAdvisoryLeaderLock (PostgreSQL)', () => {
  let database: TestDatabase;
  let created: PostgresAdvisoryLeaderLock[] = [];
  // Each test competes for its own lock name, so a test never sees the previous test's leader.
  let name = '';

  beforeAll(async () => {
    database = await createNotificationTestDatabase('leader_lock');
  });
  afterAll(async () => {
    await database?.drop();
  });

  describeLeaderLockContract({
    async create(): Promise<LeaderLock> {
      if (created.length === 0) name = `contract-${randomBytes(4).toString('hex')}`;
      const lock = new PostgresAdvisoryLeaderLock(leaderLockConnection(database.dataSource), {
        name,
        applicationName: `leader-lock-test-${created.length}`,
      });
      created.push(lock);
      return lock;
    },
    async crash(lock: LeaderLock) {
      const pid = (lock as PostgresAdvisoryLeaderLock).sessionPid;
      if (pid === undefined) throw new Error('the lock has no session to kill');
      // What the server sees when a replica is killed: its session ends without an unlock.
      await database.dataSource.query('SELECT pg_terminate_backend($1)', [pid]);
      await new Promise((resolve) => setTimeout(resolve, 100));
    },
    async unreachable() {
      return new PostgresAdvisoryLeaderLock({ connectionString: 'postgres://postgres@127.0.0.1:1/none' }, { name: 'unreachable', timeoutMs: 1000 });
    },
    async afterEach() {
      await Promise.all(created.map((lock) => lock.release()));
      created = [];
    },
  });

  it('ends its session on release, so nothing of it is left on the server', async () => {
    const lock = new PostgresAdvisoryLeaderLock(leaderLockConnection(database.dataSource), { name: 'release-test', applicationName: 'release-test-lock' });
    expect(await lock.acquire()).toBe(true);
    const pid = lock.sessionPid;
    await lock.release();
    const rows = await database.dataSource.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = $1', [pid]);
    expect(rows[0].n).toBe(0);
  });
});
