import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { FixedWindowThrottlerStorage } from './auth/fixed-window-throttler.storage';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '@cellscope/config';
import { ApiAccessService } from './auth/api-access.service';
import { TicketCommandService } from './commands/ticket-command.service';
import { CellsController } from './controllers/cells.controller';
import { HotspotsController } from './controllers/hotspots.controller';
import { TicketsController } from './controllers/tickets.controller';
import { ApiExceptionFilter } from './errors/api-exception.filter';
import { PanelController } from './panel/panel.controller';
import { CellQueryService } from './queries/cell-query.service';
import { KpiThresholds } from './queries/kpi-thresholds';
import { NetworkViewQueryService } from './queries/network-view-query.service';

/**
 * The REST API under `/api/v1` and the web panel at `/`. Needs the persistence, KPI and messaging ports bound by
 * their modules. The query services are exported for the gRPC API (same views, same masking).
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        throttlers: [{ name: 'per-key', ttl: 60_000, limit: config.API_RATE_LIMIT_PER_MINUTE }],
        storage: new FixedWindowThrottlerStorage(),
      }),
    }),
  ],
  controllers: [TicketsController, CellsController, HotspotsController, PanelController],
  providers: [
    ApiAccessService,
    KpiThresholds,
    NetworkViewQueryService,
    CellQueryService,
    TicketCommandService,
    { provide: APP_FILTER, useClass: ApiExceptionFilter },
  ],
  exports: [ApiAccessService, NetworkViewQueryService, CellQueryService, KpiThresholds],
})
export class HttpApiModule {}
