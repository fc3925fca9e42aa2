import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@cellscope/config';
import { CorrelationModule } from '@cellscope/correlation';
import { KpiModule } from '@cellscope/kpi';
import { MessagingModule } from '@cellscope/messaging';
import { InfluxReadinessProbe, KafkaReadinessProbe, ObservabilityModule, PostgresReadinessProbe } from '@cellscope/observability';
import { PersistenceModule } from '@cellscope/persistence';

/** The correlator process: Kafka inputs → network views in PostgreSQL and on Kafka; health and metrics over HTTP. */
@Module({})
export class CorrelatorModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CorrelatorModule,
      imports: [
        ConfigModule.forRoot(config),
        ObservabilityModule.forRoot({
          service: 'correlator',
          readinessProbes: [PostgresReadinessProbe, InfluxReadinessProbe, KafkaReadinessProbe],
        }),
        PersistenceModule.forRoot({ applicationName: 'cellscope-correlator' }),
        KpiModule.forRoot(),
        MessagingModule.forRoot(),
        CorrelationModule.forRoot(),
      ],
    };
  }
}
