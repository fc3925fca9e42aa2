import { Injectable } from '@nestjs/common';
import { AppConfig } from '@cellscope/config';
import { InfluxHttpClient } from '@cellscope/kpi';
import { ReadinessProbe } from './readiness-probe';

/**
 * InfluxDB is ready when `/ping` answers (InfluxHttpClient of KpiModule, no retries); the in-memory KPI store
 * (`CELLSCOPE_KPI_STORE=memory`) always is.
 */
@Injectable()
export class InfluxReadinessProbe extends ReadinessProbe {
  readonly name = 'influxdb';

  constructor(
    private readonly config: AppConfig,
    private readonly influx: InfluxHttpClient,
  ) {
    super();
  }

  async check(): Promise<Record<string, unknown>> {
    if (this.config.CELLSCOPE_KPI_STORE !== 'influx') return { mode: this.config.CELLSCOPE_KPI_STORE };
    const ping = await this.influx.ping();
    return { version: ping.version, latencyMs: Math.round(ping.latencyMs) };
  }
}
