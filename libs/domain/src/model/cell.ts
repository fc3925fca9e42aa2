/** Kinds of site a cell can sit on (站点类型). */
export const SITE_TYPES = ['MACRO', 'MICRO', 'PICO', 'INDOOR', 'OTHER'] as const;
export type SiteType = (typeof SITE_TYPES)[number];

/** Radio access technology of a cell (网络类型). */
export const NETWORK_TYPES = ['4G', '5G'] as const;
export type NetworkType = (typeof NETWORK_TYPES)[number];

export const CELL_STATUSES = ['ACTIVE', 'INACTIVE'] as const;
export type CellStatus = (typeof CELL_STATUSES)[number];

/** A base-station sector from the cell inventory (the CellRecord of contracts.md). */
export interface Cell {
  cellId: string;
  name: string;
  siteId: string;
  siteName?: string;
  siteType: SiteType;
  networkType: NetworkType;
  band?: string;
  lat: number;
  lon: number;
  /** Sector direction in degrees 0..359; absent for an omni cell. */
  azimuth?: number;
  region?: string;
  vendor?: string;
  status: CellStatus;
}
