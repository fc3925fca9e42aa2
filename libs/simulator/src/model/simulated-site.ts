import { Cell, CellStatus, SiteType } from '@cellscope/domain';
import { CityProfile } from '../city/city-profile';

/** Kind of area a site serves: RESIDENTIAL load peaks in the evening, BUSINESS load in office hours. */
export type ServedArea = 'RESIDENTIAL' | 'BUSINESS';

/** A base-station site of the simulated region, with the cells on it. */
export interface SimulatedSite {
  siteId: string;
  siteName: string;
  siteType: SiteType;
  district: string;
  /** Street the site stands on (outdoor) or next to (indoor). */
  road: string;
  /** Estate or venue the site is named after, if any. */
  spot?: string;
  lat: number;
  lon: number;
  vendor: string;
  status: CellStatus;
  area: ServedArea;
  cellIds: string[];
}

/** The simulated radio network: the city, its sites and their cells (the CellRecords of contracts.md). */
export interface RegionLayout {
  city: CityProfile;
  sites: SimulatedSite[];
  cells: Cell[];
}
