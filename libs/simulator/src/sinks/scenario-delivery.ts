import { Cell, CellKpiInterval, UsageRecord } from '@cellscope/domain';
import { TicketEvent } from '../model/simulated-ticket';
import { ProgressReporter } from './progress-reporter';
import { ScenarioDataKind, ScenarioSink } from './scenario-sink';

/** What a delivery sends: a Scenario snapshot or a ScenarioDelta of the live stream. */
export interface ScenarioData {
  cells?: readonly Cell[];
  kpis: readonly CellKpiInterval[];
  usage: readonly UsageRecord[];
  ticketEvents: readonly TicketEvent[];
}

/** Options of deliverScenario. */
export interface DeliveryOptions {
  /** Items per sink call (default 5,000). */
  batchSize?: number;
  /** Progress lines go here (none when absent). */
  progress?: (line: string) => void;
  /** Progress every this many percent (default 10). */
  progressEveryPercent?: number;
  /** Time source for progress (default Date.now). */
  clock?: () => number;
}

/** Items handed to the sink per kind (kinds it does not accept are skipped and count 0). */
export type DeliveryCounts = Record<ScenarioDataKind, number>;

/**
 * Hands scenario data to a sink in batches, in the order a consumer needs it: the cell inventory first, then KPI
 * intervals and usage records, the tickets last (so their correlation finds the data). Kinds the sink does not
 * accept are skipped. Reports progress over all items.
 */
export async function deliverScenario(data: ScenarioData, sink: ScenarioSink, options: DeliveryOptions = {}): Promise<DeliveryCounts> {
  const batchSize = Math.max(1, options.batchSize ?? 5000);
  const plan: { kind: ScenarioDataKind; items: readonly unknown[]; send: (batch: never[]) => Promise<void> }[] = [
    { kind: 'cells', items: data.cells ?? [], send: (b) => sink.cells(b) },
    { kind: 'kpis', items: data.kpis, send: (b) => sink.kpis(b) },
    { kind: 'usage', items: data.usage, send: (b) => sink.usage(b) },
    { kind: 'tickets', items: data.ticketEvents, send: (b) => sink.tickets(b) },
  ];
  const active = plan.filter((step) => sink.accepts.includes(step.kind));
  const total = active.reduce((sum, step) => sum + step.items.length, 0);
  const progress = options.progress
    ? new ProgressReporter(total, { write: options.progress, everyPercent: options.progressEveryPercent, clock: options.clock })
    : undefined;
  const counts: DeliveryCounts = { cells: 0, usage: 0, kpis: 0, tickets: 0 };
  for (const step of active) {
    for (let i = 0; i < step.items.length; i += batchSize) {
      const batch = step.items.slice(i, i + batchSize);
      await step.send(batch as never[]);
      counts[step.kind] += batch.length;
      progress?.advance(batch.length, step.kind);
    }
  }
  return counts;
}
