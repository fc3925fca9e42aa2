import {
  DATA_SYMPTOMS,
  SubscriberProfile,
  Symptom,
  Ticket,
  TicketLocation,
  VerdictCause,
  VERDICT_CAUSES,
  VOICE_SYMPTOMS,
} from '@cellscope/domain';
import { selectCells } from '@cellscope/domain';
import { CityProfile } from './city/city-profile';
import { CityTime } from './city/city-time';
import { DailyRoutine } from './daily-routine';
import { DeliverySchedule } from './delivery-schedule';
import { FaultPlan } from './fault-plan';
import { INTERVAL_MS } from './kpi-generator';
import { Fault, FaultKind } from './model/fault';
import { SimulatedSubscriber } from './model/simulated-subscriber';
import { ExpectedSelection, SimulatedTicket, TicketCase, TicketEmission, TicketEvent } from './model/simulated-ticket';
import { UsagePin, UsagePinSource } from './model/usage-pin';
import { msisdnSequence } from './msisdn-sequence';
import { NetworkTopology } from './network-topology';
import { SeededRandom } from './random/seeded-random';
import { ComplaintPlace, describeComplaint } from './ticket-description';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** Margin kept around a complaint: the evaluation window (± 1 h, widened to whole intervals) fits inside ± 75 min. */
const PIN_MARGIN_MS = 75 * MINUTE_MS;
const CACHED_DAYS = 8;

/** A stretch of time that gets `count` complaints; `reportBy` caps reportedAt (the snapshot's "now"). */
export interface TicketSegment {
  from: number;
  to: number;
  count: number;
  reportBy?: number;
}

/** Default share of each expected verdict cause among the complaints. */
export const DEFAULT_CAUSE_MIX: Readonly<Record<VerdictCause, number>> = Object.freeze({
  OUTAGE: 8,
  CONGESTION: 12,
  LOW_THROUGHPUT: 6,
  WEAK_COVERAGE: 10,
  HIGH_DROP_RATE: 8,
  ACCESS_FAILURE: 8,
  USER_SIDE: 12,
  NO_NETWORK_ISSUE: 26,
  INSUFFICIENT_DATA: 10,
});

/** Options of TicketGenerator. */
export interface TicketGeneratorOptions {
  seed: number;
  city: CityProfile;
  topology: NetworkTopology;
  subscribers: readonly SimulatedSubscriber[];
  routine: DailyRoutine;
  faults: FaultPlan;
  time: CityTime;
  delivery: DeliverySchedule;
  /** The segments of a local day that get complaints (history with exact counts, live time at a rate). */
  segmentsOfDay: (day: number) => readonly TicketSegment[];
  causeMix?: Partial<Record<VerdictCause, number>>;
  /** Share of tickets without a symptom, to be classified from their description (default 0.15). */
  freeTextShare?: number;
}

type Range = [number, number];

/** A complaint before it is written up. */
interface Draft {
  cause: VerdictCause;
  ticketCase: TicketCase;
  msisdn: string;
  subscriber?: number;
  includeProfile: boolean;
  occ: number;
  symptom: Symptom;
  selection: ExpectedSelection;
  serving: number | null;
  fault?: Fault;
  pin?: { cell: number; neighbour: boolean };
  location?: TicketLocation;
  cellIds?: string[];
  place: ComplaintPlace;
  placeName?: string;
  network?: '4G' | '5G';
  fiveGComplaint?: boolean;
  since?: string;
}

interface DayState {
  day: number;
  rnd: SeededRandom;
  used: Set<number>;
  tickets: SimulatedTicket[];
  pins: Map<string, UsagePin[]>;
  seq: number;
  unknownNumbers: Generator<string>;
}

