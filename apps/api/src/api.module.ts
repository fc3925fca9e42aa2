import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@cellscope/config';
import { GrpcApiModule, IncidentsGrpcModule } from '@cellscope/grpc-api';
import { HttpApiModule, IncidentsApiModule } from '@cellscope/http-api';
import { KpiModule } from '@cellscope/kpi';
import { MessagingModule } from '@cellscope/messaging';
import { InfluxReadinessProbe, KafkaReadinessProbe, ObservabilityModule, PostgresReadinessProbe } from '@cellscope/observability';
import { NOTIFICATION_ENTITIES, NOTIFICATION_MIGRATIONS } from '@cellscope/notification';
import { PersistenceModule } from '@cellscope/persistence';
import { DestinationStream } from 'pino';

/** Extra wiring for tests and benchmarks. */
export interface ApiModuleOptions {
  /** Where log lines go (stdout by default). */
  logDestination?: DestinationStream;
}

/** The API process: REST + panel + gRPC over the persistence, KPI and messaging ports, with logs, metrics and health. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig, options: ApiModuleOptions = {}): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        PersistenceModule.forRoot({
          applicationName: 'cellscope-api',
          extraEntities: NOTIFICATION_ENTITIES,
          extraMigrations: NOTIFICATION_MIGRATIONS,
        }),
        { ...KpiModule.forRoot(), global: true },
        MessagingModule.forRoot(),
        ObservabilityModule.forRoot({
          service: 'cellscope-api',
          readinessProbes: [PostgresReadinessProbe, InfluxReadinessProbe, KafkaReadinessProbe],
          logDestination: options.logDestination,
        }),
        HttpApiModule,
        GrpcApiModule,
        IncidentsApiModule,
        IncidentsGrpcModule,
      ],
    };
  }
}
