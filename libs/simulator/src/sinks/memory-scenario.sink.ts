import { Cell, CellKpiInterval, UsageRecord } from '@cellscope/domain';
import { TicketEvent } from '../model/simulated-ticket';
import { ScenarioDataKind, ScenarioSink } from './scenario-sink';

/** Sink that keeps everything in memory, in arrival order (tests, small embedded demos). */
export class MemoryScenarioSink extends ScenarioSink {
  readonly accepts: readonly ScenarioDataKind[] = ['cells', 'usage', 'kpis', 'tickets'];
  readonly received: { cells: Cell[]; usage: UsageRecord[]; kpis: CellKpiInterval[]; tickets: TicketEvent[] } = {
    cells: [],
    usage: [],
    kpis: [],
    tickets: [],
  };

  async cells(cells: readonly Cell[]): Promise<void> {
    this.received.cells.push(...cells);
  }

  async usage(records: readonly UsageRecord[]): Promise<void> {
    for (const record of records) this.received.usage.push(record);
  }

  async kpis(intervals: readonly CellKpiInterval[]): Promise<void> {
    for (const interval of intervals) this.received.kpis.push(interval);
  }

  async tickets(events: readonly TicketEvent[]): Promise<void> {
    this.received.tickets.push(...events);
  }

  async close(): Promise<void> {}
}