const FAULT_SYMPTOMS: Record<FaultKind, readonly (readonly [Symptom, number])[]> = {
  OUTAGE: [['NO_SIGNAL', 0.5], ['NO_DATA', 0.35], ['CALL_SETUP_FAILURE', 0.15]],
  CONGESTION: [['SLOW_DATA', 0.85], ['NO_DATA', 0.15]],
  LOW_THROUGHPUT: [['SLOW_DATA', 1]],
  WEAK_COVERAGE: [['WEAK_SIGNAL', 0.6], ['NO_SIGNAL', 0.25], ['POOR_VOICE', 0.15]],
  HIGH_DROP_RATE: [['CALL_DROP', 0.85], ['POOR_VOICE', 0.15]],
  ACCESS_FAILURE: [['CALL_SETUP_FAILURE', 0.8], ['NO_DATA', 0.2]],
};
const ANY_SYMPTOM: readonly (readonly [Symptom, number])[] = [
  ['SLOW_DATA', 0.3],
  ['NO_DATA', 0.1],
  ['WEAK_SIGNAL', 0.15],
  ['NO_SIGNAL', 0.05],
  ['CALL_DROP', 0.12],
  ['CALL_SETUP_FAILURE', 0.08],
  ['POOR_VOICE', 0.1],
  ['OTHER', 0.1],
];
const VOICE_WEIGHTS: readonly (readonly [Symptom, number])[] = [['CALL_DROP', 0.35], ['CALL_SETUP_FAILURE', 0.35], ['POOR_VOICE', 0.3]];
const NETWORK_CAUSES = new Set<VerdictCause>(['OUTAGE', 'CONGESTION', 'LOW_THROUGHPUT', 'WEAK_COVERAGE', 'HIGH_DROP_RATE', 'ACCESS_FAILURE']);

const floorTo = (t: number, step: number): number => Math.floor(t / step) * step;
const ceilTo = (t: number, step: number): number => Math.ceil(t / step) * step;

/**
 * Complaint tickets whose ground truth is known. Per local day and segment it allocates the cause mix exactly
 * (largest remainder), then builds each complaint so that the correlator's rules (kpis.md "Which cells",
 * "Verdict") lead to that cause:
 * - network causes: a subscriber on a cell with an injected fault, at a time whose whole evaluation window lies in
 *   the fault (an outage: 15–45 min after it began, so the subscriber's last cell before losing service is the
 *   DOWN one), symptom fitting the fault, the subscriber pinned to that cell around the complaint; some by
 *   location only (lines the probes do not see), some naming the cell;
 * - USER_SIDE: a data complaint on a healthy 5G cell without 5G enabled, or a voice complaint without VoLTE;
 * - NO_NETWORK_ISSUE: complaints from healthy cells (no fault within ± 2 h) with a profile that is not user-side;
 * - INSUFFICIENT_DATA: unknown subscribers, lines without usage and without location, or a cell not in service.
 * About 15 % carry no symptom and a description that names it. Each complaint pins its subscriber (UsagePinSource)
 * so the usage records agree with the story. Deterministic per seed and day.
 */
export class TicketGenerator implements UsagePinSource {
  private readonly days = new Map<number, DayState>();
  private readonly mix: [VerdictCause, number][];
  private readonly visible: number[];
  private readonly invisible: number[];
  private readonly bySite = new Map<number, number[]>();
  private readonly fiveGCells: number[];
  private readonly inactiveCells: number[];
  private readonly tag: string;
  private readonly freeTextShare: number;

  constructor(private readonly o: TicketGeneratorOptions) {
    const mix = { ...DEFAULT_CAUSE_MIX, ...(o.causeMix ?? {}) };
    this.mix = VERDICT_CAUSES.map((cause) => [cause, Math.max(0, mix[cause] ?? 0)]);
    if (!this.mix.some(([, w]) => w > 0)) throw new RangeError('the cause mix needs a positive weight');
    this.freeTextShare = o.freeTextShare ?? 0.15;
    this.visible = o.subscribers.flatMap((s, i) => (s.probeVisible ? [i] : []));
    this.invisible = o.subscribers.flatMap((s, i) => (s.probeVisible ? [] : [i]));
    o.subscribers.forEach((s, i) => {
      for (const cellId of new Set([s.homeCellId, s.workCellId])) {
        const site = o.topology.siteOfCell(o.topology.cellIndex(cellId));
        const list = this.bySite.get(site) ?? [];
        list.push(i);
        this.bySite.set(site, list);
      }
    });
    this.fiveGCells = o.topology.activeCells.filter((c) => o.topology.is5G(c));
    this.inactiveCells = o.topology.cells.flatMap((c, i) => (c.status === 'INACTIVE' ? [i] : []));
    this.tag = SeededRandom.hash(o.seed, 'ticket-tag').toString(16).toUpperCase().padStart(8, '0').slice(0, 4);
  }

