import { CellKpiInterval, UsageRecord } from '@cellscope/domain';
import { CityProfile } from './city/city-profile';
import { CityTime } from './city/city-time';
import { HOHHOT_CITY } from './city/hohhot.city';
import { DailyRoutine } from './daily-routine';
import { DeliverySchedule } from './delivery-schedule';
import { FaultPlan } from './fault-plan';
import { INTERVAL_MS, KpiGenerator } from './kpi-generator';
import { Fault } from './model/fault';
import { RegionLayout } from './model/simulated-site';
import { SimulatedSubscriber } from './model/simulated-subscriber';
import { SimulatedTicket, TicketEmission } from './model/simulated-ticket';
import { NetworkTopology } from './network-topology';
import { SeededRandom } from './random/seeded-random';
import { generateRegion } from './region-generator';
import { ScenarioOptions } from './scenario-options';
import { generateSubscribers } from './subscriber-generator';
import { TicketGenerator, TicketSegment } from './ticket-generator';
import { UsageGenerator } from './usage-generator';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** Complaints start this long after the history begins, so their evaluation window has data. */
const TICKET_WARMUP_MS = 2 * HOUR_MS;
/** Complaints happen within [day start + 75 min, day end − 75 min] (see TicketGenerator). */
const DAY_MARGIN_MS = 75 * MINUTE_MS;
/** Ticket updates trail their story by at most this many days. */
const EMISSION_LAG_DAYS = 3;

/** A ticket emission with the ticket it belongs to. */
export interface TimedEmission {
  ticket: SimulatedTicket;
  emission: TicketEmission;
}

/**
 * One simulated world on one time line: region, subscribers, fault plan, complaints, and the generators of KPI
 * intervals and usage records, with the delivery schedule that says when each piece of data arrives. The
 * snapshot of buildScenario and the live ScenarioStream both read "what arrived in (after, until]" from here.
 */
export class ScenarioTimeline {
  readonly seed: number;
  readonly city: CityProfile;
  readonly time: CityTime;
  readonly layout: RegionLayout;
  readonly topology: NetworkTopology;
  readonly subscribers: SimulatedSubscriber[];
  readonly faultPlan: FaultPlan;
  readonly delivery: DeliverySchedule;
  readonly kpiGenerator: KpiGenerator;
  readonly usageGenerator: UsageGenerator;
  readonly ticketGenerator: TicketGenerator;
  /** Start of the simulated history (now − history, floored to 15 minutes). */
  readonly from: number;
  readonly now: number;
  private readonly historyCounts = new Map<number, number>();
  private readonly liveRatePerMs: number;

  constructor(options: ScenarioOptions) {
    this.seed = SeededRandom.seedOf(options.seed);
    this.city = options.city ?? HOHHOT_CITY;
    this.time = new CityTime(this.city.utcOffsetMinutes);
    const historyHours = options.historyHours ?? 48;
    if (!(historyHours >= 0)) throw new RangeError(`historyHours must be ≥ 0, got ${historyHours}`);
    this.now = +options.now;
    if (!Number.isFinite(this.now)) throw new RangeError('now must be a valid date');
    this.from = Math.floor((this.now - historyHours * HOUR_MS) / INTERVAL_MS) * INTERVAL_MS;
    const tickets = options.tickets ?? 300;
    if (!Number.isInteger(tickets) || tickets < 0) throw new RangeError(`tickets must be a non-negative integer, got ${tickets}`);

    this.layout = generateRegion({ seed: this.seed, sites: options.sites, city: this.city });
    this.topology = new NetworkTopology(this.layout);
    this.subscribers = generateSubscribers({ seed: this.seed, topology: this.topology, count: options.subscribers, city: this.city });
    this.faultPlan = new FaultPlan(this.seed, this.topology, this.time, options.faultRates);
    this.delivery = new DeliverySchedule(this.seed, options.delays);
    this.kpiGenerator = new KpiGenerator(this.seed, this.topology, this.faultPlan, this.time);
    const routine = new DailyRoutine(this.seed, this.topology, this.subscribers, this.time);

    // History complaints: exactly `tickets`, spread over the days in proportion to the time they can happen in.
    const historyStart = this.from + TICKET_WARMUP_MS;
    const eligible = new Map<number, number>();
    let totalEligible = 0;
    for (let day = this.time.dayOf(historyStart); historyStart < this.now && day <= this.time.dayOf(this.now); day++) {
      const ms = this.eligibleMs(day, historyStart, this.now);
      if (ms > 0) {
        eligible.set(day, ms);
        totalEligible += ms;
      }
    }
    if (totalEligible > 0) {
      const shares = [...eligible].map(([day, ms]) => ({ day, exact: (tickets * ms) / totalEligible, n: Math.floor((tickets * ms) / totalEligible) }));
      let left = tickets - shares.reduce((sum, s) => sum + s.n, 0);
      for (const share of [...shares].sort((a, b) => b.exact - b.n - (a.exact - a.n) || a.day - b.day)) {
        if (left-- <= 0) break;
        share.n++;
      }
      for (const share of shares) this.historyCounts.set(share.day, share.n);
    }
    this.liveRatePerMs = tickets / Math.max(totalEligible, DAY_MS - 2 * DAY_MARGIN_MS);

    this.ticketGenerator = new TicketGenerator({
      seed: this.seed,
      city: this.city,
      topology: this.topology,
      subscribers: this.subscribers,
      routine,
      faults: this.faultPlan,
      time: this.time,
      delivery: this.delivery,
      causeMix: options.causeMix,
      freeTextShare: options.freeTextShare,
      segmentsOfDay: (day) => this.segmentsOfDay(day, historyStart),
    });
    this.usageGenerator = new UsageGenerator(this.seed, this.topology, this.subscribers, routine, this.faultPlan, this.time, this.ticketGenerator);
  }

