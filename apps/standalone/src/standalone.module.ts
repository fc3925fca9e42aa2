import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, Clock, ConfigModule } from '@cellscope/config';
import { CorrelationModule } from '@cellscope/correlation';
import { GrpcApiModule, IncidentsGrpcModule } from '@cellscope/grpc-api';
import { HttpApiModule, IncidentsApiModule } from '@cellscope/http-api';
import { KpiModule } from '@cellscope/kpi';
import { ConsumerReadinessProbe, MessagingModule } from '@cellscope/messaging';
import { NOTIFICATION_ENTITIES, NOTIFICATION_MIGRATIONS, NotificationModule } from '@cellscope/notification';
import { InfluxReadinessProbe, KafkaReadinessProbe, ObservabilityModule, PostgresReadinessProbe } from '@cellscope/observability';
import { PersistenceModule } from '@cellscope/persistence';
import { EmbeddedSimulationModule } from '@cellscope/simulator/embedded';
import { DestinationStream } from 'pino';
import { KpiStorePreparation } from './kpi-store.preparation';
import { NotifierViewConsumerRegistration } from './notifier-view-consumer.registration';
import { SmsActivityLog } from './sms-activity.log';

/** Extra wiring for tests. */
export interface StandaloneModuleOptions {
  /** The process clock (a SimulationClock when the simulator runs). */
  clock: Clock;
  /** Where log lines go (stdout by default). */
  logDestination?: DestinationStream;
}

/**
 * The standalone process: the API (REST, panel, OpenAPI, gRPC, incidents), the correlator (ingest handlers,
 * re-correlation, usage retention), the notifier (outage detection, SMS outbox, TICKET_UPDATE) and the in-process
 * simulation, over whatever the configuration binds the ports to (embedded or real).
 */
@Module({})
export class StandaloneModule {
  static forRoot(config: AppConfig, options: StandaloneModuleOptions): DynamicModule {
    return {
      module: StandaloneModule,
      imports: [
        ConfigModule.forRoot(config, options.clock),
        ObservabilityModule.forRoot({
          service: 'cellscope-standalone',
          readinessProbes: [PostgresReadinessProbe, InfluxReadinessProbe, KafkaReadinessProbe, ConsumerReadinessProbe],
          logDestination: options.logDestination,
        }),
        PersistenceModule.forRoot({
          applicationName: 'cellscope-standalone',
          extraEntities: NOTIFICATION_ENTITIES,
          extraMigrations: NOTIFICATION_MIGRATIONS,
        }),
        KpiModule.forRoot(),
        MessagingModule.forRoot(),
        CorrelationModule.forRoot(),
        NotificationModule.forRoot({ consume: false, lockApplicationName: 'cellscope-standalone-leader' }),
        HttpApiModule,
        IncidentsApiModule,
        GrpcApiModule,
        IncidentsGrpcModule,
        EmbeddedSimulationModule.forRoot(),
      ],
      providers: [NotifierViewConsumerRegistration, KpiStorePreparation, SmsActivityLog],
    };
  }
}