  /** The complaints whose story happens on a local day (ordered by reportedAt). */
  dayTickets(day: number): readonly SimulatedTicket[] {
    return this.dayState(day).tickets;
  }

  pinsOfDay(day: number): ReadonlyMap<string, readonly UsagePin[]> {
    return this.dayState(day).pins;
  }

  private dayState(day: number): DayState {
    let state = this.days.get(day);
    if (!state) {
      state = this.planDay(day);
      this.days.set(day, state);
      if (this.days.size > CACHED_DAYS) this.days.delete(this.days.keys().next().value as number);
    }
    return state;
  }

  private planDay(day: number): DayState {
    const taken = new Set(this.o.subscribers.map((s) => s.msisdn));
    const state: DayState = {
      day,
      rnd: SeededRandom.derive(this.o.seed, 'tickets', day),
      used: new Set(),
      tickets: [],
      pins: new Map(),
      seq: 0,
      unknownNumbers: msisdnSequence(SeededRandom.derive(this.o.seed, 'unknown-msisdn', day), this.o.city.msisdnPrefixes, taken),
    };
    const dayStart = this.o.time.dayStart(day);
    const inner: Range = [dayStart + PIN_MARGIN_MS, dayStart + 24 * HOUR_MS - PIN_MARGIN_MS];
    for (const segment of this.o.segmentsOfDay(day)) {
      const range: Range = [Math.max(segment.from, inner[0]), Math.min(segment.to, inner[1])];
      if (range[1] <= range[0] || segment.count <= 0) continue;
      for (const cause of this.allocate(segment.count, state.rnd)) {
        const draft = this.build(cause, range, state) ?? this.build('NO_NETWORK_ISSUE', range, state) ?? this.unknownSubscriber(range, state);
        this.finish(draft, segment.reportBy, state);
      }
    }
    state.tickets.sort((a, b) => +a.reportedAt - +b.reportedAt || (a.ticketId < b.ticketId ? -1 : 1));
    return state;
  }

  /** `count` causes following the mix exactly (largest remainder, ties broken at random), in random order. */
  private allocate(count: number, rnd: SeededRandom): VerdictCause[] {
    const total = this.mix.reduce((sum, [, w]) => sum + w, 0);
    const shares = this.mix.map(([cause, w]) => ({ cause, exact: (count * w) / total, n: Math.floor((count * w) / total), key: rnd.next() }));
    let left = count - shares.reduce((sum, s) => sum + s.n, 0);
    const byRemainder = [...shares].sort((a, b) => b.exact - b.n - (a.exact - a.n) || a.key - b.key);
    for (const share of byRemainder) {
      if (left <= 0) break;
      if (share.exact > share.n) {
        share.n++;
        left--;
      }
    }
    return rnd.shuffled(shares.flatMap((s) => Array<VerdictCause>(s.n).fill(s.cause)));
  }

  private build(cause: VerdictCause, range: Range, st: DayState): Draft | null {
    switch (cause) {
      case 'USER_SIDE':
        return st.rnd.chance(0.55) ? (this.fiveGUserSide(range, st) ?? this.volteUserSide(range, st)) : (this.volteUserSide(range, st) ?? this.fiveGUserSide(range, st));
      case 'NO_NETWORK_ISSUE':
        return this.healthy(range, st);
      case 'INSUFFICIENT_DATA':
        return this.insufficient(range, st);
      default:
        return this.networkFault(cause, range, st);
    }
  }

