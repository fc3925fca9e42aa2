import { Cell, CellKpiInterval, UsageRecord } from '@cellscope/domain';
import { TicketEvent } from '../model/simulated-ticket';
import { SCENARIO_DATA_KINDS, ScenarioDataKind, ScenarioSink } from './scenario-sink';

/** Sends each kind of data to every sink that takes it (e.g. Kafka for messages and InfluxDB for KPIs), in parallel. */
export class FanOutScenarioSink extends ScenarioSink {
  readonly accepts: readonly ScenarioDataKind[];

  constructor(private readonly sinks: readonly ScenarioSink[]) {
    super();
    this.accepts = SCENARIO_DATA_KINDS.filter((kind) => sinks.some((sink) => sink.accepts.includes(kind)));
  }

  cells(cells: readonly Cell[]): Promise<void> {
    return this.each('cells', (sink) => sink.cells(cells));
  }

  usage(records: readonly UsageRecord[]): Promise<void> {
    return this.each('usage', (sink) => sink.usage(records));
  }

  kpis(intervals: readonly CellKpiInterval[]): Promise<void> {
    return this.each('kpis', (sink) => sink.kpis(intervals));
  }

  tickets(events: readonly TicketEvent[]): Promise<void> {
    return this.each('tickets', (sink) => sink.tickets(events));
  }

  /** Closes every sink, even when one fails (the first failure is rethrown). */
  async close(): Promise<void> {
    const results = await Promise.allSettled(this.sinks.map((sink) => sink.close()));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  private async each(kind: ScenarioDataKind, call: (sink: ScenarioSink) => Promise<void>): Promise<void> {
    await Promise.all(this.sinks.filter((sink) => sink.accepts.includes(kind)).map(call));
  }
}
