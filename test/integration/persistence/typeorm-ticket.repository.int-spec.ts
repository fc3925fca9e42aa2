import { TypeOrmTicketRepository } from '@cellscope/persistence';
import { describeTicketRepositoryContract } from '@cellscope/persistence/ports/ticket.repository.contract';
import { postgresRepositoryFactory } from './postgres-repository.fixture';

describe('TypeOrmTicketRepository (PostgreSQL)', () => {
  describeTicketRepositoryContract(postgresRepositoryFactory('ticket_repo', (ds) => new TypeOrmTicketRepository(ds)));
});