  // ---------------------------------------------------------------- network causes

  private networkFault(kind: FaultKind, range: Range, st: DayState): Draft | null {
    const { rnd } = st;
    const options = this.o.faults
      .faultsOfDay(st.day)
      .filter((f) => f.kind === kind)
      .map((fault) => {
        const occ: Range =
          kind === 'OUTAGE' ? [+fault.from + 15 * MINUTE_MS, +fault.from + 45 * MINUTE_MS] : [+fault.from + PIN_MARGIN_MS, +fault.to - PIN_MARGIN_MS];
        return { fault, occ: [Math.max(occ[0], range[0]), Math.min(occ[1], range[1])] as Range };
      })
      .filter((option) => option.occ[1] > option.occ[0]);
    if (options.length === 0) return null;
    const { fault, occ: occRange } = rnd.pick(options);
    const occ = this.randomTime(occRange, rnd, kind === 'WEAK_COVERAGE');
    const cells = fault.cellIds.map((id) => this.o.topology.cellIndex(id));
    const target = rnd.pick(cells);
    const symptom = rnd.weighted(FAULT_SYMPTOMS[kind]);
    const since = kind === 'OUTAGE' ? this.o.time.format(fault.from).slice(11, 16) : undefined;

    if ((kind === 'OUTAGE' || kind === 'WEAK_COVERAGE') && rnd.chance(kind === 'OUTAGE' ? 0.3 : 0.2)) {
      const byLocation = this.byLocation(target, occ, symptom, st, (serving) =>
        kind === 'OUTAGE' ? fault.cellIds.includes(this.o.topology.cells[serving].cellId) : serving === target,
      );
      if (byLocation) return { ...byLocation, cause: kind, ticketCase: 'NETWORK_FAULT', fault, since };
    }

    const is5G = this.o.topology.is5G(target);
    const subscriber = this.pickSubscriber(st, (s) => !is5G || this.o.subscribers[s].fiveGEnabled, this.bySite.get(this.o.topology.siteOfCell(target)));
    if (subscriber < 0) return null;
    const named = rnd.chance(0.06);
    return {
      ...this.usageDraft(subscriber, target, occ, symptom, st, kind !== 'OUTAGE'),
      cause: kind,
      ticketCase: 'NETWORK_FAULT',
      fault,
      since,
      selection: named ? 'TICKET' : 'USAGE',
      cellIds: named ? [this.o.topology.cells[target].cellId] : undefined,
    };
  }

  // ---------------------------------------------------------------- user side

  private fiveGUserSide(range: Range, st: DayState): Draft | null {
    const { rnd } = st;
    const { topology } = this.o;
    if (this.fiveGCells.length === 0) return null;
    for (let attempt = 0; attempt < 12; attempt++) {
      const subscriber = this.pickSubscriber(st, (s) => !this.o.subscribers[s].fiveGEnabled);
      if (subscriber < 0) return null;
      const home = this.o.routine.homeCell(subscriber);
      const nearest = [...this.fiveGCells]
        .map((c) => ({ c, d: topology.plane.distance(topology.cells[c], topology.cells[home]) }))
        .sort((a, b) => a.d - b.d || a.c - b.c)
        .slice(0, 3);
      const target = rnd.pick(nearest).c;
      const occ = this.randomTime(range, rnd, true);
      if (!this.isHealthy(target, occ)) {
        st.used.delete(subscriber);
        continue;
      }
      const symptom: Symptom = rnd.chance(0.75) ? 'SLOW_DATA' : 'NO_DATA';
      return {
        ...this.usageDraft(subscriber, target, occ, symptom, st, false),
        cause: 'USER_SIDE',
        ticketCase: 'USER_SIDE_5G',
        includeProfile: true,
        place: 'HOME',
        placeName: topology.sites[topology.siteOfCell(home)].spot,
        network: '5G',
        fiveGComplaint: true,
      };
    }
    return null;
  }

