import { TypeOrmCellRepository } from '@cellscope/persistence';
import { describeCellRepositoryContract } from '@cellscope/persistence/ports/cell.repository.contract';
import { postgresRepositoryFactory } from './postgres-repository.fixture';

describe('TypeOrmCellRepository (PostgreSQL)', () => {
  describeCellRepositoryContract(postgresRepositoryFactory('cell_repo', (ds) => new TypeOrmCellRepository(ds)));
});
