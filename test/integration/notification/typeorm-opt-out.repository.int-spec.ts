import { TypeOrmOptOutRepository } from '@cellscope/notification';
import { describeOptOutRepositoryContract } from '@cellscope/notification/ports/opt-out.repository.contract';
import { NotificationStoreFixture } from './support/notification-test-database';

describe('TypeOrmOptOutRepository (PostgreSQL)', () => {
  describeOptOutRepositoryContract(new NotificationStoreFixture('opt_out_repo', (ds) => new TypeOrmOptOutRepository(ds)));
});