  private volteUserSide(range: Range, st: DayState): Draft | null {
    for (let attempt = 0; attempt < 12; attempt++) {
      const subscriber = this.pickSubscriber(st, (s) => !this.o.subscribers[s].volteEnabled);
      if (subscriber < 0) return null;
      const occ = this.randomTime(range, st.rnd, true);
      const cell = this.o.routine.cellAt(subscriber, occ);
      if (!this.isHealthy(cell, occ)) {
        st.used.delete(subscriber);
        continue;
      }
      return {
        ...this.usageDraft(subscriber, cell, occ, st.rnd.weighted(VOICE_WEIGHTS), st, st.rnd.chance(0.5)),
        cause: 'USER_SIDE',
        ticketCase: 'USER_SIDE_VOLTE',
        includeProfile: true,
      };
    }
    return null;
  }

  // ---------------------------------------------------------------- healthy network

  private healthy(range: Range, st: DayState): Draft | null {
    const { rnd } = st;
    const { topology } = this.o;
    if (this.invisible.length > 0 && rnd.chance(0.15)) {
      const target = rnd.pick(topology.activeCells);
      const occ = this.randomTime(range, rnd, true);
      const symptom = rnd.weighted(ANY_SYMPTOM);
      // finish() turns a symptom that would read as user-side for this line into OTHER.
      const draft = this.byLocation(target, occ, symptom, st, (serving) => this.isHealthy(serving, occ));
      if (draft) return { ...draft, cause: 'NO_NETWORK_ISSUE', ticketCase: 'HEALTHY_NETWORK' };
    }
    for (let attempt = 0; attempt < 12; attempt++) {
      const subscriber = this.pickSubscriber(st, () => true);
      if (subscriber < 0) return null;
      const occ = this.randomTime(range, rnd, true);
      const cell = this.o.routine.cellAt(subscriber, occ);
      if (!this.isHealthy(cell, occ)) {
        st.used.delete(subscriber);
        continue;
      }
      const profile = this.o.subscribers[subscriber];
      let symptom = rnd.weighted(ANY_SYMPTOM);
      for (let i = 0; i < 10 && this.userSideFor(profile, symptom, cell); i++) symptom = rnd.weighted(ANY_SYMPTOM);
      if (this.userSideFor(profile, symptom, cell)) symptom = 'OTHER';
      const named = rnd.chance(0.05);
      return {
        ...this.usageDraft(subscriber, cell, occ, symptom, st, rnd.chance(0.5)),
        cause: 'NO_NETWORK_ISSUE',
        ticketCase: 'HEALTHY_NETWORK',
        selection: named ? 'TICKET' : 'USAGE',
        cellIds: named ? [topology.cells[cell].cellId] : undefined,
      };
    }
    return null;
  }

  // ---------------------------------------------------------------- insufficient data

  private insufficient(range: Range, st: DayState): Draft {
    const { rnd } = st;
    const r = rnd.next();
    if (r < 0.2 && this.inactiveCells.length > 0) {
      const subscriber = this.pickSubscriber(st, () => true);
      if (subscriber >= 0) {
        const cell = rnd.pick(this.inactiveCells);
        const site = this.o.topology.sites[this.o.topology.siteOfCell(cell)];
        return {
          cause: 'INSUFFICIENT_DATA',
          ticketCase: 'INACTIVE_CELL',
          msisdn: this.o.subscribers[subscriber].msisdn,
          subscriber,
          includeProfile: rnd.chance(0.8),
          occ: this.randomTime(range, rnd, true),
          symptom: rnd.weighted(ANY_SYMPTOM),
          selection: 'TICKET',
          serving: cell,
          cellIds: [this.o.topology.cells[cell].cellId],
          place: 'STREET',
          placeName: site.road,
        };
      }
    }
    if (r < 0.5 && this.invisible.length > 0) {
      const subscriber = this.pickSubscriber(st, () => true, undefined, this.invisible);
      if (subscriber >= 0) {
        return {
          cause: 'INSUFFICIENT_DATA',
          ticketCase: 'NO_USAGE_NO_LOCATION',
          msisdn: this.o.subscribers[subscriber].msisdn,
          subscriber,
          includeProfile: true,
          occ: this.randomTime(range, rnd, true),
          symptom: rnd.weighted(ANY_SYMPTOM),
          selection: 'NONE',
          serving: null,
          place: rnd.pick<ComplaintPlace>(['HOME', 'WORK', 'STREET']),
        };
      }
    }
    return this.unknownSubscriber(range, st);
  }

