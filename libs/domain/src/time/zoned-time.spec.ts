import { zonedFields, zonedToInstant } from './zoned-time';

describe('zonedFields / zonedToInstant', () => {
  it.each([
    ['2024-05-01T16:30:15.000Z', 'Asia/Shanghai', { year: 2024, month: 5, day: 2, hour: 0, minute: 30, second: 15 }],
    ['2024-03-31T01:30:00.000Z', 'Europe/Berlin', { year: 2024, month: 3, day: 31, hour: 3, minute: 30, second: 0 }],
    ['2024-01-01T00:00:00.000Z', 'UTC', { year: 2024, month: 1, day: 1, hour: 0, minute: 0, second: 0 }],
  ])('%s in %s', (instant, zone, fields) => {
    expect(zonedFields(new Date(instant), zone)).toEqual(fields);
    expect(zonedToInstant(fields, zone).toISOString()).toBe(instant);
  });

  it('normalises day overflow', () => {
    expect(zonedToInstant({ year: 2024, month: 4, day: 31, hour: 8, minute: 0, second: 0 }, 'Asia/Shanghai').toISOString()).toBe('2024-05-01T00:00:00.000Z');
  });

  it('rejects an unknown zone', () => {
    expect(() => zonedFields(new Date(), 'Nowhere/Town')).toThrow(RangeError);
  });
});
