import { Cell, NetworkType, SiteType } from '@cellscope/domain';
import { CityProfile } from './city/city-profile';
import { HOHHOT_CITY } from './city/hohhot.city';
import { LocalPlane } from './geo/local-plane';
import { RegionLayout, ServedArea, SimulatedSite } from './model/simulated-site';
import { SeededRandom } from './random/seeded-random';

/** Options of generateRegion. */
export interface RegionOptions {
  /** 32-bit scenario seed (SeededRandom.seedOf). */
  seed: number;
  /** Number of sites (default 300). */
  sites?: number;
  city?: CityProfile;
  /** Share of sites still being built: their cells are INACTIVE and report nothing (default 0.01, at least one site from 50 sites on). */
  inactiveShare?: number;
}

type Technology = '4G' | '5G' | 'BOTH';

const SITE_TYPE_WEIGHTS: readonly (readonly [SiteType, number])[] = [
  ['MACRO', 0.62],
  ['MICRO', 0.18],
  ['INDOOR', 0.14],
  ['PICO', 0.06],
];
const VENDOR_WEIGHTS: readonly (readonly [string, number])[] = [
  ['Huawei', 0.5],
  ['ZTE', 0.35],
  ['Ericsson', 0.15],
];
const TYPE_LABEL: Record<SiteType, string> = { MACRO: '宏站', MICRO: '微站', INDOOR: '室分', PICO: '皮站', OTHER: '站' };
const ROAD_SPOTS = ['东段', '西段', '中段', '北口', '南口', '东口', '西口'];

const LTE_BANDS: Record<SiteType, readonly (readonly [string, number])[]> = {
  MACRO: [['B3', 0.55], ['B1', 0.3], ['B8', 0.15]],
  MICRO: [['B3', 0.6], ['B1', 0.4]],
  INDOOR: [['B40', 0.35], ['B3', 0.35], ['B1', 0.2], ['B39', 0.1]],
  PICO: [['B3', 0.5], ['B40', 0.5]],
  OTHER: [['B3', 1]],
};
const NR_BANDS: Record<SiteType, readonly (readonly [string, number])[]> = {
  MACRO: [['n78', 0.85], ['n41', 0.1], ['n1', 0.05]],
  MICRO: [['n78', 0.9], ['n41', 0.1]],
  INDOOR: [['n78', 0.7], ['n41', 0.3]],
  PICO: [['n78', 1]],
  OTHER: [['n78', 1]],
};

const normaliseAzimuth = (deg: number): number => ((Math.round(deg) % 360) + 360) % 360;

function districtOf(city: CityProfile, x: number, y: number): string {
  if (y >= 0) return x >= 0 ? city.districts.northEast : city.districts.northWest;
  return x >= 0 ? city.districts.southEast : city.districts.southWest;
}

/** Azimuths of the sectors of one technology on a site; an empty list means one omni cell. */
function sectorAzimuths(siteType: SiteType, rnd: SeededRandom): number[] {
  if (siteType === 'MACRO') {
    const base = rnd.between(0, 120);
    return [0, 120, 240].map((offset) => normaliseAzimuth(base + offset + rnd.between(-12, 12)));
  }
  if (siteType === 'MICRO') {
    const base = rnd.between(0, 360);
    return rnd.chance(0.4) ? [normaliseAzimuth(base), normaliseAzimuth(base + 180 + rnd.between(-20, 20))] : [normaliseAzimuth(base)];
  }
  return [];
}

/**
 * A simulated radio network around one city (default Hohhot): about 62 % MACRO sites with three sectors
 * (azimuths 0/120/240 rotated, ± jitter), MICRO street sites with one or two sectors, INDOOR systems and PICO
 * cells (omni, no azimuth). 4G on about 90 % of sites, 5G on about 40 % (co-sited with 4G on most of them),
 * denser towards the centre. Names follow the operators' style (`呼和浩特赛罕区大学西街金桥小区-宏站-LTE-1`),
 * cellIds are `<mcc>-<mnc>-<eNB/gNB id>-<sector>`. Deterministic for a seed.
 */
