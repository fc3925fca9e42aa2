import { Module } from '@nestjs/common';
import { NotificationStoreModule } from '@cellscope/notification';
import { HttpApiModule } from '../http-api.module';
import { IncidentsController } from './incidents.controller';
import { OptOutsController } from './opt-outs.controller';

/**
 * `GET /api/v1/incidents[/{incidentId}]` and `POST|DELETE /api/v1/opt-outs/{msisdn}` over the notifier's stores.
 * Import it next to HttpApiModule; PersistenceModule needs the notification entities and migrations.
 */
@Module({
  imports: [HttpApiModule, NotificationStoreModule],
  controllers: [IncidentsController, OptOutsController],
})
export class IncidentsApiModule {}
