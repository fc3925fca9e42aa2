import { GeoPoint } from '@cellscope/domain';

const METRES_PER_DEGREE_LAT = 111_320;

/**
 * A flat east/north plane in metres around a centre point (equirectangular): accurate to well under 1 % over the
 * few kilometres of a city, and cheap enough for neighbour searches over thousands of cells.
 */
export class LocalPlane {
  private readonly metresPerDegreeLon: number;

  constructor(readonly centre: GeoPoint) {
    this.metresPerDegreeLon = METRES_PER_DEGREE_LAT * Math.cos((centre.lat * Math.PI) / 180);
  }

  /** The point `eastM` metres east and `northM` metres north of the centre, rounded to 6 decimals (~0.1 m). */
  toPoint(eastM: number, northM: number): GeoPoint {
    return {
      lat: Math.round((this.centre.lat + northM / METRES_PER_DEGREE_LAT) * 1e6) / 1e6,
      lon: Math.round((this.centre.lon + eastM / this.metresPerDegreeLon) * 1e6) / 1e6,
    };
  }

  /** East/north metres of a point from the centre. */
  toXY(point: GeoPoint): { x: number; y: number } {
    return {
      x: (point.lon - this.centre.lon) * this.metresPerDegreeLon,
      y: (point.lat - this.centre.lat) * METRES_PER_DEGREE_LAT,
    };
  }

  /** The point `distanceM` from `from` in compass direction `bearingDeg` (0 = north, 90 = east). */
  towards(from: GeoPoint, bearingDeg: number, distanceM: number): GeoPoint {
    const { x, y } = this.toXY(from);
    const rad = (bearingDeg * Math.PI) / 180;
    return this.toPoint(x + distanceM * Math.sin(rad), y + distanceM * Math.cos(rad));
  }

  /** Planar distance in metres. */
  distance(a: GeoPoint, b: GeoPoint): number {
    const dx = (a.lon - b.lon) * this.metresPerDegreeLon;
    const dy = (a.lat - b.lat) * METRES_PER_DEGREE_LAT;
    return Math.sqrt(dx * dx + dy * dy);
  }
}
