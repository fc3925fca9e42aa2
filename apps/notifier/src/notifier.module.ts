import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, Clock, ConfigModule } from '@cellscope/config';
import { KpiModule } from '@cellscope/kpi';
import { ConsumerReadinessProbe, MessagingModule } from '@cellscope/messaging';
import { NOTIFICATION_ENTITIES, NOTIFICATION_MIGRATIONS, NotificationModule } from '@cellscope/notification';
import { InfluxReadinessProbe, KafkaReadinessProbe, ObservabilityModule, PostgresReadinessProbe } from '@cellscope/observability';
import { PersistenceModule } from '@cellscope/persistence';

/** Extra wiring for tests and benchmarks. */
export interface NotifierModuleOptions {
  /** The time source (a fixed or manual clock in tests); the system clock by default. */
  clock?: Clock;
  /** `application_name` suffix of this replica's PostgreSQL sessions (tell replicas apart in pg_stat_activity). */
  replica?: string;
  /** Consume complaints.network-context.v1 for TICKET_UPDATE (default true; off in tests about detection only). */
  consumeViews?: boolean;
}

/**
 * The notifier process: leader-elected outage detection → incidents and SMS triggers through the outbox onto
 * notifications.sms.v1, TICKET_UPDATE from complaints.network-context.v1 (consumer group NOTIFIER_KAFKA_GROUP_ID,
 * default `cellscope-notifier`); health and metrics over HTTP on NOTIFIER_PORT.
 */
@Module({})
export class NotifierModule {
  static forRoot(config: AppConfig, options: NotifierModuleOptions = {}): DynamicModule {
    // The notifier reads the views in its own consumer group, never the correlator's.
    const notifierConfig = Object.assign(new AppConfig(), config, { KAFKA_GROUP_ID: config.NOTIFIER_KAFKA_GROUP_ID });
    const name = options.replica ? `cellscope-notifier-${options.replica}` : 'cellscope-notifier';
    return {
      module: NotifierModule,
      imports: [
        ConfigModule.forRoot(notifierConfig, options.clock),
        ObservabilityModule.forRoot({
          service: 'notifier',
          readinessProbes: [PostgresReadinessProbe, InfluxReadinessProbe, KafkaReadinessProbe, ConsumerReadinessProbe],
        }),
        PersistenceModule.forRoot({
          applicationName: name,
          extraEntities: NOTIFICATION_ENTITIES,
          extraMigrations: NOTIFICATION_MIGRATIONS,
        }),
        KpiModule.forRoot(),
        MessagingModule.forRoot(),
        NotificationModule.forRoot({ lockApplicationName: `${name}-leader`, consume: options.consumeViews ?? true }),
      ],
    };
  }
}
