import { CellEntity } from './entities/cell.entity';
import { NetworkViewCellEntity } from './entities/network-view-cell.entity';
import { NetworkViewEntity } from './entities/network-view.entity';
import { RecorrelationScheduleEntity } from './entities/recorrelation-schedule.entity';
import { TicketEntity } from './entities/ticket.entity';
import { UsageRecordEntity } from './entities/usage-record.entity';

/** The TypeORM entities of libs/persistence (other libraries add theirs through PersistenceModule.forRoot). */
export const PERSISTENCE_ENTITIES = [
  TicketEntity,
  CellEntity,
  UsageRecordEntity,
  NetworkViewEntity,
  NetworkViewCellEntity,
  RecorrelationScheduleEntity,
];
