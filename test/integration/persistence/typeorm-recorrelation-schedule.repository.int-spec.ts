import { TypeOrmRecorrelationScheduleRepository } from '@cellscope/persistence';
import { describeRecorrelationScheduleRepositoryContract } from '@cellscope/persistence/ports/recorrelation-schedule.repository.contract';
import { postgresRepositoryFactory } from './postgres-repository.fixture';

describe('TypeOrmRecorrelationScheduleRepository (PostgreSQL)', () => {
  describeRecorrelationScheduleRepositoryContract(
    postgresRepositoryFactory('schedule_repo', (ds) => new TypeOrmRecorrelationScheduleRepository(ds)),
  );
});