  private unknownSubscriber(range: Range, st: DayState): Draft {
    return {
      cause: 'INSUFFICIENT_DATA',
      ticketCase: 'UNKNOWN_SUBSCRIBER',
      msisdn: st.unknownNumbers.next().value as string,
      includeProfile: false,
      occ: this.randomTime(range, st.rnd, true),
      symptom: st.rnd.weighted(ANY_SYMPTOM),
      selection: 'NONE',
      serving: null,
      place: st.rnd.pick<ComplaintPlace>(['HOME', 'WORK', 'STREET']),
    };
  }

  // ---------------------------------------------------------------- building blocks

  /** A complaint from a subscriber pinned to `cell` around `occ` (selection USAGE), with a location half of the time. */
  private usageDraft(
    subscriber: number,
    cell: number,
    occ: number,
    symptom: Symptom,
    st: DayState,
    neighbour: boolean,
  ): Omit<Draft, 'cause' | 'ticketCase'> {
    const { rnd } = st;
    const { topology } = this.o;
    const s = this.o.subscribers[subscriber];
    const site = topology.sites[topology.siteOfCell(cell)];
    const cellId = topology.cells[cell].cellId;
    const place: ComplaintPlace =
      cellId === s.homeCellId ? 'HOME' : cellId === s.workCellId ? 'WORK' : site.siteType === 'INDOOR' || site.siteType === 'PICO' ? 'VENUE' : 'STREET';
    const is5G = topology.is5G(cell);
    return {
      msisdn: s.msisdn,
      subscriber,
      includeProfile: rnd.chance(0.85),
      occ,
      symptom,
      selection: 'USAGE',
      serving: cell,
      pin: { cell, neighbour },
      location: rnd.chance(0.5) ? this.locationNear(cell, rnd, 80, 400) : undefined,
      place,
      placeName: place === 'STREET' ? site.road : site.spot,
      network: is5G && DATA_SYMPTOMS.includes(symptom) && rnd.chance(0.5) ? '5G' : !is5G && rnd.chance(0.15) ? '4G' : undefined,
    };
  }

  /**
   * A complaint by location only, from a line the probes do not see: a point in front of `target`, accepted when
   * the cell the correlator would pick there (domain selectCells) passes `accept`.
   */
  private byLocation(
    target: number,
    occ: number,
    symptom: Symptom,
    st: DayState,
    accept: (serving: number) => boolean,
  ): Omit<Draft, 'cause' | 'ticketCase'> | null {
    if (this.invisible.length === 0) return null;
    const { rnd } = st;
    const { topology } = this.o;
    const subscriber = this.pickSubscriber(st, () => true, undefined, this.invisible);
    if (subscriber < 0) return null;
    const location = this.locationNear(target, rnd, 30, 150);
    const window = { from: new Date(floorTo(occ - HOUR_MS, INTERVAL_MS)), to: new Date(ceilTo(occ + HOUR_MS, INTERVAL_MS)) };
    const ticket: Ticket = { ticketId: 'probe', version: 1, status: 'OPEN', msisdn: '0', reportedAt: new Date(occ), occurredAt: new Date(occ), location };
    const selected = selectCells({ ticket, window, usageInWindow: [], usageHistory: [], nearbyCells: topology.cellsNear(location, 2000) });
    const serving = selected.length > 0 ? topology.cellIndex(selected[0].cellId) : -1;
    if (serving < 0 || !accept(serving)) {
      st.used.delete(subscriber);
      return null;
    }
    const site = topology.sites[topology.siteOfCell(serving)];
    return {
      msisdn: this.o.subscribers[subscriber].msisdn,
      subscriber,
      includeProfile: rnd.chance(0.8),
      occ,
      symptom,
      selection: 'LOCATION',
      serving,
      location,
      place: site.siteType === 'INDOOR' || site.siteType === 'PICO' ? 'VENUE' : rnd.chance(0.6) ? 'HOME' : 'STREET',
      placeName: site.spot ?? site.road,
    };
  }