  /** KPI intervals (from the history start on) whose PM data arrives in (after, until]. */
  kpisArriving(after: number, until: number): CellKpiInterval[] {
    const result: CellKpiInterval[] = [];
    for (const t of this.delivery.kpiIntervalsArriving(after, until, this.from)) {
      for (const cell of this.topology.activeCells) result.push(this.kpiGenerator.interval(cell, t));
    }
    return result;
  }

  /** Usage records (from the history start on) whose block arrives in (after, until]. */
  usageArriving(after: number, until: number): UsageRecord[] {
    const result: UsageRecord[] = [];
    for (const block of this.delivery.usageBlocksArriving(after, until, this.from)) this.usageGenerator.appendBlock(block, this.from, result);
    return result;
  }

  /** Ticket versions sent in (after, until], in sending order. */
  ticketEmissions(after: number, until: number): TimedEmission[] {
    const result: TimedEmission[] = [];
    const firstDay = Math.max(this.time.dayOf(this.from), Number.isFinite(after) ? this.time.dayOf(after) - EMISSION_LAG_DAYS : -Infinity);
    for (let day = firstDay; day <= this.time.dayOf(until); day++) {
      for (const ticket of this.ticketGenerator.dayTickets(day)) {
        for (const emission of ticket.emissions) {
          if (+emission.at > after && +emission.at <= until) result.push({ ticket, emission });
        }
      }
    }
    return result.sort((a, b) => +a.emission.at - +b.emission.at || (a.emission.event.ticketId < b.emission.event.ticketId ? -1 : 1) || a.emission.event.version - b.emission.event.version);
  }

  /** End of the newest interval whose data has arrived by `at` (kpis.md "kpiDataThrough"), or null. */
  kpiDataThrough(at: number): Date | null {
    const { min } = this.delivery.delays.pmDelayMinutes;
    // The newest candidate ends `min` minutes before `at`; every interval ending `max` minutes before has arrived.
    for (let t = Math.floor((at - INTERVAL_MS - min * MINUTE_MS) / INTERVAL_MS) * INTERVAL_MS; t >= this.from; t -= INTERVAL_MS) {
      if (this.delivery.kpiArrival(t) <= at) return new Date(t + INTERVAL_MS);
    }
    return null;
  }

  /** Fault episodes overlapping [from, to). */
  faultsBetween(from: number, to: number): Fault[] {
    return this.faultPlan.faultsBetween(Math.max(from, this.from), to);
  }

  private eligibleMs(day: number, from: number, to: number): number {
    const start = this.time.dayStart(day);
    return Math.max(0, Math.min(to, start + DAY_MS - DAY_MARGIN_MS) - Math.max(from, start + DAY_MARGIN_MS));
  }

  private segmentsOfDay(day: number, historyStart: number): TicketSegment[] {
    const segments: TicketSegment[] = [];
    const history = this.historyCounts.get(day) ?? 0;
    if (history > 0) segments.push({ from: historyStart, to: this.now, count: history, reportBy: this.now });
    const live = this.eligibleMs(day, this.now, Infinity);
    if (live > 0 && this.liveRatePerMs > 0) {
      const expected = live * this.liveRatePerMs;
      const fraction = (SeededRandom.hash(this.seed, 'live-count', day) % 1000) / 1000;
      segments.push({ from: this.now, to: Infinity, count: Math.floor(expected) + (fraction < expected - Math.floor(expected) ? 1 : 0) });
    }
    return segments;
  }
}
