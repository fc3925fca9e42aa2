import { DynamicModule, Module } from '@nestjs/common';
import { IngestWatermark } from './ingest-watermark';
import { SimulationDriver } from './simulation-driver.service';

/**
 * The in-process simulation of the embedded mode: SimulationDriver (start it once the application listens) and
 * the IngestWatermark it waits on. Needs ConfigModule (AppConfig, Clock), PersistenceModule, KpiModule and
 * MessagingModule in the application; it works with every binding of their ports.
 */
@Module({})
export class EmbeddedSimulationModule {
  static forRoot(): DynamicModule {
    return {
      module: EmbeddedSimulationModule,
      providers: [IngestWatermark, SimulationDriver],
      exports: [SimulationDriver, IngestWatermark],
    };
  }
}