  /** A point with an address `minM`..`maxM` in front of a cell's sector (omni: around the site). */
  private locationNear(cell: number, rnd: SeededRandom, minM: number, maxM: number): TicketLocation {
    const { topology } = this.o;
    const c = topology.cells[cell];
    const site = topology.sites[topology.siteOfCell(cell)];
    const omni = c.azimuth === undefined;
    const bearing = omni ? rnd.between(0, 360) : c.azimuth! + rnd.between(-30, 30);
    const point = topology.plane.towards(c, bearing, omni ? rnd.between(15, 60) : rnd.between(minM, maxM));
    const estate = site.spot && this.o.city.estates.includes(site.spot) ? `${site.spot}${rnd.int(1, 30)}号楼` : (site.spot ?? '');
    return { lat: point.lat, lon: point.lon, address: `${this.o.city.name}市${site.district}${site.road}${rnd.int(1, 300)}号${estate}` };
  }

  /** An unused subscriber satisfying `accept`, preferably one living or working on `preferred`'s sites. */
  private pickSubscriber(st: DayState, accept: (s: number) => boolean, preferred?: readonly number[], pool: readonly number[] = this.visible): number {
    const ok = (s: number): boolean => !st.used.has(s) && accept(s) && (pool === this.visible ? this.o.subscribers[s].probeVisible : true);
    const local = (preferred ?? []).filter(ok);
    let chosen = -1;
    if (local.length > 0 && st.rnd.chance(0.8)) chosen = st.rnd.pick(local);
    for (let attempt = 0; chosen < 0 && attempt < 300 && pool.length > 0; attempt++) {
      const s = st.rnd.pick(pool);
      if (ok(s)) chosen = s;
    }
    if (chosen >= 0) st.used.add(chosen);
    return chosen;
  }

  /** A minute in the range, mostly in waking hours when `daytime`. */
  private randomTime([from, to]: Range, rnd: SeededRandom, daytime: boolean): number {
    let t = from;
    for (let attempt = 0; attempt < 20; attempt++) {
      t = from + rnd.next() * (to - from);
      const hour = this.o.time.hourOfDay(t);
      if (!daytime || (hour >= 7 && hour < 23) || rnd.chance(0.15)) break;
    }
    return Math.min(to - 1, Math.max(from, floorTo(t, MINUTE_MS)));
  }

  /** No fault on the cell within ± 2 h of the complaint. */
  private isHealthy(cell: number, occ: number): boolean {
    return this.o.faults.cellFaultsBetween(cell, occ - 2 * HOUR_MS, occ + 2 * HOUR_MS).length === 0;
  }

  /** Whether rule 4 of the verdict (user side) would apply to this profile, symptom and serving cell. */
  private userSideFor(profile: SubscriberProfile | undefined, symptom: Symptom, serving: number): boolean {
    if (!profile) return false;
    if (VOICE_SYMPTOMS.includes(symptom) && profile.volteEnabled === false) return true;
    return DATA_SYMPTOMS.includes(symptom) && this.o.topology.is5G(serving) && profile.fiveGEnabled === false;
  }

  // ---------------------------------------------------------------- writing the ticket

