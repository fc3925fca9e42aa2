import { Cell, CellKpiInterval, UsageRecord } from '@cellscope/domain';
import { TicketEvent } from '../model/simulated-ticket';

/** The four kinds of data a scenario delivers. */
export const SCENARIO_DATA_KINDS = ['cells', 'usage', 'kpis', 'tickets'] as const;
export type ScenarioDataKind = (typeof SCENARIO_DATA_KINDS)[number];

/**
 * Port: where a scenario's data goes (Kafka topics, InfluxDB, the embedded mode's in-process bus and KPI store,
 * or just counters). A sink takes the kinds listed in `accepts`; the other methods resolve without doing anything.
 * Calls may come in any number of batches; each resolves once its data is durably handed over.
 */
export abstract class ScenarioSink {
  /** Kinds of data this sink delivers somewhere. */
  abstract readonly accepts: readonly ScenarioDataKind[];
  /** Cell inventory records. */
  abstract cells(cells: readonly Cell[]): Promise<void>;
  /** Usage records. */
  abstract usage(records: readonly UsageRecord[]): Promise<void>;
  /** KPI intervals. */
  abstract kpis(intervals: readonly CellKpiInterval[]): Promise<void>;
  /** Ticket versions (TicketEvents). */
  abstract tickets(events: readonly TicketEvent[]): Promise<void>;
  /** Releases what the sink owns; calling it again does nothing. */
  abstract close(): Promise<void>;
}
