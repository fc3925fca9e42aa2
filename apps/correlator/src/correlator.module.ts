import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@cellscope/config';
import { CorrelationModule } from '@cellscope/correlation';
import { KpiModule } from '@cellscope/kpi';
import { ConsumerReadinessProbe, MessagingModule } from '@cellscope/messaging';
import { InfluxReadinessProbe, KafkaReadinessProbe, ObservabilityModule, PostgresReadinessProbe } from '@cellscope/observability';
import { PersistenceModule } from '@cellscope/persistence';
import { DestinationStream } from 'pino';

/** Extra wiring for tests. */
export interface CorrelatorModuleOptions {
  /** Where log lines go (stdout by default). */
  logDestination?: DestinationStream;
}

/** The correlator process: Kafka inputs → network views in PostgreSQL and on Kafka; health and metrics over HTTP. */
@Module({})
export class CorrelatorModule {
  static forRoot(config: AppConfig, options: CorrelatorModuleOptions = {}): DynamicModule {
    return {
      module: CorrelatorModule,
      imports: [
        ConfigModule.forRoot(config),
        ObservabilityModule.forRoot({
          service: 'correlator',
          readinessProbes: [PostgresReadinessProbe, InfluxReadinessProbe, KafkaReadinessProbe, ConsumerReadinessProbe],
          logDestination: options.logDestination,
        }),
        PersistenceModule.forRoot({ applicationName: 'cellscope-correlator' }),
        KpiModule.forRoot(),
        MessagingModule.forRoot(),
        CorrelationModule.forRoot(),
      ],
    };
  }
}
