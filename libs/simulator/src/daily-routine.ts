import { CityTime } from './city/city-time';
import { SimulatedSubscriber } from './model/simulated-subscriber';
import { NetworkTopology } from './network-topology';
import { SeededRandom } from './random/seeded-random';

/** One subscriber's plan for one day (local hours). */
interface DayPlan {
  leaveHome: number;
  atWork: number;
  leaveWork: number;
  backHome: number;
  commuteCell: number;
  lunchCell: number;
  outing: { from: number; to: number; cell: number } | null;
}

const CACHED_DAYS = 4;

/**
 * Where each subscriber is during the day (before complaints and neighbour hops): commuters at home at night,
 * travelling around 07:30 and 18:00, at work in office hours (lunch near work) on weekdays; home-based
 * subscribers in their daytime neighbourhood 09:00–17:00 on weekdays; weekends at home with an afternoon outing
 * now and then. Subscribers without 5G only go to 4G cells. Deterministic per seed, subscriber and day.
 */
export class DailyRoutine {
  private readonly home: Int32Array;
  private readonly work: Int32Array;
  private readonly commuter: Uint8Array;
  private readonly fiveG: Uint8Array;
  private readonly outingCells4G: number[];
  private readonly outingCellsAll: number[];
  private readonly plans = new Map<number, DayPlan[]>();

  constructor(
    private readonly seed: number,
    private readonly topology: NetworkTopology,
    private readonly subscribers: readonly SimulatedSubscriber[],
    private readonly time: CityTime,
  ) {
    const n = subscribers.length;
    this.home = new Int32Array(n);
    this.work = new Int32Array(n);
    this.commuter = new Uint8Array(n);
    this.fiveG = new Uint8Array(n);
    subscribers.forEach((s, i) => {
      this.home[i] = topology.cellIndex(s.homeCellId);
      this.work[i] = topology.cellIndex(s.workCellId);
      this.commuter[i] = s.routine === 'COMMUTER' ? 1 : 0;
      this.fiveG[i] = s.fiveGEnabled ? 1 : 0;
    });
    const outing = topology.activeCells.filter((c) => topology.sites[topology.siteOfCell(c)].area === 'BUSINESS');
    this.outingCellsAll = outing.length > 0 ? outing : [...topology.activeCells];
    const lte = this.outingCellsAll.filter((c) => !topology.is5G(c));
    this.outingCells4G = lte.length > 0 ? lte : topology.activeCells.filter((c) => !topology.is5G(c));
  }

  /** The home cell index of a subscriber. */
  homeCell(subscriber: number): number {
    return this.home[subscriber];
  }

  /** The cell the subscriber's routine puts them on at instant t. */
  cellAt(subscriber: number, t: number): number {
    const day = this.time.dayOf(t);
    const hour = this.time.hourOfDay(t);
    const plan = this.dayPlans(day)[subscriber];
    const home = this.home[subscriber];
    if (!this.time.isWeekend(day)) {
      if (this.commuter[subscriber]) {
        if (hour < plan.leaveHome) return home;
        if (hour < plan.atWork) return plan.commuteCell;
        if (hour < 12) return this.work[subscriber];
        if (hour < 13) return plan.lunchCell;
        if (hour < plan.leaveWork) return this.work[subscriber];
        if (hour < plan.backHome) return plan.commuteCell;
        return home;
      }
      if (hour >= 9 && hour < 17) return this.work[subscriber];
    }
    if (plan.outing && hour >= plan.outing.from && hour < plan.outing.to) return plan.outing.cell;
    return home;
  }

  private dayPlans(day: number): DayPlan[] {
    let plans = this.plans.get(day);
    if (plans) return plans;
    plans = this.subscribers.map((_, i) => this.planDay(i, day));
    this.plans.set(day, plans);
    if (this.plans.size > CACHED_DAYS) this.plans.delete(this.plans.keys().next().value as number);
    return plans;
  }

  private planDay(subscriber: number, day: number): DayPlan {
    const rnd = SeededRandom.derive(this.seed, 'routine', subscriber, day);
    const home = this.home[subscriber];
    const work = this.work[subscriber];
    const nearHome = this.topology.neighbours(home);
    const nearWork = this.topology.neighbours(work);
    const leaveHome = rnd.between(7, 8);
    const leaveWork = rnd.between(17.5, 18.5);
    const commuteCell = rnd.chance(0.5) && nearHome.length > 0 ? rnd.pick(nearHome) : nearWork.length > 0 ? rnd.pick(nearWork) : home;
    const lunchCell = rnd.chance(0.6) || nearWork.length === 0 ? work : rnd.pick(nearWork);
    let outing: DayPlan['outing'] = null;
    const weekend = this.time.isWeekend(day);
    if ((weekend && rnd.chance(0.5)) || (!weekend && !this.commuter[subscriber] && rnd.chance(0.25))) {
      const start = weekend ? rnd.between(13, 16) : rnd.between(18, 19.5);
      const pool = this.fiveG[subscriber] ? this.outingCellsAll : this.outingCells4G;
      outing = { from: start, to: start + rnd.between(1.5, 3), cell: pool.length > 0 ? rnd.pick(pool) : home };
    }
    return { leaveHome, atWork: leaveHome + rnd.between(0.4, 0.9), leaveWork, backHome: leaveWork + rnd.between(0.4, 0.9), commuteCell, lunchCell, outing };
  }
}
