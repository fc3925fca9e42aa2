import { Cell, CellKpiInterval, UsageRecord } from '@cellscope/domain';
import { TicketEvent } from '../model/simulated-ticket';
import { ScenarioDataKind, ScenarioSink } from './scenario-sink';

/** Sink that only counts what it is given (the CLI's `stdout-summary` target, dry runs). */
export class CountingScenarioSink extends ScenarioSink {
  readonly accepts: readonly ScenarioDataKind[] = ['cells', 'usage', 'kpis', 'tickets'];
  private readonly totals: Record<ScenarioDataKind, number> = { cells: 0, usage: 0, kpis: 0, tickets: 0 };

  /** Items received so far, per kind. */
  get counts(): Readonly<Record<ScenarioDataKind, number>> {
    return { ...this.totals };
  }

  async cells(cells: readonly Cell[]): Promise<void> {
    this.totals.cells += cells.length;
  }

  async usage(records: readonly UsageRecord[]): Promise<void> {
    this.totals.usage += records.length;
  }

  async kpis(intervals: readonly CellKpiInterval[]): Promise<void> {
    this.totals.kpis += intervals.length;
  }

  async tickets(events: readonly TicketEvent[]): Promise<void> {
    this.totals.tickets += events.length;
  }

  async close(): Promise<void> {}
}
