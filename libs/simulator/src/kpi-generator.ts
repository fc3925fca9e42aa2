import { CellKpiInterval, CounterSums } from '@cellscope/domain';
import { CityTime } from './city/city-time';
import { FaultPlan } from './fault-plan';
import { NetworkTopology } from './network-topology';
import { SeededRandom } from './random/seeded-random';
import { ServedArea } from './model/simulated-site';

// Module-level aliases: global `Math` lookups are slow inside Jest's sandbox (hot loops run millions of times).
const { ceil, floor, max, min, round } = Math;


/** Length of a PM interval. */
export const INTERVAL_MS = 15 * 60_000;
const PERIOD_S = 900;

/** Relative load by local hour (0..23), 1 = the cell's busy hour. */
const LOAD_CURVES: Record<ServedArea, readonly number[]> = {
  RESIDENTIAL: [
    0.35, 0.22, 0.14, 0.1, 0.08, 0.09, 0.15, 0.3, 0.45, 0.5, 0.52, 0.56, 0.62, 0.58, 0.54, 0.54, 0.57, 0.63, 0.72, 0.86, 0.96, 1,
    0.88, 0.6,
  ],
  BUSINESS: [
    0.12, 0.08, 0.06, 0.05, 0.05, 0.06, 0.12, 0.35, 0.7, 0.88, 0.95, 0.96, 0.9, 0.92, 0.97, 0.95, 0.9, 0.8, 0.62, 0.52, 0.48, 0.42,
    0.3, 0.18,
  ],
};

/** Static radio properties of one cell, drawn once per cell from the seed. */
interface RadioProfile {
  prbPerMs: number;
  capacityKbps: number;
  peakUserMbps: number;
  floorUserMbps: number;
  peakUtil: number;
  peakAttempts: number;
  accessBase: number;
  dropBase: number;
  coverageBase: number;
  area: ServedArea;
  is5G: boolean;
}

const clamp = (x: number, lo: number, hi: number): number => min(hi, max(lo, x));

/**
 * PM counters (kpis.md "Default InfluxDB schema") of every ACTIVE cell for every 15-minute interval, following a
 * diurnal load profile (residential cells peak at 21:00, business cells in office hours; weekends differ) and the
 * faults of the FaultPlan. Healthy values stay clear of the BAD limits (PRB ≤ 76 %, access ≥ 99.1 %, drop ≤ 0.85 %,
 * coverage ≥ 93.5 %, throughput ≥ 8 Mbit/s on 4G and ≥ 80 Mbit/s on 5G); faulty ones are well beyond them.
 * Counters are integers (traffic_mb has 2 decimals) and consistent: used ≤ available, successes ≤ attempts,
 * abnormal ≤ total; access_att ≥ 120, drop_total ≥ 110, mr_total ≥ 600 and thp_dl_time_ms ≥ 10,000 in every
 * interval the cell is up; a DOWN interval (outage) has unavail_s = period_s = 900 and zero traffic.
 * The value of a cell in an interval depends only on the seed, the cell and the interval.
 */
export class KpiGenerator {
  private readonly profiles: RadioProfile[];
  private readonly kpiSeed: number;
  private readonly rnd = new SeededRandom(0);

  constructor(
    seed: number,
    private readonly topology: NetworkTopology,
    private readonly faults: FaultPlan,
    private readonly time: CityTime,
  ) {
    this.kpiSeed = SeededRandom.hash(seed, 'kpi');
    this.profiles = topology.cells.map((cell, index) => {
      const rnd = SeededRandom.derive(seed, 'radio', index);
      const site = topology.sites[topology.siteOfCell(index)];
      const is5G = cell.networkType === '5G';
      const band = cell.band ?? '';
      const tdd = band === 'B39' || band === 'B40';
      const utilRange: Record<string, [number, number]> = {
        MACRO: [0.5, 0.7],
        MICRO: [0.35, 0.6],
        INDOOR: [0.3, 0.55],
        PICO: [0.15, 0.35],
        OTHER: [0.3, 0.5],
      };
      const attempts: Record<string, number> = { MACRO: 6000, MICRO: 2500, INDOOR: 2200, PICO: 900, OTHER: 1500 };
      const [uLo, uHi] = utilRange[cell.siteType];
      const coverage: [number, number] =
        cell.siteType === 'MACRO' ? [95.8, 98.8] : cell.siteType === 'MICRO' ? [96.5, 99.2] : [97.5, 99.6];
      return {
        prbPerMs: is5G ? (band === 'n1' ? 216 : 546) : band === 'B8' ? 50 : 100,
        capacityKbps: is5G ? (band === 'n1' ? 24_000 : 60_000) : band === 'B8' ? 6000 : tdd ? 9000 : 12_000,
        peakUserMbps: is5G ? (band === 'n1' ? rnd.between(180, 260) : rnd.between(450, 850)) : rnd.between(35, 60) * (band === 'B8' ? 0.6 : tdd ? 0.8 : 1),
        floorUserMbps: is5G ? 80 : 8,
        peakUtil: rnd.between(uLo, uHi) * (is5G ? 0.75 : 1),
        peakAttempts: attempts[cell.siteType] * rnd.between(0.7, 1.3) * (is5G ? 0.6 : 1),
        accessBase: rnd.between(99.4, 99.9),
        dropBase: rnd.between(0.12, 0.55),
        coverageBase: rnd.between(coverage[0], coverage[1]),
        area: site.area,
        is5G,
      };
    });
  }