export function generateRegion(options: RegionOptions): RegionLayout {
  const city = options.city ?? HOHHOT_CITY;
  const count = options.sites ?? 300;
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`sites must be a positive integer, got ${count}`);
  const rnd = SeededRandom.derive(options.seed, 'region');
  const plane = new LocalPlane(city.centre);
  const radiusM = city.radiusKm * 1000;
  const enbBase = 600_000 + rnd.int(0, 40_000);
  const gnbBase = 1_100_000 + rnd.int(0, 40_000);
  const usedNames = new Map<string, number>();
  const placed: { x: number; y: number; macro: boolean }[] = [];
  const sites: SimulatedSite[] = [];
  const cells: Cell[] = [];

  for (let i = 0; i < count; i++) {
    const siteType = rnd.weighted(SITE_TYPE_WEIGHTS);
    const macro = siteType === 'MACRO';
    // Denser in the centre: r = R·u^k with k > 1 (indoor systems even more central).
    const exponent = siteType === 'INDOOR' ? 1.6 : 1.15;
    let x = 0;
    let y = 0;
    for (let attempt = 0; attempt < 40; attempt++) {
      const r = radiusM * Math.pow(rnd.next(), exponent);
      const theta = rnd.between(0, 2 * Math.PI);
      x = r * Math.sin(theta);
      y = r * Math.cos(theta);
      const spacing = macro ? 180 : 60;
      if (placed.every((p) => (macro && !p.macro ? true : Math.hypot(p.x - x, p.y - y) >= spacing))) break;
    }
    placed.push({ x, y, macro });
    const central = Math.hypot(x, y) < radiusM * 0.35;
    const area: ServedArea =
      siteType === 'INDOOR' || siteType === 'PICO'
        ? 'BUSINESS'
        : rnd.chance(siteType === 'MICRO' ? 0.5 : central ? 0.4 : 0.15)
          ? 'BUSINESS'
          : 'RESIDENTIAL';
    const district = districtOf(city, x, y);
    const road = rnd.pick(city.roads);
    let spot: string | undefined;
    let place: string;
    if (siteType === 'INDOOR' || (siteType === 'PICO' && area === 'BUSINESS' && rnd.chance(0.6))) {
      spot = rnd.pick(city.venues);
      place = spot;
    } else if (rnd.chance(0.5)) {
      spot = rnd.pick(city.estates);
      place = `${road}${spot}`;
    } else {
      place = `${road}${rnd.pick(ROAD_SPOTS)}`;
    }
    const baseName = `${city.name}${district}${place}`;
    const seen = usedNames.get(baseName) ?? 0;
    usedNames.set(baseName, seen + 1);
    const siteName = `${baseName}${seen > 0 ? String(seen + 1) : ''}-${TYPE_LABEL[siteType]}`;
    const technology: Technology =
      siteType === 'INDOOR'
        ? rnd.weighted([['4G', 0.45], ['BOTH', 0.45], ['5G', 0.1]] as const)
        : rnd.weighted([['4G', 0.62], ['BOTH', 0.28], ['5G', 0.1]] as const);
    const point = plane.toPoint(x, y);
    const site: SimulatedSite = {
      siteId: `${city.siteIdPrefix}-${String(i + 1).padStart(4, '0')}`,
      siteName,
      siteType,
      district,
      road,
      spot,
      lat: point.lat,
      lon: point.lon,
      vendor: rnd.weighted(VENDOR_WEIGHTS),
      status: 'ACTIVE',
      area,
      cellIds: [],
    };
    const azimuths = sectorAzimuths(siteType, rnd);
    const addCells = (networkType: NetworkType, nodeId: number): void => {
      const band = rnd.weighted(networkType === '4G' ? LTE_BANDS[siteType] : NR_BANDS[siteType]);
      const tech = networkType === '4G' ? 'LTE' : 'NR';
      const sectors = azimuths.length > 0 ? azimuths : [undefined];
      sectors.forEach((azimuth, index) => {
        const cell: Cell = {
          cellId: `${city.mcc}-${city.mnc}-${nodeId}-${index + 1}`,
          name: `${siteName}-${tech}-${index + 1}`,
          siteId: site.siteId,
          siteName,
          siteType,
          networkType,
          band,
          lat: site.lat,
          lon: site.lon,
          region: city.name,
          vendor: site.vendor,
          status: 'ACTIVE',
        };
        // Co-sited NR antennas share the LTE directions within a few degrees.
        if (azimuth !== undefined) cell.azimuth = networkType === '5G' ? normaliseAzimuth(azimuth + rnd.between(-3, 3)) : azimuth;
        site.cellIds.push(cell.cellId);
        cells.push(cell);
      });
    };
    if (technology !== '5G') addCells('4G', enbBase + i * 3);
    if (technology !== '4G') addCells('5G', gnbBase + i * 5);
    sites.push(site);
  }

  const inactiveShare = options.inactiveShare ?? 0.01;
  const inactiveCount = Math.min(count - 1, Math.max(count >= 50 ? 1 : 0, Math.round(count * inactiveShare)));
  const inactiveSites = new Set(rnd.shuffled(sites.map((s) => s.siteId)).slice(0, inactiveCount));
  for (const site of sites) if (inactiveSites.has(site.siteId)) site.status = 'INACTIVE';
  for (const cell of cells) if (inactiveSites.has(cell.siteId)) cell.status = 'INACTIVE';
  return { city, sites, cells };
}
