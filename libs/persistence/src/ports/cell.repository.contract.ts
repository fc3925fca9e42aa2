import type { Cell } from '@cellscope/domain';
import { CellRepository } from './cell.repository';
import { RepositoryContractFactory, useRepositoryContract } from './repository.contract';

const METRES_PER_DEGREE_LAT = 111_320;

/** A complete cell (every optional field set). */
function buildCell(cellId: string, overrides: Partial<Cell> = {}): Cell {
  return {
    cellId,
    name: `Cell ${cellId}`,
    siteId: 'SITE-1',
    siteName: '新城区 1 号站',
    siteType: 'MACRO',
    networkType: '5G',
    band: 'n78',
    lat: 40.8414,
    lon: 111.7519,
    azimuth: 120,
    region: 'HOHHOT',
    vendor: 'VendorA',
    status: 'ACTIVE',
    ...overrides,
  };
}

/** A cell `metres` north of the point. */
function northOf(cellId: string, lat: number, lon: number, metres: number): Cell {
  return buildCell(cellId, { lat: lat + metres / METRES_PER_DEGREE_LAT, lon });
}

/** Contract of CellRepository: idempotent upserts, look-ups by id, site and proximity. */
export function describeCellRepositoryContract(factory: RepositoryContractFactory<CellRepository>): void {
  describe('CellRepository contract', () => {
    const subject = useRepositoryContract(factory);

    it('stores cells and returns them as given, ordered by cellId', async () => {
      const omni = buildCell('C-2', { azimuth: undefined, band: undefined, siteName: undefined, region: undefined, vendor: undefined });
      const sector = buildCell('C-1');
      await subject.repository().upsertMany([omni, sector]);

      const found = await subject.repository().findByIds(['C-2', 'C-1', 'C-404']);
      expect(found).toEqual([sector, omni]);
      expect('azimuth' in (found[1] ?? {})).toBe(false);
      expect(await subject.repository().findByIds([])).toEqual([]);
    });

    it('replaces a cell by cellId and stays idempotent', async () => {
      await subject.repository().upsertMany([buildCell('C-1'), buildCell('C-2')]);
      const renamed = buildCell('C-1', { name: 'renamed', status: 'INACTIVE', azimuth: 0 });
      await subject.repository().upsertMany([renamed]);
      await subject.repository().upsertMany([renamed]);

      expect(await subject.repository().count()).toBe(2);
      expect(await subject.repository().findByIds(['C-1'])).toEqual([renamed]);
    });

    it('takes the last record when a batch names a cell twice', async () => {
      await subject.repository().upsertMany([buildCell('C-1', { name: 'first' }), buildCell('C-1', { name: 'last' })]);
      expect((await subject.repository().findByIds(['C-1']))[0]?.name).toBe('last');
      expect(await subject.repository().count()).toBe(1);
    });

    it('finds the cells of a site and all cells', async () => {
      await subject.repository().upsertMany([
        buildCell('C-3', { siteId: 'SITE-2' }),
        buildCell('C-1', { siteId: 'SITE-1' }),
        buildCell('C-2', { siteId: 'SITE-2' }),
      ]);
      expect((await subject.repository().findBySite('SITE-2')).map((c) => c.cellId)).toEqual(['C-2', 'C-3']);
      expect(await subject.repository().findBySite('SITE-404')).toEqual([]);
      expect((await subject.repository().findAll()).map((c) => c.cellId)).toEqual(['C-1', 'C-2', 'C-3']);
    });

    it('finds cells near a point and not far ones', async () => {
      const lat = 40.8414;
      const lon = 111.7519;
      await subject.repository().upsertMany([
        northOf('NEAR-500', lat, lon, 500),
        northOf('NEAR-1400', lat, lon, 1400),
        northOf('SOUTH-1000', lat, lon, -1000),
        northOf('FAR-3000', lat, lon, 3000),
        buildCell('EAST-1200', { lat, lon: lon + 1200 / (METRES_PER_DEGREE_LAT * Math.cos((lat * Math.PI) / 180)) }),
        buildCell('EAST-5000', { lat, lon: lon + 5000 / (METRES_PER_DEGREE_LAT * Math.cos((lat * Math.PI) / 180)) }),
      ]);
      const ids = (await subject.repository().findNear({ lat, lon }, 1500)).map((c) => c.cellId).sort();
      expect(ids).toEqual(['EAST-1200', 'NEAR-1400', 'NEAR-500', 'SOUTH-1000']);
    });

    it('finds near cells across the 180° meridian', async () => {
      await subject.repository().upsertMany([
        buildCell('WEST-SIDE', { lat: 0, lon: -179.995 }),
        buildCell('EAST-SIDE', { lat: 0, lon: 179.995 }),
        buildCell('FAR', { lat: 0, lon: 179.9 }),
      ]);
      const ids = (await subject.repository().findNear({ lat: 0, lon: 179.999 }, 1500)).map((c) => c.cellId).sort();
      expect(ids).toEqual(['EAST-SIDE', 'WEST-SIDE']);
    });

    it('upserts a large inventory in one call', async () => {
      const cells = Array.from({ length: 12_000 }, (_, i) => buildCell(`BULK-${String(i).padStart(5, '0')}`, { lat: 40 + i / 10_000 }));
      await subject.repository().upsertMany(cells);
      expect(await subject.repository().count()).toBe(12_000);
      expect(await subject.repository().findByIds(['BULK-11999'])).toEqual([cells[11_999]]);
    });
  });
}
