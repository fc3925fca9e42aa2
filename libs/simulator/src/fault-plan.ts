import { CityTime } from './city/city-time';
import { Fault, FaultKind } from './model/fault';
import { NetworkTopology } from './network-topology';
import { SeededRandom } from './random/seeded-random';

// Module-level aliases: global `Math` lookups are slow inside Jest's sandbox (hot loops run millions of times).
const { hypot, log, max, round } = Math;


/** How many faults the plan injects; per-day counts are for 300 active sites and scale with the network. */
export interface FaultRates {
  /** Sites DOWN per day, 2–5 hours each. */
  outageSitesPerDay: number;
  /** Cells with a drop-rate episode per day, 3–6 hours each. */
  highDropCellsPerDay: number;
  /** Cells with an access-failure episode per day, 3–6 hours each. */
  accessFailureCellsPerDay: number;
  /** 5G cells with a low-throughput episode per day, 3–6 hours each. */
  lowThroughputCellsPerDay: number;
  /** Share of cells congested every evening, 19:00–23:00 local time (a chronic capacity problem). */
  congestedCellShare: number;
  /** Share of cells with weak coverage all day, every day (a chronic coverage hole). */
  weakCoverageCellShare: number;
}

/** The default fault rates. */
export const DEFAULT_FAULT_RATES: FaultRates = Object.freeze({
  outageSitesPerDay: 2,
  highDropCellsPerDay: 4,
  accessFailureCellsPerDay: 4,
  lowThroughputCellsPerDay: 3,
  congestedCellShare: 0.012,
  weakCoverageCellShare: 0.01,
});

const QUARTER_MS = 15 * 60_000;
const HOUR_MS = 60 * 60_000;
const DAY_MS = 24 * HOUR_MS;
/** Busy hour of the congested cells, local time. */
export const BUSY_HOUR_FROM = 19;
export const BUSY_HOUR_TO = 23;

interface DayFaults {
  faults: Fault[];
  byCell: Map<number, Fault[]>;
}

/** Weighted sample without replacement (exponential keys). */
function sampleWeighted(rnd: SeededRandom, items: readonly number[], weight: (item: number) => number, k: number): number[] {
  return items
    .map((item) => ({ item, key: -log(1 - rnd.next()) / max(1e-9, weight(item)) }))
    .sort((a, b) => a.key - b.key)
    .slice(0, k)
    .map((e) => e.item);
}

/**
 * The ground truth of injected faults, day by day (local days) and deterministic for a seed: chronic faults
 * (cells congested at the evening busy hour, cells with weak coverage all day) repeat every day; acute faults
 * (site outages, drop-rate, access-failure and 5G low-throughput episodes) are drawn per day. A cell carries at
 * most one fault kind on a day, and every episode lies within its day. Days are planned lazily, so a live
 * simulation can run for as long as it likes.
 */
export class FaultPlan {
  readonly rates: FaultRates;
  /** Cells congested every evening. */
  readonly congestedCells: readonly number[];
  /** Cells with weak coverage every day. */
  readonly weakCoverageCells: readonly number[];
  private readonly days = new Map<number, DayFaults>();
  private readonly chronic: ReadonlySet<number>;
  private readonly scale: number;

  constructor(
    private readonly seed: number,
    private readonly topology: NetworkTopology,
    private readonly time: CityTime,
    rates: Partial<FaultRates> = {},
  ) {
    this.rates = { ...DEFAULT_FAULT_RATES, ...rates };
    const activeSites = topology.sites.filter((s) => s.status === 'ACTIVE').length;
    this.scale = activeSites / 300;
    const rnd = SeededRandom.derive(seed, 'faults', 'chronic');
    const outdoor = topology.activeCells.filter((c) => ['MACRO', 'MICRO'].includes(topology.cells[c].siteType));
    const radius = (c: number): number => hypot(topology.plane.toXY(topology.cells[c]).x, topology.plane.toXY(topology.cells[c]).y);
    const count = (share: number): number => (outdoor.length === 0 || share <= 0 ? 0 : max(1, round(topology.activeCells.length * share)));
    // Congestion in the dense centre, weak coverage towards the edge of the city.
    this.congestedCells = sampleWeighted(rnd, outdoor, (c) => 1 / (1 + radius(c) / 2000), count(this.rates.congestedCellShare));
    const congested = new Set(this.congestedCells);
    this.weakCoverageCells = sampleWeighted(
      rnd,
      outdoor.filter((c) => !congested.has(c)),
      (c) => 0.2 + radius(c) / 2000,
      count(this.rates.weakCoverageCellShare),
    );
    this.chronic = new Set([...this.congestedCells, ...this.weakCoverageCells]);
  }

  /** Every fault episode of one local day, chronic ones included. */
  faultsOfDay(day: number): readonly Fault[] {
    return this.dayFaults(day).faults;
  }

