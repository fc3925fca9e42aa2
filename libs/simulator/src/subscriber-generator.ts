import { NetworkTopology } from './network-topology';
import { CityProfile } from './city/city-profile';
import { HOHHOT_CITY } from './city/hohhot.city';
import { SimulatedSubscriber } from './model/simulated-subscriber';
import { SeededRandom } from './random/seeded-random';
import { msisdnSequence } from './msisdn-sequence';
import { WeightedTable } from './random/weighted-table';

/** Options of generateSubscribers. */
export interface SubscriberOptions {
  /** 32-bit scenario seed. */
  seed: number;
  topology: NetworkTopology;
  /** Number of subscribers (default 2,000). */
  count?: number;
  city?: CityProfile;
  /** Share with 5G enabled on the plan (default 0.7). */
  fiveGShare?: number;
  /** Share of lines the probes do not see (default 0.04). */
  invisibleShare?: number;
}

const TERMINALS_5G = [
  'HUAWEI Mate 60 Pro', 'HUAWEI nova 12', 'HONOR Magic6', 'Xiaomi 14', 'Redmi K70', 'OPPO Reno11', 'vivo X100',
  'vivo S18', 'iPhone 15', 'iPhone 14 Pro', 'OnePlus 12', 'realme GT5',
];
const TERMINALS_4G = ['iPhone 11', 'HUAWEI P50', 'HUAWEI nova 9', 'Redmi Note 9 4G', 'OPPO A57', 'vivo Y33s', 'HONOR Play 30M'];
const PLANS_5G = ['5G畅爽冰激凌套餐129元', '5G畅爽冰激凌套餐199元', '5G融合套餐169元', '5G基础套餐59元'];
const PLANS_4G = ['4G畅越套餐76元', '大王卡19元', '沃派校园卡', '4G融合套餐99元'];

/**
 * Subscribers of the simulated network: unique 11-digit MSISDNs with the operator's prefixes, a home cell on a
 * mostly residential site and (commuters, 65 %) a work cell on a mostly business site; 5G enabled on about
 * 70 % of plans (their home and work cells are 5G where the site has 5G), VoLTE on about 90 %, a terminal
 * model and plan. Subscribers without 5G only ever live and work on 4G cells. Deterministic for a seed.
 */
export function generateSubscribers(options: SubscriberOptions): SimulatedSubscriber[] {
  const { topology } = options;
  const city = options.city ?? HOHHOT_CITY;
  const count = options.count ?? 2000;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`subscribers must be a non-negative integer, got ${count}`);
  const fiveGShare = options.fiveGShare ?? 0.7;
  const invisibleShare = options.invisibleShare ?? 0.04;
  const rnd = SeededRandom.derive(options.seed, 'subscribers');
  const numbers = msisdnSequence(rnd, city.msisdnPrefixes, new Set());

  const activeSites = topology.sites.map((_, i) => i).filter((i) => topology.cellsOfSite(i).some((c) => topology.isActive(c)));
  if (activeSites.length === 0) throw new Error('the region has no active cell');
  const homeSites = new WeightedTable(
    activeSites.map((i) => {
      const site = topology.sites[i];
      const base = site.siteType === 'INDOOR' ? 0.3 : site.siteType === 'PICO' ? 0.5 : 1;
      return [i, base * (site.area === 'RESIDENTIAL' ? 3 : 1)] as const;
    }),
  );
  const workSites = new WeightedTable(
    activeSites.map((i) => {
      const site = topology.sites[i];
      const base = site.siteType === 'PICO' ? 0.5 : 1;
      return [i, base * (site.area === 'BUSINESS' ? 3 : 1)] as const;
    }),
  );

  /** A cell on a site drawn from `sites` that the subscriber can use (4G only without 5G). */
  const pickCell = (sites: WeightedTable<number>, fiveG: boolean, avoidSite: number): number => {
    for (let attempt = 0; attempt < 50; attempt++) {
      const site = sites.pick(rnd);
      if (site === avoidSite && activeSites.length > 1) continue;
      const cells = topology.cellsOfSite(site).filter((c) => topology.isActive(c));
      const nr = cells.filter((c) => topology.is5G(c));
      const lte = cells.filter((c) => !topology.is5G(c));
      if (fiveG && nr.length > 0 && (lte.length === 0 || rnd.chance(0.8))) return rnd.pick(nr);
      if (lte.length > 0) return rnd.pick(lte);
    }
    const any = topology.activeCells.filter((c) => fiveG || !topology.is5G(c));
    return rnd.pick(any.length > 0 ? any : topology.activeCells);
  };

  const subscribers: SimulatedSubscriber[] = [];
  for (let i = 0; i < count; i++) {
    const fiveGEnabled = rnd.chance(fiveGShare);
    const volteEnabled = rnd.chance(fiveGEnabled ? 0.94 : 0.81);
    const routine = rnd.chance(0.65) ? 'COMMUTER' : 'HOME_BASED';
    const home = pickCell(homeSites, fiveGEnabled, -1);
    let work: number;
    if (routine === 'COMMUTER') {
      work = pickCell(workSites, fiveGEnabled, topology.siteOfCell(home));
    } else {
      const around = topology.neighbours(home);
      work = around.length > 0 && rnd.chance(0.5) ? rnd.pick(around) : home;
    }
    const has5GTerminal = fiveGEnabled || rnd.chance(0.55);
    subscribers.push({
      msisdn: numbers.next().value as string,
      homeCellId: topology.cells[home].cellId,
      workCellId: topology.cells[work].cellId,
      routine,
      fiveGEnabled,
      volteEnabled,
      terminal: rnd.pick(has5GTerminal ? TERMINALS_5G : TERMINALS_4G),
      plan: rnd.pick(fiveGEnabled ? PLANS_5G : PLANS_4G),
      probeVisible: !rnd.chance(invisibleShare),
    });
  }
  return subscribers;
}
