import { CellKpiInterval } from '../model';
import { cellAvailabilityState, isCellDown } from './cell-down';

type Sample = Pick<CellKpiInterval, 'counters' | 'percents'>;

describe('isCellDown / cellAvailabilityState', () => {
  it.each<[string, Sample, 'DOWN' | 'UP' | 'UNKNOWN']>([
    ['fully available', { counters: { unavailS: 0, periodS: 900 } }, 'UP'],
    ['just under half unavailable', { counters: { unavailS: 449, periodS: 900 } }, 'UP'],
    ['exactly half unavailable', { counters: { unavailS: 450, periodS: 900 } }, 'DOWN'],
    ['fully unavailable', { counters: { unavailS: 900, periodS: 900 } }, 'DOWN'],
    ['period 0', { counters: { unavailS: 0, periodS: 0 } }, 'UNKNOWN'],
    ['unavail_s missing', { counters: { periodS: 900 } }, 'UNKNOWN'],
    ['no counters at all', { counters: {} }, 'UNKNOWN'],
    ['percent-only 49.9 %', { counters: {}, percents: { availability: { weightedSum: 49.9, weight: 1 } } }, 'DOWN'],
    ['percent-only 50 %', { counters: {}, percents: { availability: { weightedSum: 50, weight: 1 } } }, 'UP'],
    ['percent-only weighted', { counters: {}, percents: { availability: { weightedSum: 4 * 30, weight: 4 } } }, 'DOWN'],
    ['percent with zero weight', { counters: {}, percents: { availability: { weightedSum: 0, weight: 0 } } }, 'UNKNOWN'],
    ['counters win over the percent', { counters: { unavailS: 0, periodS: 900 }, percents: { availability: { weightedSum: 0, weight: 1 } } }, 'UP'],
  ])('%s → %s', (_case, interval, state) => {
    expect(cellAvailabilityState(interval)).toBe(state);
    expect(isCellDown(interval)).toBe(state === 'DOWN');
  });
});
