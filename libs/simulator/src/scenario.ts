import { Cell, CellKpiInterval, UsageRecord } from '@cellscope/domain';
import { CityProfile } from './city/city-profile';
import { FaultPlan } from './fault-plan';
import { Fault } from './model/fault';
import { SimulatedSite } from './model/simulated-site';
import { SimulatedSubscriber } from './model/simulated-subscriber';
import { SimulatedTicket, TicketEvent } from './model/simulated-ticket';
import { SeedInput } from './random/seeded-random';
import { ScenarioOptions } from './scenario-options';
import { ScenarioStream } from './scenario-stream';
import { ScenarioTimeline } from './scenario-timeline';

/**
 * A simulated network as of `now`: the inventory, everything delivered so far, the complaints reported so far
 * with their ground truth, and the fault plan. `stream()` continues the same story live.
 */
export interface Scenario {
  /** The seed as given (number or text). */
  seedInput: SeedInput;
  /** The 32-bit seed everything was derived from. */
  seed: number;
  city: CityProfile;
  /** Start of the history (now − historyHours, floored to 15 minutes). */
  from: Date;
  now: Date;
  sites: SimulatedSite[];
  /** The cell inventory (CellRecords), ACTIVE and INACTIVE. */
  cells: Cell[];
  subscribers: SimulatedSubscriber[];
  /** Fault episodes overlapping [from, now). */
  faults: Fault[];
  /** The whole fault plan, also for times after now. */
  faultPlan: FaultPlan;
  /** KPI intervals whose PM data has arrived by now (the last 30–60 minutes are still missing). */
  kpis: CellKpiInterval[];
  /** Usage records whose probe block has arrived by now. */
  usage: UsageRecord[];
  /** Complaints reported by now (exactly `tickets`), ordered by reportedAt. */
  tickets: SimulatedTicket[];
  /** Every ticket version sent by now, in sending order (later versions of some tickets included). */
  ticketEvents: TicketEvent[];
  /** End of the newest interval with data. */
  kpiDataThrough: Date | null;
  /** The live continuation from `now` on. */
  stream(): ScenarioStream;
}

/**
 * Builds a complete, deterministic scenario (same options → same scenario): region, subscribers, fault plan, KPI
 * intervals, usage records and complaint tickets of the history before `now`, consistent with each other.
 * The default (300 sites, 2,000 subscribers, 300 tickets, 48 hours) takes well under two seconds.
 */
export function buildScenario(options: ScenarioOptions): Scenario {
  const timeline = new ScenarioTimeline(options);
  const { from, now } = timeline;
  const emissions = timeline.ticketEmissions(-Infinity, now);
  return {
    seedInput: options.seed,
    seed: timeline.seed,
    city: timeline.city,
    from: new Date(from),
    now: new Date(now),
    sites: timeline.layout.sites,
    cells: timeline.layout.cells,
    subscribers: timeline.subscribers,
    faults: timeline.faultsBetween(from, now),
    faultPlan: timeline.faultPlan,
    kpis: timeline.kpisArriving(-Infinity, now),
    usage: timeline.usageArriving(-Infinity, now),
    tickets: emissions.filter((e) => e.emission === e.ticket.emissions[0]).map((e) => e.ticket),
    ticketEvents: emissions.map((e) => e.emission.event),
    kpiDataThrough: timeline.kpiDataThrough(now),
    stream: () => new ScenarioStream(timeline, new Date(now)),
  };
}
