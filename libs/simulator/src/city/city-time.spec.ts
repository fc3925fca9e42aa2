import { CityTime } from './city-time';

describe('CityTime (UTC+8)', () => {
  const time = new CityTime(480);

  it('formats instants in local time with the +08:00 offset', () => {
    expect(time.format(Date.parse('2026-12-04T12:15:00Z'))).toBe('2026-12-04T20:15:00+08:00');
    expect(time.format(Date.parse('2026-12-31T16:00:00Z'))).toBe('2027-01-01T00:00:00+08:00');
    expect(new CityTime(-330).format(Date.parse('2026-01-01T00:00:00Z'))).toBe('2025-12-31T18:30:00-05:30');
  });

  it('numbers local days, their starts, hours and weekdays', () => {
    const t = Date.parse('2026-12-04T17:30:00Z'); // Saturday 01:30 local
    const day = time.dayOf(t);
    expect(time.dayStart(day)).toBe(Date.parse('2026-12-04T16:00:00Z'));
    expect(time.hourOfDay(t)).toBeCloseTo(1.5, 10);
    expect(time.dateCode(day)).toBe('20261205');
    expect(time.weekday(day)).toBe(5);
    expect(time.isWeekend(day)).toBe(true);
    expect(time.isWeekend(day - 1)).toBe(false);
  });
});
