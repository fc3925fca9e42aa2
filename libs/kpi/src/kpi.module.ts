import { DynamicModule, Module, Provider } from '@nestjs/common';
import { AppConfig } from '@cellscope/config';
import { InfluxHttpClient } from './influx-http.client';
import { InfluxKpiRepository } from './influx-kpi.repository';
import { InfluxKpiWriter } from './influx-kpi.writer';
import { InfluxSchema } from './influx-schema';
import { loadInfluxSchema } from './influx-schema.loader';
import { KpiRepository, KpiWriter } from './kpi.repository';
import { MemoryKpiStore } from './memory-kpi.store';

type KpiStoreKind = AppConfig['CELLSCOPE_KPI_STORE'];

/** Picks the adapter of the configured KPI store; with `memory` both ports get the same MemoryKpiStore. */
function pick<T>(config: AppConfig, adapters: Record<KpiStoreKind, T>): T {
  return adapters[config.CELLSCOPE_KPI_STORE];
}

/**
 * Binds the KPI ports according to CELLSCOPE_KPI_STORE: `influx` → InfluxKpiRepository / InfluxKpiWriter on one
 * InfluxHttpClient (exported for health checks) and the schema mapping of INFLUX_SCHEMA_FILE; `memory` → one
 * MemoryKpiStore instance behind both tokens. Needs the global ConfigModule (AppConfig). Building the adapters
 * opens no connection.
 */
@Module({})
export class KpiModule {
  static forRoot(): DynamicModule {
    const providers: Provider[] = [
      { provide: InfluxSchema, useFactory: (config: AppConfig) => loadInfluxSchema(config), inject: [AppConfig] },
      { provide: InfluxHttpClient, useFactory: (config: AppConfig) => InfluxHttpClient.fromConfig(config), inject: [AppConfig] },
      InfluxKpiRepository,
      InfluxKpiWriter,
      MemoryKpiStore,
      {
        provide: KpiRepository,
        useFactory: (config: AppConfig, influx: InfluxKpiRepository, memory: MemoryKpiStore) => pick<KpiRepository>(config, { influx, memory }),
        inject: [AppConfig, InfluxKpiRepository, MemoryKpiStore],
      },
      {
        provide: KpiWriter,
        useFactory: (config: AppConfig, influx: InfluxKpiWriter, memory: MemoryKpiStore) => pick<KpiWriter>(config, { influx, memory }),
        inject: [AppConfig, InfluxKpiWriter, MemoryKpiStore],
      },
    ];
    return { module: KpiModule, global: true, providers, exports: [KpiRepository, KpiWriter, InfluxHttpClient, InfluxSchema, InfluxKpiWriter, MemoryKpiStore] };
  }
}
