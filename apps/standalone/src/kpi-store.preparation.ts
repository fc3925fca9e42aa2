import { Injectable, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@cellscope/config';
import { InfluxKpiWriter, MemoryKpiStore } from '@cellscope/kpi';

/** What the in-memory KPI store keeps: the 7-day baseline window plus a day for evaluation windows and late PM data. */
export const MEMORY_KPI_RETENTION_MS = 8 * 24 * 3_600_000;

/**
 * Prepares the configured KPI store for a long-running standalone process: the in-memory store gets a retention
 * horizon (so memory stays bounded while the simulator streams); with InfluxDB and the simulator on, the database
 * the simulator writes to is created when missing.
 */
@Injectable()
export class KpiStorePreparation implements OnModuleInit {
  constructor(
    private readonly config: AppConfig,
    private readonly memory: MemoryKpiStore,
    private readonly influx: InfluxKpiWriter,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.config.CELLSCOPE_KPI_STORE === 'memory') this.memory.retainFor(MEMORY_KPI_RETENTION_MS);
    else if (this.config.SIMULATOR_ENABLED) await this.influx.ensureDatabase();
  }
}
