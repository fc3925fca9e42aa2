import { angleDifference, bearingDegrees, distanceMetres } from './geo-distance';

describe('distanceMetres (haversine)', () => {
  it.each([
    ['same point', { lat: 40, lon: 111 }, { lat: 40, lon: 111 }, 0, 0.001],
    ['1° of latitude', { lat: 40, lon: 111 }, { lat: 41, lon: 111 }, 111_195, 1],
    ['1° of longitude at the equator', { lat: 0, lon: 0 }, { lat: 0, lon: 1 }, 111_195, 1],
    ['Beijing → Shanghai', { lat: 39.9042, lon: 116.4074 }, { lat: 31.2304, lon: 121.4737 }, 1_067_000, 2_000],
    ['antipodes', { lat: 0, lon: 0 }, { lat: 0, lon: 180 }, Math.PI * 6_371_008.8, 1],
  ])('%s', (_case, a, b, metres, tolerance) => {
    expect(Math.abs(distanceMetres(a, b) - metres)).toBeLessThanOrEqual(tolerance);
    expect(distanceMetres(a, b)).toBeCloseTo(distanceMetres(b, a), 6);
  });
});

describe('bearingDegrees', () => {
  it.each([
    ['north', { lat: 41, lon: 111 }, 0],
    ['east', { lat: 40, lon: 111.01 }, 90],
    ['south', { lat: 39, lon: 111 }, 180],
    ['west', { lat: 40, lon: 110.99 }, 270],
  ])('%s', (_case, to, expected) => {
    expect(bearingDegrees({ lat: 40, lon: 111 }, to)).toBeCloseTo(expected, 1);
  });
});

describe('angleDifference', () => {
  it.each([
    [0, 0, 0],
    [10, 350, 20],
    [350, 10, 20],
    [0, 180, 180],
    [90, 270, 180],
    [720, 60, 60],
    [-30, 30, 60],
  ])('between %d and %d is %d', (a, b, expected) => {
    expect(angleDifference(a, b)).toBeCloseTo(expected, 9);
  });
});
