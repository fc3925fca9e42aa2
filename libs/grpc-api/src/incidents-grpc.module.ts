import { Module } from '@nestjs/common';
import { HttpApiModule } from '@cellscope/http-api';
import { NotificationStoreModule } from '@cellscope/notification';
import { IncidentsGrpcController } from './incidents.grpc-controller';

/**
 * The ListIncidents RPC over the notifier's incident store. Import it next to GrpcApiModule (same gRPC server, same
 * service); PersistenceModule needs the notification entities and migrations.
 */
@Module({
  imports: [HttpApiModule, NotificationStoreModule],
  controllers: [IncidentsGrpcController],
})
export class IncidentsGrpcModule {}
