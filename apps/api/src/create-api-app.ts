import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig } from '@cellscope/config';
import { grpcServerOptions } from '@cellscope/grpc-api';
import { setupOpenApi, useStrictJsonBodies } from '@cellscope/http-api';
import { Logger } from 'nestjs-pino';
import { ApiModule, ApiModuleOptions } from './api.module';

/**
 * Builds the API application (not yet listening): pino logger, OpenAPI at /api/docs, the gRPC microservice on
 * GRPC_PORT attached (hybrid app) and shutdown hooks. Call `startAllMicroservices()` and `listen()` next.
 */
export async function createApiApp(config: AppConfig, options: ApiModuleOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config, options), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  useStrictJsonBodies(app);
  // SIGTERM/SIGINT: shutdown hooks (consumers commit, pools close), then exit 0 (see libs/runtime start-app.ts).
  app.enableShutdownHooks([], { useProcessExit: true });
  setupOpenApi(app);
  app.connectMicroservice(grpcServerOptions(config), { inheritAppConfig: false });
  return app;
}