  /** Fault episodes overlapping [from, to). */
  faultsBetween(from: Date | number, to: Date | number): Fault[] {
    const a = +from;
    const b = +to;
    const result: Fault[] = [];
    for (let day = this.time.dayOf(a); day <= this.time.dayOf(b - 1); day++) {
      for (const fault of this.faultsOfDay(day)) if (+fault.from < b && +fault.to > a) result.push(fault);
    }
    return result;
  }

  /** The fault active on a cell at instant t, if any. */
  activeAt(cellIndex: number, t: number): Fault | undefined {
    const list = this.dayFaults(this.time.dayOf(t)).byCell.get(cellIndex);
    if (!list) return undefined;
    for (const fault of list) if (+fault.from <= t && t < +fault.to) return fault;
    return undefined;
  }

  /** Fault episodes on a cell overlapping [from, to). */
  cellFaultsBetween(cellIndex: number, from: number, to: number): Fault[] {
    const result: Fault[] = [];
    for (let day = this.time.dayOf(from); day <= this.time.dayOf(to - 1); day++) {
      for (const fault of this.dayFaults(day).byCell.get(cellIndex) ?? []) if (+fault.from < to && +fault.to > from) result.push(fault);
    }
    return result;
  }

  private dayFaults(day: number): DayFaults {
    let planned = this.days.get(day);
    if (!planned) {
      planned = this.planDay(day);
      this.days.set(day, planned);
    }
    return planned;
  }

  private perDay(rate: number): number {
    return rate <= 0 ? 0 : max(1, round(rate * this.scale));
  }

  private planDay(day: number): DayFaults {
    const { topology } = this;
    const rnd = SeededRandom.derive(this.seed, 'faults', day);
    const start = this.time.dayStart(day);
    const code = this.time.dateCode(day);
    const faults: Fault[] = [];
    const add = (kind: FaultKind, cellIndices: readonly number[], from: number, to: number, n: number): void => {
      const cells = cellIndices.map((c) => topology.cells[c]);
      faults.push({
        faultId: `F-${code}-${kind}-${n}`,
        kind,
        siteId: cells[0].siteId,
        cellIds: cells.map((c) => c.cellId),
        from: new Date(from),
        to: new Date(to),
      });
    };

    this.congestedCells.forEach((c, n) => add('CONGESTION', [c], start + BUSY_HOUR_FROM * HOUR_MS, start + BUSY_HOUR_TO * HOUR_MS, n + 1));
    this.weakCoverageCells.forEach((c, n) => add('WEAK_COVERAGE', [c], start, start + DAY_MS, n + 1));

    /** An episode start aligned to 15 minutes, between `earliestHour` and the end of the day minus the duration. */
    const episode = (minHours: number, maxHours: number, earliestHour: number): [number, number] => {
      const quarters = rnd.int(minHours * 4, maxHours * 4);
      const first = earliestHour * 4;
      const last = 24 * 4 - quarters - 1;
      const from = start + rnd.int(first, max(first, last)) * QUARTER_MS;
      return [from, from + quarters * QUARTER_MS];
    };

    const candidateSites = topology.sites
      .map((_, i) => i)
      .filter((i) => {
        const cells = topology.cellsOfSite(i);
        return cells.some((c) => topology.isActive(c)) && !cells.some((c) => this.chronic.has(c));
      });
    const outageSites = rnd.shuffled(candidateSites).slice(0, this.perDay(this.rates.outageSitesPerDay));
    outageSites.forEach((site, n) => {
      const [from, to] = episode(2, 5, 7);
      add('OUTAGE', topology.cellsOfSite(site).filter((c) => topology.isActive(c)), from, to, n + 1);
    });

    const blocked = new Set<number>([...this.chronic, ...outageSites.flatMap((s) => topology.cellsOfSite(s))]);
    const free = rnd.shuffled(topology.activeCells.filter((c) => !blocked.has(c)));
    const take = (k: number, filter: (c: number) => boolean): number[] => {
      const chosen: number[] = [];
      for (let i = 0; i < free.length && chosen.length < k; i++) {
        if (filter(free[i])) {
          chosen.push(free[i]);
          free.splice(i, 1);
          i--;
        }
      }
      return chosen;
    };
    take(this.perDay(this.rates.highDropCellsPerDay), () => true).forEach((c, n) => add('HIGH_DROP_RATE', [c], ...episode(3, 6, 8), n + 1));
    take(this.perDay(this.rates.accessFailureCellsPerDay), () => true).forEach((c, n) =>
      add('ACCESS_FAILURE', [c], ...episode(3, 6, 8), n + 1),
    );
    take(this.perDay(this.rates.lowThroughputCellsPerDay), (c) => topology.is5G(c)).forEach((c, n) =>
      add('LOW_THROUGHPUT', [c], ...episode(3, 6, 9), n + 1),
    );

    const byCell = new Map<number, Fault[]>();
    for (const fault of faults) {
      for (const cellId of fault.cellIds) {
        const index = topology.cellIndex(cellId);
        const list = byCell.get(index) ?? [];
        list.push(fault);
        byCell.set(index, list);
      }
    }
    return { faults, byCell };
  }
}