  private finish(draft: Draft, reportBy: number | undefined, st: DayState): void {
    const { rnd } = st;
    const { time } = this.o;
    st.seq++;
    const ticketId = `WO${time.dateCode(st.day)}${this.tag}${String(st.seq).padStart(4, '0')}`;
    const subscriber = draft.subscriber !== undefined ? this.o.subscribers[draft.subscriber] : undefined;
    // A location-only or user-side story needs the profile as drawn; a healthy one must not look user-side.
    const profile: SubscriberProfile | undefined =
      subscriber && draft.includeProfile
        ? { fiveGEnabled: subscriber.fiveGEnabled, volteEnabled: subscriber.volteEnabled, terminal: subscriber.terminal, plan: subscriber.plan }
        : undefined;
    let symptom = draft.symptom;
    if (draft.cause === 'NO_NETWORK_ISSUE' && draft.serving !== null && this.userSideFor(profile, symptom, draft.serving)) symptom = 'OTHER';
    const freeText = rnd.chance(this.freeTextShare);
    const omitOccurredAt = rnd.chance(0.3);
    let reported = omitOccurredAt ? draft.occ : draft.occ + Math.round((5 + rnd.next() ** 2 * 235) * MINUTE_MS);
    if (reportBy !== undefined) reported = Math.max(draft.occ, Math.min(reported, reportBy));
    reported = floorTo(reported, 1000);
    const occ = omitOccurredAt ? reported : draft.occ;
    const description = describeComplaint(
      { symptom, place: draft.place, placeName: draft.placeName, network: draft.network, freeText, since: draft.since, fiveGComplaint: draft.fiveGComplaint },
      rnd,
    );
    const event: TicketEvent = { ticketId, version: 1, status: 'OPEN', msisdn: draft.msisdn, reportedAt: time.format(reported) };
    if (!omitOccurredAt) event.occurredAt = time.format(occ);
    if (!freeText) event.symptom = symptom;
    event.description = description;
    if (draft.location) event.location = draft.location;
    if (draft.cellIds) event.cellIds = draft.cellIds;
    if (profile) event.subscriber = profile;
    event.region = this.o.city.name;

    const emissions: TicketEmission[] = [{ at: new Date(reported), event }];
    if (rnd.chance(0.4)) {
      const inProgress = reported + rnd.int(10, 90) * MINUTE_MS;
      emissions.push({ at: new Date(inProgress), event: { ...event, version: 2, status: 'IN_PROGRESS' } });
      if (rnd.chance(0.5)) {
        emissions.push({ at: new Date(inProgress + rnd.int(120, 1200) * MINUTE_MS), event: { ...event, version: 3, status: 'RESOLVED' } });
      }
    }

    if (draft.pin && subscriber) {
      const from = floorTo(occ - PIN_MARGIN_MS, INTERVAL_MS);
      const to = ceilTo(occ + PIN_MARGIN_MS, INTERVAL_MS);
      const pin: UsagePin = { msisdn: subscriber.msisdn, cellIndex: draft.pin.cell, from, to };
      const around = this.o.topology.neighbours(draft.pin.cell);
      if (draft.pin.neighbour && around.length > 0) {
        const steps = (to - from) / INTERVAL_MS;
        pin.neighbourStep = { at: from + rnd.int(0, steps - 1) * INTERVAL_MS, cellIndex: around[rnd.int(0, Math.min(3, around.length) - 1)] };
      }
      const list = st.pins.get(subscriber.msisdn) ?? [];
      list.push(pin);
      st.pins.set(subscriber.msisdn, list);
    }

    const windowTo = ceilTo(occ + HOUR_MS, INTERVAL_MS);
    st.tickets.push({
      ticketId,
      msisdn: draft.msisdn,
      ticketCase: draft.ticketCase,
      occurredAt: new Date(occ),
      reportedAt: new Date(reported),
      emissions,
      expected: {
        cause: draft.cause,
        networkRelated: NETWORK_CAUSES.has(draft.cause) ? true : draft.cause === 'INSUFFICIENT_DATA' ? null : false,
        symptom,
        symptomSource: freeText ? 'CLASSIFIED' : 'TICKET',
        selection: draft.selection,
        servingCellId: draft.serving === null ? null : this.o.topology.cells[draft.serving].cellId,
        faultId: draft.fault?.faultId,
        dataCompleteAt: new Date(this.o.delivery.kpiArrival(windowTo - INTERVAL_MS)),
      },
    });
  }
}
