import { GeoPoint } from '@cellscope/domain';

/** The districts of a city by quadrant around its centre. */
export interface CityDistricts {
  northEast: string;
  northWest: string;
  southWest: string;
  southEast: string;
}

/** Everything the region generator needs to know about a city: where it is and the words its names are made of. */
export interface CityProfile {
  /** City name as it starts site names, addresses and the `region` of cells and tickets (e.g. 呼和浩特). */
  name: string;
  /** Centre of the simulated area. */
  centre: GeoPoint;
  /** Radius of the simulated area in km. */
  radiusKm: number;
  /** Fixed offset of local time from UTC (the diurnal load profile, ticket timestamps). */
  utcOffsetMinutes: number;
  /** Mobile country and network code that prefix the cellIds (e.g. 460 / 01). */
  mcc: string;
  mnc: string;
  /** Prefix of siteIds (e.g. NM-HHHT). */
  siteIdPrefix: string;
  districts: CityDistricts;
  /** Streets that outdoor sites are named after. */
  roads: readonly string[];
  /** Housing estates (小区): outdoor site names and complaint addresses. */
  estates: readonly string[];
  /** Malls, hospitals, universities, stations, office towers: indoor sites. */
  venues: readonly string[];
  /** MSISDN prefixes (3 digits) of the operator's lines. */
  msisdnPrefixes: readonly string[];
}
