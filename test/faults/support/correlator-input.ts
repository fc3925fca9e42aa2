import { Cell, CellKpiInterval, evaluationWindow, UsageRecord, VerdictCause } from '@cellscope/domain';
import { buildScenario, TicketEvent } from '@cellscope/simulator';

/** What the fault tests feed the correlator: one simulated region, the same in every run of a suite. */
export interface CorrelatorInput {
  seed: number;
  /** The simulated present. */
  now: Date;
  /** The inventory (ACTIVE and INACTIVE cells). */
  cells: Cell[];
  /** Usage records delivered by `now`. */
  usage: UsageRecord[];
  /** KPI intervals delivered by `now` (the newest 30–60 minutes are still missing, as in real life). */
  kpisOnTime: CellKpiInterval[];
  /** The PM data that arrives later and completes the evaluation window of every ticket. */
  kpisLate: CellKpiInterval[];
  /** Every ticket version, in sending order (later versions of some tickets included). */
  ticketEvents: TicketEvent[];
  /** The newest version of every ticket: its view must end at that version. */
  latestVersion: Map<string, number>;
  /** The simulator's ground truth per ticket (the verdict the rules should reach on complete data). */
  expectedCause: Map<string, VerdictCause>;
  /** End of the KPI data delivered on time, and with the late data. */
  kpiDataThroughOnTime: Date;
  kpiDataThroughComplete: Date;
}

/** Options of {@link buildCorrelatorInput}. */
export interface CorrelatorInputOptions {
  seed?: number;
  /** Complaints (work orders); each may have several versions. */
  tickets: number;
  subscribers?: number;
  historyHours?: number;
  /** CORRELATION_WINDOW_MINUTES of the correlator under test (default 60). */
  windowMinutes?: number;
}

/** A fixed simulated present, so every run (and every machine) gets the same data. */
const SIMULATED_NOW = new Date('2026-03-04T12:00:00.000Z');

/**
 * Builds the input with the network simulator (deterministic: same options → same data): a region around Hohhot
 * with injected faults, subscribers, usage, KPI intervals and complaint tickets with their ground truth. The late
 * KPI data is taken from the simulator's live continuation until every ticket's evaluation window is covered.
 */
export function buildCorrelatorInput(options: CorrelatorInputOptions): CorrelatorInput {
  const seed = options.seed ?? 20260304;
  const scenario = buildScenario({
    seed,
    now: SIMULATED_NOW,
    tickets: options.tickets,
    subscribers: options.subscribers ?? 5000,
    historyHours: options.historyHours ?? 12,
  });
  if (!scenario.kpiDataThrough) throw new Error('the simulated scenario delivered no KPI data');
  const windowMinutes = options.windowMinutes ?? 60;
  const coverUntil = Math.max(...scenario.tickets.map((t) => evaluationWindow(t.occurredAt, windowMinutes).to.getTime()));
  const stream = scenario.stream();
  const kpisLate: CellKpiInterval[] = [];
  let through = scenario.kpiDataThrough;
  for (let steps = 0; through.getTime() < coverUntil; steps += 1) {
    if (steps > 4 * 24) throw new Error(`the simulator's PM data did not reach ${new Date(coverUntil).toISOString()} within a simulated day`);
    const delta = stream.advance(15);
    kpisLate.push(...delta.kpis);
    if (delta.kpiDataThrough) through = delta.kpiDataThrough;
  }
  const latestVersion = new Map<string, number>();
  for (const event of scenario.ticketEvents) latestVersion.set(event.ticketId, Math.max(event.version, latestVersion.get(event.ticketId) ?? 0));
  return {
    seed,
    now: scenario.now,
    cells: scenario.cells,
    usage: scenario.usage,
    kpisOnTime: scenario.kpis,
    kpisLate,
    ticketEvents: scenario.ticketEvents,
    latestVersion,
    expectedCause: new Map(scenario.tickets.map((t) => [t.ticketId, t.expected.cause])),
    kpiDataThroughOnTime: scenario.kpiDataThrough,
    kpiDataThroughComplete: through,
  };
}