  /** Intervals of every ACTIVE cell whose start lies in [from, to), time-major, cells in layout order. */
  intervals(from: Date | number, to: Date | number): CellKpiInterval[] {
    const result: CellKpiInterval[] = [];
    for (let t = ceil(+from / INTERVAL_MS) * INTERVAL_MS; t < +to; t += INTERVAL_MS) {
      for (const cellIndex of this.topology.activeCells) result.push(this.interval(cellIndex, t));
    }
    return result;
  }

  /** Intervals of one cell whose start lies in [from, to). */
  cellIntervals(cellIndex: number, from: Date | number, to: Date | number): CellKpiInterval[] {
    const result: CellKpiInterval[] = [];
    if (!this.topology.isActive(cellIndex)) return result;
    for (let t = ceil(+from / INTERVAL_MS) * INTERVAL_MS; t < +to; t += INTERVAL_MS) result.push(this.interval(cellIndex, t));
    return result;
  }

  /** Relative load (0..1) of a served area at an instant, weekends included. */
  load(area: ServedArea, t: number): number {
    const hour = this.time.hourOfDay(t);
    const curve = LOAD_CURVES[area];
    const i = floor(hour);
    const f = hour - i;
    let value = curve[i] * (1 - f) + curve[(i + 1) % 24] * f;
    if (this.time.isWeekend(this.time.dayOf(t))) {
      value = area === 'BUSINESS' ? value * 0.55 : hour >= 9 && hour < 18 ? min(1, value * 1.15) : value;
    }
    return value;
  }

  /** The interval of one cell starting at t (a multiple of 15 minutes). */
  interval(cellIndex: number, t: number): CellKpiInterval {
    const cellId = this.topology.cells[cellIndex].cellId;
    const time = new Date(t);
    const fault = this.faults.activeAt(cellIndex, t);
    if (fault?.kind === 'OUTAGE') {
      const counters: CounterSums = {
        prbDlUsed: 0,
        prbDlAvail: 0,
        accessSucc: 0,
        accessAtt: 0,
        dropAbnormal: 0,
        dropTotal: 0,
        mrGood: 0,
        mrTotal: 0,
        thpDlVolKbit: 0,
        thpDlTimeMs: 0,
        trafficMb: 0,
        unavailS: PERIOD_S,
        periodS: PERIOD_S,
      };
      return { cellId, time, counters };
    }

    const p = this.profiles[cellIndex];
    const rnd = this.rnd.reset(SeededRandom.hash(this.kpiSeed, cellIndex, t / INTERVAL_MS));
    const load = this.load(p.area, t + INTERVAL_MS / 2);
    let util = clamp(p.peakUtil * load * (1 + 0.16 * (rnd.next() - 0.5)), 0.01, 0.76);
    let attempts = max(120, round(p.peakAttempts * load * rnd.between(0.9, 1.1)));
    let userMbps = max(p.floorUserMbps, p.peakUserMbps * (1 - 0.6 * util) * rnd.between(0.9, 1.1));
    let access = clamp(p.accessBase + rnd.between(-0.2, 0.1), 99.1, 99.98);
    let drop = min(0.85, p.dropBase * rnd.between(0.7, 1.3));
    let coverage = clamp(p.coverageBase + rnd.between(-0.8, 0.6), 93.5, 99.9);
    const unavailS = rnd.chance(0.002) ? rnd.int(3, 20) : 0;

    switch (fault?.kind) {
      case 'CONGESTION':
        util = rnd.between(0.86, 0.97);
        userMbps = p.is5G ? rnd.between(25, 45) : rnd.between(2.5, 4.5);
        access = rnd.between(98.6, 99.4);
        attempts = round(attempts * 1.1);
        break;
      case 'LOW_THROUGHPUT':
        util = rnd.between(0.25, 0.55);
        userMbps = p.is5G ? rnd.between(18, 40) : rnd.between(2, 4);
        break;
      case 'WEAK_COVERAGE':
        coverage = rnd.between(72, 84);
        drop = rnd.between(0.9, 1.6);
        userMbps = max(p.floorUserMbps, userMbps * 0.8);
        break;
      case 'HIGH_DROP_RATE':
        drop = rnd.between(3.5, 8);
        break;
      case 'ACCESS_FAILURE':
        access = rnd.between(86, 94);
        break;
      default:
        break;
    }

    const accessSucc = round((attempts * access) / 100);
    const dropTotal = max(110, round(accessSucc * rnd.between(0.92, 0.99)));
    const mrTotal = max(600, round(attempts * rnd.between(6, 9)));
    const prbDlAvail = p.prbPerMs * PERIOD_S * 1000;
    let volume = round(util * p.capacityKbps * PERIOD_S * rnd.between(0.9, 1));
    let timeMs = round(volume / userMbps);
    if (timeMs < 10_000) {
      timeMs = 10_000 + rnd.int(0, 5000);
      volume = round(timeMs * userMbps);
    }
    const counters: CounterSums = {
      prbDlUsed: round(prbDlAvail * util),
      prbDlAvail,
      accessSucc,
      accessAtt: attempts,
      dropAbnormal: round((dropTotal * drop) / 100),
      dropTotal,
      mrGood: round((mrTotal * coverage) / 100),
      mrTotal,
      thpDlVolKbit: volume,
      thpDlTimeMs: timeMs,
      trafficMb: round((volume / 8192) * rnd.between(1.08, 1.15) * 100) / 100,
      unavailS,
      periodS: PERIOD_S,
    };
    return { cellId, time, counters };
  }
}
