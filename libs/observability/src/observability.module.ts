import { DynamicModule, MiddlewareConsumer, Module, ModuleMetadata, NestModule, RequestMethod, Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AppConfig } from '@cellscope/config';
import { LoggerModule } from 'nestjs-pino';
import { DestinationStream } from 'pino';
import { HealthController } from './health/health.controller';
import { ReadinessProbe } from './health/readiness-probe';
import { ReadinessProbes } from './health/readiness-probes';
import { buildLoggerParams } from './logging/logger-params';
import { HttpMetricsMiddleware } from './metrics/http-metrics.middleware';
import { MetricsController } from './metrics/metrics.controller';

/** How an app wires logging, metrics and health. */
export interface ObservabilityOptions {
  /** Name of the app on every log line (`service`). */
  service: string;
  /** Dependencies `/health/ready` checks, e.g. [PostgresReadinessProbe, InfluxReadinessProbe, KafkaReadinessProbe]. */
  readinessProbes?: Type<ReadinessProbe>[];
  /** Modules that provide what the probes inject (when those are not global). */
  imports?: ModuleMetadata['imports'];
  /** Log destination; stdout when absent (tests capture log lines here). */
  logDestination?: DestinationStream;
}

/**
 * Structured JSON logs (nestjs-pino, MSISDNs masked), Prometheus metrics at `/metrics` and health at `/health/live`
 * and `/health/ready`. Use the Nest logger with `app.useLogger(app.get(Logger))` (Logger from nestjs-pino).
 */
@Module({})
export class ObservabilityModule implements NestModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    const probes = options.readinessProbes ?? [];
    return {
      module: ObservabilityModule,
      global: true,
      imports: [
        ...(options.imports ?? []),
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) =>
            buildLoggerParams(config, { service: options.service, destination: options.logDestination }),
        }),
        TerminusModule.forRoot({ errorLogStyle: 'json' }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        ...probes,
        { provide: ReadinessProbes, useFactory: (...found: ReadinessProbe[]) => new ReadinessProbes(found), inject: probes },
      ],
      exports: [ReadinessProbes, LoggerModule],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
