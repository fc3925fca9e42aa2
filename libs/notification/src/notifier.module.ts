import { DynamicModule, Module, Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { leaderLockConnection } from './leadership/leader-lock-connection';
import { PostgresAdvisoryLeaderLock } from './leadership/postgres-advisory.leader-lock';
import { NotificationPlanner } from './notification.planner';
import { NotificationStoreModule } from './notification-store.module';
import { NotifierTicker } from './notifier.ticker';
import { OutageDetectionService } from './outage-detection.service';
import { OutboxPublisher } from './outbox.publisher';
import { LeaderLock } from './ports/leader-lock';
import { TicketUpdateHandler } from './ticket-update/ticket-update.handler';
import { TicketUpdateLifecycle } from './ticket-update/ticket-update.lifecycle';

/** Name of the notifier's leader lock (replicas on the same database exclude each other). */
export const NOTIFIER_LEADER_LOCK = 'cellscope.notifier.detection';

/** Options of NotificationModule.forRoot. */
export interface NotificationModuleOptions {
  /** Run the ticker (leader election, detection, outbox publishing); default true. */
  detect?: boolean;
  /** Consume complaints.network-context.v1 for TICKET_UPDATE notices; default true. */
  consume?: boolean;
  /** `application_name` of the leader-lock session (default `cellscope-notifier-leader`). */
  lockApplicationName?: string;
}

/**
 * The notifier: outage and complaint-cluster incidents, proactive SMS through the outbox, leader election among
 * replicas, TICKET_UPDATE from published views. Needs ConfigModule (AppConfig, Clock), PersistenceModule (with the
 * notification entities and migrations), KpiModule and MessagingModule in the application.
 */
@Module({})
export class NotificationModule {
  static forRoot(options: NotificationModuleOptions = {}): DynamicModule {
    const providers: Provider[] = [
      NotificationPlanner,
      OutageDetectionService,
      OutboxPublisher,
      TicketUpdateHandler,
      {
        provide: LeaderLock,
        inject: [DataSource],
        useFactory: (dataSource: DataSource) =>
          new PostgresAdvisoryLeaderLock(leaderLockConnection(dataSource), {
            name: NOTIFIER_LEADER_LOCK,
            applicationName: options.lockApplicationName ?? 'cellscope-notifier-leader',
          }),
      },
    ];
    if (options.detect ?? true) providers.push(NotifierTicker);
    if (options.consume ?? true) providers.push(TicketUpdateLifecycle);
    return {
      module: NotificationModule,
      imports: [NotificationStoreModule],
      providers,
      exports: [NotificationStoreModule, NotificationPlanner, OutageDetectionService, OutboxPublisher, TicketUpdateHandler, LeaderLock],
    };
  }
}
