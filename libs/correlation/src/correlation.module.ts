import { DynamicModule, Module, Provider } from '@nestjs/common';
import { CellIngestHandler } from './cell-ingest.handler';
import { CorrelationService } from './correlation.service';
import { IngestLifecycle } from './ingest.lifecycle';
import { RecorrelationScheduler } from './recorrelation.scheduler';
import { TicketIngestHandler } from './ticket-ingest.handler';
import { UsageIngestHandler } from './usage-ingest.handler';
import { UsageRetentionJob } from './usage-retention.job';

export interface CorrelationModuleOptions {
  /** Consume the input topics (default true). */
  consume?: boolean;
  /** Run the re-correlation schedule and the usage retention job (default true). */
  background?: boolean;
}

/**
 * The correlator: input handlers, correlation, re-correlation schedule, usage retention. Needs ConfigModule,
 * PersistenceModule, KpiModule and MessagingModule in the application.
 */
@Module({})
export class CorrelationModule {
  static forRoot(options: CorrelationModuleOptions = {}): DynamicModule {
    const providers: Provider[] = [CorrelationService, TicketIngestHandler, CellIngestHandler, UsageIngestHandler];
    if (options.consume ?? true) providers.push(IngestLifecycle);
    if (options.background ?? true) providers.push(RecorrelationScheduler, UsageRetentionJob);
    return {
      module: CorrelationModule,
      providers,
      exports: [CorrelationService, TicketIngestHandler, CellIngestHandler, UsageIngestHandler],
    };
  }
}
