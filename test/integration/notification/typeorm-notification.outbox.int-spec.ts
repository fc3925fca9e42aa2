import {
  leaderLockConnection,
  NotificationOutbox,
  PostgresAdvisoryLeaderLock,
  TypeOrmIncidentRepository,
  TypeOrmNotificationOutbox,
} from '@cellscope/notification';
import { describeNotificationOutboxContract, NotificationOutboxContractFactory } from '@cellscope/notification/ports/notification-outbox.contract';
import { NotificationStoreFixture } from './support/notification-test-database';

describe('TypeOrmNotificationOutbox (PostgreSQL)', () => {
  const store = new NotificationStoreFixture<NotificationOutbox>('outbox', (ds) => new TypeOrmNotificationOutbox(ds));
  const factory: NotificationOutboxContractFactory = {
    setUp: () => store.setUp(),
    fresh: () => store.fresh(),
    peer: () => store.peer(),
    tearDown: () => store.tearDown(),
    incidents: () => new TypeOrmIncidentRepository(store.db.dataSource),
    async leadership() {
      const lock = new PostgresAdvisoryLeaderLock(leaderLockConnection(store.db.dataSource), { name: 'outbox-contract' });
      if (!(await lock.acquire())) throw new Error('could not take the test leader lock');
      return { fence: lock.fence()!, release: () => lock.release() };
    },
  };
  describeNotificationOutboxContract(factory);
});
