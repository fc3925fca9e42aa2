import { Module } from '@nestjs/common';
import { IncidentQueryService } from './incident-query.service';
import { IncidentRepository } from './ports/incident.repository';
import { NotificationOutbox } from './ports/notification-outbox';
import { OptOutRepository } from './ports/opt-out.repository';
import { TypeOrmIncidentRepository } from './repositories/typeorm-incident.repository';
import { TypeOrmNotificationOutbox } from './repositories/typeorm-notification.outbox';
import { TypeOrmOptOutRepository } from './repositories/typeorm-opt-out.repository';

/**
 * The notifier's stores (IncidentRepository, NotificationOutbox, OptOutRepository on PostgreSQL) and the incident
 * read side, without any background work: for the notifier and for the API (incidents, opt-outs). Needs
 * PersistenceModule with `extraEntities: NOTIFICATION_ENTITIES, extraMigrations: NOTIFICATION_MIGRATIONS`.
 */
@Module({
  providers: [
    { provide: IncidentRepository, useClass: TypeOrmIncidentRepository },
    { provide: NotificationOutbox, useClass: TypeOrmNotificationOutbox },
    { provide: OptOutRepository, useClass: TypeOrmOptOutRepository },
    IncidentQueryService,
  ],
  exports: [IncidentRepository, NotificationOutbox, OptOutRepository, IncidentQueryService],
})
export class NotificationStoreModule {}
