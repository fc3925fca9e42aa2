import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, Clock, SystemClock } from '@cellscope/config';
import { grpcServerOptions } from '@cellscope/grpc-api';
import { setupOpenApi, useStrictJsonBodies } from '@cellscope/http-api';
import { SimulationClock } from '@cellscope/simulator/embedded';
import { Logger } from 'nestjs-pino';
import { StandaloneModule, StandaloneModuleOptions } from './standalone.module';

/** The process clock: the simulator's time line (SIMULATOR_SPEED × real time from now) when it runs, else the wall clock. */
export function standaloneClock(config: AppConfig): Clock {
  return config.SIMULATOR_ENABLED ? new SimulationClock({ speed: config.SIMULATOR_SPEED }) : new SystemClock();
}

/**
 * Builds and starts the standalone application: pino logs, OpenAPI at /api/docs, gRPC on GRPC_PORT (hybrid app),
 * shutdown hooks (SIGINT/SIGTERM close everything, the embedded PostgreSQL last), HTTP on API_HOST:API_PORT.
 * The simulation is not started here: call `app.get(SimulationDriver).start()` when SIMULATOR_ENABLED.
 */
export async function startStandaloneApp(config: AppConfig, options: Partial<StandaloneModuleOptions> = {}): Promise<NestExpressApplication> {
  const module = StandaloneModule.forRoot(config, { clock: options.clock ?? standaloneClock(config), logDestination: options.logDestination });
  const app = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true });
  try {
    app.useLogger(app.get(Logger));
    app.disable('x-powered-by');
    useStrictJsonBodies(app);
    // SIGTERM/SIGINT: shutdown hooks (consumers commit, pools close, embedded PostgreSQL stops), then exit 0.
    app.enableShutdownHooks([], { useProcessExit: true });
    setupOpenApi(app);
    app.connectMicroservice(grpcServerOptions(config), { inheritAppConfig: false });
    await app.startAllMicroservices();
    await app.listen(config.API_PORT, config.API_HOST);
    return app;
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
}
