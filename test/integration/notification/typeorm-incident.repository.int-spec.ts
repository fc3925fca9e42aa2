import { TypeOrmIncidentRepository } from '@cellscope/notification';
import { describeIncidentRepositoryContract } from '@cellscope/notification/ports/incident.repository.contract';
import { NotificationStoreFixture } from './support/notification-test-database';

describe('TypeOrmIncidentRepository (PostgreSQL)', () => {
  describeIncidentRepositoryContract(new NotificationStoreFixture('incident_repo', (ds) => new TypeOrmIncidentRepository(ds)));
});
