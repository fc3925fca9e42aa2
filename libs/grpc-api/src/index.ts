export * from './grpc-api.module';
export * from './grpc-server-options';
export * from './grpc-status-for';
export * from './grpc-exception.filter';
export * from './grpc-messages';
export * from './grpc-message.mapper';
export * from './proto-path';
export * from './cellscope.grpc-controller';
