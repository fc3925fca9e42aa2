import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@cellscope/config';
import { DataSource } from 'typeorm';
import { PostgresConnection, PostgresConnectionOptions } from './postgres-connection';
import { CellRepository } from './ports/cell.repository';
import { NetworkViewRepository } from './ports/network-view.repository';
import { RecorrelationScheduleRepository } from './ports/recorrelation-schedule.repository';
import { TicketRepository } from './ports/ticket.repository';
import { UsageRepository } from './ports/usage.repository';
import { TypeOrmCellRepository } from './repositories/typeorm-cell.repository';
import { TypeOrmNetworkViewRepository } from './repositories/typeorm-network-view.repository';
import { TypeOrmRecorrelationScheduleRepository } from './repositories/typeorm-recorrelation-schedule.repository';
import { TypeOrmTicketRepository } from './repositories/typeorm-ticket.repository';
import { TypeOrmUsageRepository } from './repositories/typeorm-usage.repository';

/** Options of PersistenceModule.forRoot (a class, so it can be its own injection token). */
export class PersistenceModuleOptions implements PostgresConnectionOptions {
  extraEntities?: PostgresConnectionOptions['extraEntities'];
  extraMigrations?: PostgresConnectionOptions['extraMigrations'];
  applicationName?: string;
  poolSize?: number;
  migrate?: boolean;
  logging?: boolean;
}

/**
 * PostgreSQL persistence for a cellscope process (global once imported; needs ConfigModule for AppConfig).
 *
 * At start-up it starts embedded PostgreSQL when CELLSCOPE_DATABASE=embedded, creates the database when missing,
 * connects and runs the migrations; at shutdown it closes the pool and stops the embedded server.
 * It provides TicketRepository, CellRepository, UsageRepository, NetworkViewRepository,
 * RecorrelationScheduleRepository (TypeORM adapters) and the TypeORM `DataSource` (health checks, other adapters).
 *
 * Other libraries with tables of their own pass their entities and migrations here, e.g.
 * `PersistenceModule.forRoot({ extraEntities: NOTIFICATION_ENTITIES, extraMigrations: NOTIFICATION_MIGRATIONS })`;
 * their migrations run after the persistence ones (ordered by the timestamp in the class name) and their
 * repositories inject `DataSource`.
 */
@Module({})
export class PersistenceModule {
  static forRoot(options: PersistenceModuleOptions = {}): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      providers: [
        { provide: PersistenceModuleOptions, useValue: options },
        {
          provide: PostgresConnection,
          inject: [AppConfig, PersistenceModuleOptions],
          useFactory: (config: AppConfig, moduleOptions: PersistenceModuleOptions) =>
            PostgresConnection.open(config, moduleOptions),
        },
        {
          provide: DataSource,
          inject: [PostgresConnection],
          useFactory: (connection: PostgresConnection) => connection.dataSource,
        },
        { provide: TicketRepository, useClass: TypeOrmTicketRepository },
        { provide: CellRepository, useClass: TypeOrmCellRepository },
        { provide: UsageRepository, useClass: TypeOrmUsageRepository },
        { provide: NetworkViewRepository, useClass: TypeOrmNetworkViewRepository },
        { provide: RecorrelationScheduleRepository, useClass: TypeOrmRecorrelationScheduleRepository },
      ],
      exports: [
        DataSource,
        PostgresConnection,
        TicketRepository,
        CellRepository,
        UsageRepository,
        NetworkViewRepository,
        RecorrelationScheduleRepository,
      ],
    };
  }
}
