import { Cell, GeoPoint } from '../model';
import { aCell, aTicket, aUsage } from '../testing/domain.factories';
import { evaluationWindow } from '../kpi/kpi-windows';
import { selectCells } from './cell-selection';
import { EARTH_RADIUS_M } from './geo-distance';

const HOME: GeoPoint = { lat: 40.8414, lon: 111.7519 };
const occurredAt = new Date('2024-05-01T10:00:00Z');
const window = evaluationWindow(occurredAt);
const minutesAfter = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);

/** A point `metres` away from `from` towards `bearing` (flat-earth approximation, fine below a few km). */
function offset(from: GeoPoint, metres: number, bearing: number): GeoPoint {
  const rad = (bearing * Math.PI) / 180;
  return {
    lat: from.lat + ((metres * Math.cos(rad)) / EARTH_RADIUS_M) * (180 / Math.PI),
    lon: from.lon + ((metres * Math.sin(rad)) / (EARTH_RADIUS_M * Math.cos((from.lat * Math.PI) / 180))) * (180 / Math.PI),
  };
}

/** A cell placed `metres` from the complaint point at bearing `from` (point → cell), pointing its sector at `azimuth`. */
function cellAt(metres: number, fromBearing: number, overrides: Partial<Cell> = {}): Cell {
  return aCell({ ...offset(HOME, metres, fromBearing), ...overrides });
}

const base = { window, usageInWindow: [], usageHistory: [], nearbyCells: [] };

describe('selectCells step 1: cells named on the ticket', () => {
  it('all SERVING / TICKET, duplicates removed, order kept; usage and location ignored', () => {
    const ticket = aTicket({ cellIds: ['B', 'A', 'B'], location: HOME });
    const selected = selectCells({ ...base, ticket, usageInWindow: [aUsage('U', window.from, 60)], nearbyCells: [cellAt(10, 0)] });
    expect(selected).toEqual([
      { cellId: 'B', role: 'SERVING', selection: 'TICKET' },
      { cellId: 'A', role: 'SERVING', selection: 'TICKET' },
    ]);
  });

  it('an empty cellIds list counts as none', () => {
    expect(selectCells({ ...base, ticket: aTicket({ cellIds: [] }), usageInWindow: [aUsage('U', window.from, 10)] })[0].selection).toBe('USAGE');
  });
});

describe('selectCells step 2: usage in the window', () => {
  it('ranks by time on the cell: top SERVING, up to 4 NEIGHBOR, usageShare of the total time', () => {
    const usage = [
      aUsage('A', window.from, 10),
      aUsage('B', minutesAfter(window.from, 10), 40),
      aUsage('C', minutesAfter(window.from, 50), 20),
      aUsage('A', minutesAfter(window.from, 70), 20), // A: 30 min in total
      aUsage('D', minutesAfter(window.from, 90), 8),
      aUsage('E', minutesAfter(window.from, 98), 7),
      aUsage('F', minutesAfter(window.from, 105), 5),
    ];
    const selected = selectCells({ ...base, ticket: aTicket({ occurredAt }), usageInWindow: usage });
    expect(selected.map((c) => [c.cellId, c.role, c.usageShare])).toEqual([
      ['B', 'SERVING', 0.3636],
      ['A', 'NEIGHBOR', 0.2727],
      ['C', 'NEIGHBOR', 0.1818],
      ['D', 'NEIGHBOR', 0.0727],
      ['E', 'NEIGHBOR', 0.0636],
    ]);
    expect(selected.every((c) => c.selection === 'USAGE')).toBe(true);
  });

  it('counts only the part of a record inside the window', () => {
    const usage = [
      aUsage('LONG', minutesAfter(window.from, -600), 630), // 30 min inside
      aUsage('SHORT', minutesAfter(window.from, 30), 40),
    ];
    const selected = selectCells({ ...base, ticket: aTicket(), usageInWindow: usage });
    expect(selected.map((c) => [c.cellId, c.usageShare])).toEqual([
      ['SHORT', 0.5714],
      ['LONG', 0.4286],
    ]);
  });

  it('breaks ties by cellId', () => {
    const selected = selectCells({ ...base, ticket: aTicket(), usageInWindow: [aUsage('Z', window.from, 10), aUsage('M', window.from, 10)] });
    expect(selected.map((c) => c.cellId)).toEqual(['M', 'Z']);
  });

  it('falls back to the home cell (most used over the 7 days before the window) when the window has no usage', () => {
    const history = [
      aUsage('HOME', minutesAfter(window.from, -3 * 24 * 60), 300),
      aUsage('WORK', minutesAfter(window.from, -2 * 24 * 60), 200),
      aUsage('OLD', minutesAfter(window.from, -9 * 24 * 60), 2000), // older than 7 days
    ];
    const outside = [aUsage('LATER', minutesAfter(window.to, 5), 60)]; // after the window: no time inside
    const selected = selectCells({ ...base, ticket: aTicket({ location: HOME }), usageInWindow: outside, usageHistory: history, nearbyCells: [cellAt(10, 0)] });
    expect(selected).toEqual([{ cellId: 'HOME', role: 'SERVING', selection: 'USAGE' }]);
  });
});

