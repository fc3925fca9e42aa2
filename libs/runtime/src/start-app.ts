import { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppConfig, ConfigError, loadConfig } from '@cellscope/config';

export interface StartAppOptions {
  /** Builds the root module from the validated configuration. */
  module: (config: AppConfig) => DynamicModule;
  /** HTTP port to listen on (API, or health/metrics for the workers). */
  port: (config: AppConfig) => number;
  /** Work to do once the HTTP server listens (e.g. start a gRPC microservice). */
  afterListen?: (app: INestApplication, config: AppConfig) => Promise<void>;
  /** Settings that win over the environment (embedded mode). */
  overrides?: Partial<AppConfig>;
}

/**
 * Starts a cellscope process: validates the configuration (a bad variable stops it with a message naming it),
 * creates the Nest app with structured logging, enables graceful shutdown on SIGTERM/SIGINT and listens.
 */
export async function startApp(options: StartAppOptions): Promise<INestApplication> {
  let config: AppConfig;
  try {
    config = loadConfig(process.env, options.overrides);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const app = await NestFactory.create(options.module(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // On SIGTERM/SIGINT: finish and commit the work in flight, close the pools, then exit with code 0. (Nest's default
  // re-raises the signal after the hooks, so a clean stop ended "killed by SIGTERM" and looked like a crash.)
  app.enableShutdownHooks([], { useProcessExit: true });
  await app.listen(options.port(config), config.API_HOST);
  if (options.afterListen) await options.afterListen(app, config);
  return app;
}

/** Runs main() and exits non-zero with the error on stderr when start-up fails. */
export function runMain(main: () => Promise<unknown>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
