import { Cell, CellKpiInterval, UsageRecord } from '@cellscope/domain';
import { KpiWriter } from '@cellscope/kpi';
import { TicketEvent } from '../model/simulated-ticket';
import { ScenarioDataKind, ScenarioSink } from './scenario-sink';

/** Options of KpiWriterScenarioSink. */
export interface KpiWriterScenarioSinkOptions {
  /** Intervals per write call (default 10,000; the writer may split further). */
  batchSize?: number;
  /** Called once by close(). */
  onClose?: () => Promise<void>;
}

/**
 * Sink on the KpiWriter port: KPI intervals into a KPI store (InfluxKpiWriter for InfluxDB, MemoryKpiStore for
 * the embedded mode). Takes nothing else.
 */
export class KpiWriterScenarioSink extends ScenarioSink {
  readonly accepts: readonly ScenarioDataKind[] = ['kpis'];
  private readonly batchSize: number;
  private closed = false;

  constructor(
    private readonly writer: KpiWriter,
    private readonly options: KpiWriterScenarioSinkOptions = {},
  ) {
    super();
    this.batchSize = Math.max(1, options.batchSize ?? 10_000);
  }

  async cells(_cells: readonly Cell[]): Promise<void> {}

  async usage(_records: readonly UsageRecord[]): Promise<void> {}

  async kpis(intervals: readonly CellKpiInterval[]): Promise<void> {
    for (let i = 0; i < intervals.length; i += this.batchSize) await this.writer.write(intervals.slice(i, i + this.batchSize));
  }

  async tickets(_events: readonly TicketEvent[]): Promise<void> {}

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.options.onClose?.();
  }
}
