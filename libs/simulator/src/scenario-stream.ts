import { CellKpiInterval, UsageRecord } from '@cellscope/domain';
import { Fault } from './model/fault';
import { SimulatedTicket, TicketEvent } from './model/simulated-ticket';
import { ScenarioTimeline } from './scenario-timeline';

const MINUTE_MS = 60_000;

/** What arrived during one step of the live simulation, (from, to]. */
export interface ScenarioDelta {
  from: Date;
  to: Date;
  /** KPI intervals whose PM data arrived (typically 30–45 minutes after the interval ended). */
  kpis: CellKpiInterval[];
  /** Usage blocks that arrived (5 minutes after each hour). */
  usage: UsageRecord[];
  /** Ticket versions sent, in sending order. */
  ticketEvents: TicketEvent[];
  /** Tickets whose first version was sent in this step, with their ground truth. */
  newTickets: SimulatedTicket[];
  /** Fault episodes that began in this step. */
  faultsStarted: Fault[];
  /** kpiDataThrough at the end of the step. */
  kpiDataThrough: Date | null;
}

/**
 * The live continuation of a scenario: each step returns the data that "arrived" since the previous one, on the
 * same time line as the snapshot (snapshot + all steps = the whole story, whatever the step sizes).
 * Simulated time only moves when asked; the caller decides how it relates to the wall clock.
 */
export class ScenarioStream {
  private position: number;

  constructor(
    private readonly timeline: ScenarioTimeline,
    start: Date,
  ) {
    this.position = +start;
  }

  /** Simulated time up to which data has been handed out. */
  get cursor(): Date {
    return new Date(this.position);
  }

  /** Moves simulated time forward by `minutes` (> 0). */
  advance(minutes: number): ScenarioDelta {
    if (!(minutes > 0)) throw new RangeError(`minutes must be > 0, got ${minutes}`);
    return this.advanceTo(new Date(this.position + minutes * MINUTE_MS));
  }

  /** Moves simulated time forward to `to` (not before the cursor). */
  advanceTo(to: Date): ScenarioDelta {
    const until = +to;
    if (!(until >= this.position)) throw new RangeError(`cannot move back from ${this.cursor.toISOString()} to ${to.toISOString()}`);
    const after = this.position;
    const emissions = this.timeline.ticketEmissions(after, until);
    const delta: ScenarioDelta = {
      from: new Date(after),
      to: new Date(until),
      kpis: this.timeline.kpisArriving(after, until),
      usage: this.timeline.usageArriving(after, until),
      ticketEvents: emissions.map((e) => e.emission.event),
      newTickets: emissions.filter((e) => e.emission === e.ticket.emissions[0]).map((e) => e.ticket),
      faultsStarted: this.timeline.faultsBetween(after, until + 1).filter((f) => +f.from > after && +f.from <= until),
      kpiDataThrough: this.timeline.kpiDataThrough(until),
    };
    this.position = until;
    return delta;
  }

  /** Steps of `stepMinutes` until `until` (inclusive of a last shorter step). */
  *steps(stepMinutes: number, until: Date): Generator<ScenarioDelta> {
    while (this.position < +until) {
      yield this.advanceTo(new Date(Math.min(+until, this.position + stepMinutes * MINUTE_MS)));
    }
  }
}
