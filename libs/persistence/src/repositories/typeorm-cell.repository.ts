import { Injectable } from '@nestjs/common';
import type { Cell, GeoPoint } from '@cellscope/domain';
import { DataSource } from 'typeorm';
import { CellEntity } from '../entities/cell.entity';
import { CellRepository } from '../ports/cell.repository';

/** Rows per INSERT statement (each statement binds 13 arrays, whatever the row count). */
const CHUNK_SIZE = 5000;
const METRES_PER_DEGREE_LAT = 111_320;

const UPSERT_SQL = `
  INSERT INTO cells AS c (cell_id, name, site_id, site_name, site_type, network_type, band, lat, lon, azimuth,
                          region, vendor, status)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                       $8::float8[], $9::float8[], $10::int2[], $11::text[], $12::text[], $13::text[])
  ON CONFLICT (cell_id) DO UPDATE SET
    name = EXCLUDED.name, site_id = EXCLUDED.site_id, site_name = EXCLUDED.site_name, site_type = EXCLUDED.site_type,
    network_type = EXCLUDED.network_type, band = EXCLUDED.band, lat = EXCLUDED.lat, lon = EXCLUDED.lon,
    azimuth = EXCLUDED.azimuth, region = EXCLUDED.region, vendor = EXCLUDED.vendor, status = EXCLUDED.status,
    updated_at = now()
  WHERE (c.name, c.site_id, c.site_name, c.site_type, c.network_type, c.band, c.lat, c.lon, c.azimuth, c.region,
         c.vendor, c.status)
    IS DISTINCT FROM
        (EXCLUDED.name, EXCLUDED.site_id, EXCLUDED.site_name, EXCLUDED.site_type, EXCLUDED.network_type, EXCLUDED.band,
         EXCLUDED.lat, EXCLUDED.lon, EXCLUDED.azimuth, EXCLUDED.region, EXCLUDED.vendor, EXCLUDED.status)`;

function toCell(row: CellEntity): Cell {
  const cell: Cell = {
    cellId: row.cellId,
    name: row.name,
    siteId: row.siteId,
    siteType: row.siteType,
    networkType: row.networkType,
    lat: row.lat,
    lon: row.lon,
    status: row.status,
  };
  if (row.siteName !== null) cell.siteName = row.siteName;
  if (row.band !== null) cell.band = row.band;
  if (row.azimuth !== null) cell.azimuth = row.azimuth;
  if (row.region !== null) cell.region = row.region;
  if (row.vendor !== null) cell.vendor = row.vendor;
  return cell;
}

/** Binds a chunk of cells as one array per column (unnest), the fastest multi-row form for node-postgres. */
function toColumnArrays(cells: readonly Cell[]): unknown[] {
  return [
    cells.map((c) => c.cellId),
    cells.map((c) => c.name),
    cells.map((c) => c.siteId),
    cells.map((c) => c.siteName ?? null),
    cells.map((c) => c.siteType),
    cells.map((c) => c.networkType),
    cells.map((c) => c.band ?? null),
    cells.map((c) => c.lat),
    cells.map((c) => c.lon),
    cells.map((c) => c.azimuth ?? null),
    cells.map((c) => c.region ?? null),
    cells.map((c) => c.vendor ?? null),
    cells.map((c) => c.status),
  ];
}

/** CellRepository on PostgreSQL: chunked idempotent upserts, bounding-box proximity search. */
@Injectable()
export class TypeOrmCellRepository extends CellRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  override async upsertMany(cells: readonly Cell[]): Promise<void> {
    if (cells.length === 0) return;
    // One statement may not update the same row twice: the last record of a cellId wins.
    const latest = [...new Map(cells.map((c) => [c.cellId, c])).values()];
    await this.dataSource.transaction(async (manager) => {
      for (let i = 0; i < latest.length; i += CHUNK_SIZE) {
        await manager.query(UPSERT_SQL, toColumnArrays(latest.slice(i, i + CHUNK_SIZE)));
      }
    });
  }

  override async findByIds(cellIds: readonly string[]): Promise<Cell[]> {
    if (cellIds.length === 0) return [];
    const rows = await this.dataSource
      .getRepository(CellEntity)
      .createQueryBuilder('c')
      .where('c.cell_id = ANY(:ids)', { ids: [...new Set(cellIds)] })
      .orderBy('c.cell_id')
      .getMany();
    return rows.map(toCell);
  }

  override async findNear(point: GeoPoint, radiusM: number): Promise<Cell[]> {
    const latDelta = radiusM / METRES_PER_DEGREE_LAT;
    const cosLat = Math.cos((point.lat * Math.PI) / 180);
    const lonDelta = cosLat > 1e-6 ? radiusM / (METRES_PER_DEGREE_LAT * cosLat) : 360;
    const query = this.dataSource
      .getRepository(CellEntity)
      .createQueryBuilder('c')
      .where('c.lat BETWEEN :latMin AND :latMax', { latMin: point.lat - latDelta, latMax: point.lat + latDelta });
    if (lonDelta < 180) {
      const lonMin = point.lon - lonDelta;
      const lonMax = point.lon + lonDelta;
      if (lonMin < -180) {
        query.andWhere('(c.lon >= :wrapMin OR c.lon <= :lonMax)', { wrapMin: lonMin + 360, lonMax });
      } else if (lonMax > 180) {
        query.andWhere('(c.lon >= :lonMin OR c.lon <= :wrapMax)', { lonMin, wrapMax: lonMax - 360 });
      } else {
        query.andWhere('c.lon BETWEEN :lonMin AND :lonMax', { lonMin, lonMax });
      }
    }
    const rows = await query.orderBy('c.cell_id').getMany();
    return rows.map(toCell);
  }

  override async findBySite(siteId: string): Promise<Cell[]> {
    const rows = await this.dataSource.getRepository(CellEntity).find({ where: { siteId }, order: { cellId: 'ASC' } });
    return rows.map(toCell);
  }

  override async findAll(): Promise<Cell[]> {
    const rows = await this.dataSource.getRepository(CellEntity).find({ order: { cellId: 'ASC' } });
    return rows.map(toCell);
  }

  override async count(): Promise<number> {
    return this.dataSource.getRepository(CellEntity).count();
  }
}
