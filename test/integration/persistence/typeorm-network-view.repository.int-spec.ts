import { TypeOrmNetworkViewRepository } from '@cellscope/persistence';
import { describeNetworkViewRepositoryContract } from '@cellscope/persistence/ports/network-view.repository.contract';
import { postgresRepositoryFactory } from './postgres-repository.fixture';

describe('TypeOrmNetworkViewRepository (PostgreSQL)', () => {
  describeNetworkViewRepositoryContract(
    postgresRepositoryFactory('view_repo', (ds) => new TypeOrmNetworkViewRepository(ds)),
  );
});
