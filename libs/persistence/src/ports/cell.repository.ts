import { Cell, GeoPoint } from '@cellscope/domain';

/** Port: the cell inventory (CellRecord). */
export abstract class CellRepository {
  /** Inserts or replaces cells by cellId (idempotent). */
  abstract upsertMany(cells: readonly Cell[]): Promise<void>;
  /** The cells with these ids that exist, ordered by cellId. */
  abstract findByIds(cellIds: readonly string[]): Promise<Cell[]>;
  /** Cells whose position lies within radiusM of the point (a bounding-box prefilter is fine; exact filtering is the domain's). */
  abstract findNear(point: GeoPoint, radiusM: number): Promise<Cell[]>;
  /** The cells of one site, ordered by cellId. */
  abstract findBySite(siteId: string): Promise<Cell[]>;
  /** Every cell, for outage scans and site grouping. */
  abstract findAll(): Promise<Cell[]>;
  /** Number of cells in the inventory. */
  abstract count(): Promise<number>;
}
