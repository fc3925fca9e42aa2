import { Injectable, Optional } from '@nestjs/common';
import { Point } from '@influxdata/influxdb-client';
import { CellKpiInterval } from '@cellscope/domain';
import { InfluxHttpClient } from './influx-http.client';
import { InfluxSchema } from './influx-schema';
import { assertCellId, quoteIdentifier } from './influxql-escaping';
import { KpiWriter } from './kpi.repository';

/** Tuning of InfluxKpiWriter. */
export interface InfluxKpiWriterOptions {
  /** Lines per `/write` request. Default 5,000. */
  batchSize?: number;
}

const toEpochMs = (value: string | number | Date | undefined): string | undefined =>
  value instanceof Date ? String(value.getTime()) : value === undefined ? undefined : String(value);

/**
 * KpiWriter on InfluxDB: one point per interval in line protocol (built with the client library's Point), in
 * the operator's schema mapping (counters to their fields, percent KPIs as value and optional weight), sent to
 * `/write` with ms precision in batches.
 */
@Injectable()
export class InfluxKpiWriter extends KpiWriter {
  private readonly batchSize: number;

  constructor(
    private readonly client: InfluxHttpClient,
    private readonly schema: InfluxSchema = InfluxSchema.DEFAULT,
    @Optional() options: InfluxKpiWriterOptions = {},
  ) {
    super();
    this.batchSize = Math.max(1, options.batchSize ?? 5_000);
  }

  /** Creates the client's database when it does not exist (CREATE DATABASE is idempotent). */
  async ensureDatabase(): Promise<void> {
    await this.client.query(`CREATE DATABASE ${quoteIdentifier(this.client.database)}`, { method: 'POST' });
  }

  /** The line protocol of one interval, or undefined when the schema maps none of its values. */
  toLine(interval: CellKpiInterval): string | undefined {
    assertCellId(interval.cellId);
    const ms = interval.time.getTime();
    if (!Number.isFinite(ms)) throw new RangeError(`interval of ${interval.cellId} has an invalid time`);
    const point = new Point(this.schema.measurement).tag(this.schema.tagKey, interval.cellId).timestamp(interval.time);
    let fields = 0;
    for (const c of this.schema.counters) {
      const value = interval.counters[c];
      if (value === undefined || !Number.isFinite(value)) continue;
      point.floatField(this.schema.fields[c] as string, value);
      fields++;
    }
    for (const p of this.schema.percents) {
      const percent = interval.percents?.[p.kpi];
      if (!percent || !(percent.weight > 0) || !Number.isFinite(percent.weightedSum)) continue;
      point.floatField(p.field, percent.weightedSum / percent.weight);
      if (p.weightField !== undefined) point.floatField(p.weightField, percent.weight);
      fields++;
    }
    return fields === 0 ? undefined : point.toLineProtocol({ convertTime: toEpochMs });
  }

  /** Writes the intervals; every interval is validated (cellId rule, time) before the first batch is sent. */
  override async write(intervals: readonly CellKpiInterval[]): Promise<void> {
    const lines: string[] = [];
    for (const interval of intervals) {
      const line = this.toLine(interval);
      if (line !== undefined) lines.push(line);
    }
    for (let i = 0; i < lines.length; i += this.batchSize) {
      await this.client.write(lines.slice(i, i + this.batchSize).join('\n'));
    }
  }
}