describe('selectCells step 3: location', () => {
  const ticket = aTicket({ location: HOME });

  it.each([
    ['sector pointing at the point', 500, 0, { azimuth: 180 }, true],
    ['60° off the beam centre', 500, 0, { azimuth: 240 }, true],
    ['61° off the beam centre', 500, 0, { azimuth: 241 }, false],
    ['pointing away', 500, 0, { azimuth: 0 }, false],
    ['omni cell pointing nowhere', 500, 0, { azimuth: undefined }, true],
    ['indoor cell pointing away', 500, 0, { azimuth: 0, siteType: 'INDOOR' as const }, true],
    ['facing, at 1 499 m', 1499, 90, { azimuth: 270 }, true],
    ['facing, at 1 501 m', 1501, 90, { azimuth: 270 }, false],
    ['omni beyond the radius', 1600, 90, { azimuth: undefined }, false],
    ['facing but INACTIVE', 300, 0, { azimuth: 180, status: 'INACTIVE' as const }, false],
    ['at the site itself, any azimuth', 0, 0, { azimuth: 90 }, true],
  ])('%s → selected: %p', (_case, metres, fromBearing, overrides, selected) => {
    const cell = cellAt(metres, fromBearing, overrides);
    const result = selectCells({ ...base, ticket, nearbyCells: [cell] });
    expect(result.map((c) => c.cellId)).toEqual(selected ? [cell.cellId] : []);
  });

  it('nearest first, up to three, the nearest SERVING, distances in whole metres', () => {
    const far = cellAt(1200, 45, { azimuth: 225 });
    const near = cellAt(200, 180, { azimuth: 0 });
    const mid = cellAt(700, 270, { azimuth: undefined });
    const tooMany = cellAt(1400, 0, { siteType: 'INDOOR' });
    const away = cellAt(100, 90, { azimuth: 90 });
    const result = selectCells({ ...base, ticket, nearbyCells: [far, away, tooMany, mid, near] });
    expect(result).toEqual([
      { cellId: near.cellId, role: 'SERVING', selection: 'LOCATION', distanceM: 200 },
      { cellId: mid.cellId, role: 'NEIGHBOR', selection: 'LOCATION', distanceM: 700 },
      { cellId: far.cellId, role: 'NEIGHBOR', selection: 'LOCATION', distanceM: 1200 },
    ]);
  });

  it('a cell listed twice is taken once', () => {
    const cell = cellAt(100, 0, { azimuth: 180 });
    expect(selectCells({ ...base, ticket, nearbyCells: [cell, cell] })).toHaveLength(1);
  });
});

describe('selectCells step 4: nothing to go on', () => {
  it.each([
    ['no location', aTicket(), [cellAt(10, 0)]],
    ['location but no facing cell in range', aTicket({ location: HOME }), [cellAt(2000, 0)]],
    ['location and no inventory', aTicket({ location: HOME }), []],
  ])('%s → no cells', (_case, ticket, nearbyCells) => {
    expect(selectCells({ ...base, ticket, nearbyCells })).toEqual([]);
  });
});
