import { Cell, GeoPoint } from '@cellscope/domain';
import { LocalPlane } from './geo/local-plane';
import { RegionLayout, SimulatedSite } from './model/simulated-site';

const NEIGHBOUR_COUNT = 6;
const NEIGHBOUR_RADIUS_M = 2500;

/**
 * Index over a generated region: cells and sites by position in the layout, the site of every cell, and the
 * nearest cells of the same technology (where a moving subscriber goes next). Generators work with the indices.
 */
export class NetworkTopology {
  readonly cells: readonly Cell[];
  readonly sites: readonly SimulatedSite[];
  readonly plane: LocalPlane;
  /** Indices of the ACTIVE cells, in layout order. */
  readonly activeCells: readonly number[];
  private readonly byCellId = new Map<string, number>();
  private readonly bySiteId = new Map<string, number>();
  private readonly siteOf: Int32Array;
  private readonly siteCells: number[][];
  private readonly neighbourLists: number[][];

  constructor(readonly layout: RegionLayout) {
    this.cells = layout.cells;
    this.sites = layout.sites;
    this.plane = new LocalPlane(layout.city.centre);
    layout.sites.forEach((site, i) => this.bySiteId.set(site.siteId, i));
    this.siteOf = new Int32Array(layout.cells.length);
    this.siteCells = layout.sites.map(() => []);
    layout.cells.forEach((cell, i) => {
      this.byCellId.set(cell.cellId, i);
      const siteIndex = this.bySiteId.get(cell.siteId);
      if (siteIndex === undefined) throw new Error(`cell ${cell.cellId} names unknown site ${cell.siteId}`);
      this.siteOf[i] = siteIndex;
      this.siteCells[siteIndex].push(i);
    });
    this.activeCells = layout.cells.flatMap((cell, i) => (cell.status === 'ACTIVE' ? [i] : []));
    this.neighbourLists = this.computeNeighbours();
  }

  get cellCount(): number {
    return this.cells.length;
  }

  /** Index of a cell, or -1. */
  cellIndex(cellId: string): number {
    return this.byCellId.get(cellId) ?? -1;
  }

  /** Index of a site, or -1. */
  siteIndex(siteId: string): number {
    return this.bySiteId.get(siteId) ?? -1;
  }

  siteOfCell(cellIndex: number): number {
    return this.siteOf[cellIndex];
  }

  cellsOfSite(siteIndex: number): readonly number[] {
    return this.siteCells[siteIndex];
  }

  isActive(cellIndex: number): boolean {
    return this.cells[cellIndex].status === 'ACTIVE';
  }

  is5G(cellIndex: number): boolean {
    return this.cells[cellIndex].networkType === '5G';
  }

  /** Up to 6 nearest other ACTIVE cells of the same technology within 2.5 km, nearest first (co-sited sectors first). */
  neighbours(cellIndex: number): readonly number[] {
    return this.neighbourLists[cellIndex];
  }

  /** Cells (any status) within `radiusM` of a point, for the location step of the cell selection. */
  cellsNear(point: GeoPoint, radiusM: number): Cell[] {
    return this.cells.filter((cell) => this.plane.distance(point, cell) <= radiusM);
  }

  private computeNeighbours(): number[][] {
    const n = this.cells.length;
    const xs = new Float64Array(n);
    const ys = new Float64Array(n);
    const nr = new Uint8Array(n);
    this.cells.forEach((cell, i) => {
      const p = this.plane.toXY(cell);
      xs[i] = p.x;
      ys[i] = p.y;
      nr[i] = cell.networkType === '5G' ? 1 : 0;
    });
    const active = Int32Array.from(this.activeCells);
    const limit = NEIGHBOUR_RADIUS_M * NEIGHBOUR_RADIUS_M;
    return this.cells.map((cell, i) => {
      if (cell.status !== 'ACTIVE') return [];
      const candidates: { index: number; d: number }[] = [];
      for (let k = 0; k < active.length; k++) {
        const j = active[k];
        if (j === i || nr[j] !== nr[i]) continue;
        const dx = xs[i] - xs[j];
        const dy = ys[i] - ys[j];
        const d = dx * dx + dy * dy;
        if (d <= limit) candidates.push({ index: j, d });
      }
      candidates.sort((a, b) => a.d - b.d || a.index - b.index);
      return candidates.slice(0, NEIGHBOUR_COUNT).map((c) => c.index);
    });
  }
}
