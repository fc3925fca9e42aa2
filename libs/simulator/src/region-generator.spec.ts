import { Cell } from '@cellscope/domain';
import { HOHHOT_CITY } from './city/hohhot.city';
import { LocalPlane } from './geo/local-plane';
import { generateRegion } from './region-generator';

const CELL_ID = /^[A-Za-z0-9._:-]{1,64}$/;
const CJK = /[\u4e00-\u9fff]/;

describe('generateRegion (default: 300 sites around Hohhot)', () => {
  const region = generateRegion({ seed: 20260304 });
  const sitesWith = (networkType: '4G' | '5G') => new Set(region.cells.filter((c) => c.networkType === networkType).map((c) => c.siteId)).size;

  it('is deterministic for a seed', () => {
    expect(generateRegion({ seed: 20260304 })).toEqual(region);
    expect(generateRegion({ seed: 20260305 }).cells).not.toEqual(region.cells);
  });

  it('has 300 sites and about three cells per site, with unique cellIds that follow the contract rule', () => {
    expect(region.sites).toHaveLength(300);
    expect(region.cells.length).toBeGreaterThan(700);
    expect(region.cells.length).toBeLessThan(1200);
    const ids = region.cells.map((c) => c.cellId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(CELL_ID);
    for (const id of ids) expect(id).toMatch(/^460-01-\d{6,7}-\d$/);
    for (const site of region.sites) expect(site.siteId).toMatch(CELL_ID);
  });

  it('mixes 4G and 5G: 4G on about 90 % of sites, 5G on about 40 %, some sites both', () => {
    expect(sitesWith('4G') / 300).toBeGreaterThan(0.82);
    expect(sitesWith('5G') / 300).toBeGreaterThan(0.3);
    expect(sitesWith('5G') / 300).toBeLessThan(0.5);
    const both = region.sites.filter((s) => {
      const types = new Set(region.cells.filter((c) => c.siteId === s.siteId).map((c) => c.networkType));
      return types.size === 2;
    });
    expect(both.length).toBeGreaterThan(50);
  });

  it('gives macro sites three sectors about 120° apart and indoor/pico cells no azimuth', () => {
    const bySite = new Map<string, Cell[]>();
    for (const cell of region.cells) bySite.set(cell.siteId, [...(bySite.get(cell.siteId) ?? []), cell]);
    const types = new Set(region.sites.map((s) => s.siteType));
    expect([...types].sort()).toEqual(['INDOOR', 'MACRO', 'MICRO', 'PICO']);
    for (const site of region.sites) {
      const cells = bySite.get(site.siteId)!;
      if (site.siteType === 'MACRO') {
        for (const networkType of ['4G', '5G'] as const) {
          const az = cells.filter((c) => c.networkType === networkType).map((c) => c.azimuth!);
          if (az.length === 0) continue;
          expect(az).toHaveLength(3);
          const sorted = [...az].sort((a, b) => a - b);
          const gaps = [sorted[1] - sorted[0], sorted[2] - sorted[1], 360 - sorted[2] + sorted[0]];
          for (const gap of gaps) {
            expect(gap).toBeGreaterThan(85);
            expect(gap).toBeLessThan(155);
          }
        }
      }
      if (site.siteType === 'INDOOR' || site.siteType === 'PICO') for (const cell of cells) expect(cell.azimuth).toBeUndefined();
      for (const cell of cells) if (cell.azimuth !== undefined) expect(cell.azimuth).toBeGreaterThanOrEqual(0);
      for (const cell of cells) if (cell.azimuth !== undefined) expect(cell.azimuth).toBeLessThanOrEqual(359);
    }
  });

  it('names sites and cells in the operators’ Chinese style, with bands and vendors', () => {
    for (const cell of region.cells) {
      expect(cell.name).toMatch(CJK);
      expect(cell.name.startsWith(cell.siteName!)).toBe(true);
      expect(cell.siteName!.startsWith('呼和浩特')).toBe(true);
      expect(cell.name).toMatch(/-(宏站|微站|室分|皮站)-(LTE|NR)-\d$/);
      expect(cell.region).toBe('呼和浩特');
      expect(['Huawei', 'ZTE', 'Ericsson']).toContain(cell.vendor);
      expect(cell.networkType === '4G' ? ['B1', 'B3', 'B8', 'B39', 'B40'] : ['n1', 'n41', 'n78']).toContain(cell.band);
    }
    expect(new Set(region.sites.map((s) => s.siteName)).size).toBe(region.sites.length);
  });

  it('places sites within the radius, denser towards the centre, a few of them not in service yet', () => {
    const plane = new LocalPlane(HOHHOT_CITY.centre);
    const distances = region.sites.map((s) => plane.distance(s, HOHHOT_CITY.centre));
    expect(Math.max(...distances)).toBeLessThanOrEqual(HOHHOT_CITY.radiusKm * 1000 + 1);
    // Uniform placement would put 25 % of the sites within half the radius.
    expect(distances.filter((d) => d < HOHHOT_CITY.radiusKm * 500).length / 300).toBeGreaterThan(0.4);
    const inactive = region.sites.filter((s) => s.status === 'INACTIVE');
    expect(inactive.length).toBe(3);
    for (const cell of region.cells) expect(cell.status).toBe(inactive.some((s) => s.siteId === cell.siteId) ? 'INACTIVE' : 'ACTIVE');
  });
});
