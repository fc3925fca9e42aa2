import { Module } from '@nestjs/common';
import { HttpApiModule } from '@cellscope/http-api';
import { CellscopeGrpcController } from './cellscope.grpc-controller';

/**
 * The gRPC API's handlers. Connect the transport with `app.connectMicroservice(grpcServerOptions(config))` and
 * `app.startAllMicroservices()` (hybrid app: HTTP and gRPC in one process).
 */
@Module({
  imports: [HttpApiModule],
  controllers: [CellscopeGrpcController],
})
export class GrpcApiModule {}
