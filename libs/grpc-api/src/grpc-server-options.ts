import { AppConfig } from '@cellscope/config';
import { GrpcOptions, Transport } from '@nestjs/microservices';
import { cellscopeProtoPath, GRPC_PACKAGE } from './proto-path';

/** Options for proto-loader shared by the server and clients: field names as written (snake_case). */
export const PROTO_LOADER_OPTIONS = { keepCase: true, longs: String, enums: String, defaults: false, oneofs: false } as const;

/** The gRPC microservice on API_HOST:GRPC_PORT serving proto/cellscope.proto (`app.connectMicroservice(...)`). */
export function grpcServerOptions(config: AppConfig): GrpcOptions {
  return {
    transport: Transport.GRPC,
    options: {
      package: GRPC_PACKAGE,
      protoPath: cellscopeProtoPath(),
      url: `${config.API_HOST}:${config.GRPC_PORT}`,
      loader: { ...PROTO_LOADER_OPTIONS },
    },
  };
}
