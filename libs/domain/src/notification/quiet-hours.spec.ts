import { notBeforeFor, parseQuietHours } from './quiet-hours';

const SH = 'Asia/Shanghai';

describe('notBeforeFor', () => {
  it.each([
    // quiet hours crossing midnight, Asia/Shanghai = UTC+8
    ['22:00-08:00', SH, '2024-05-01T13:59:00.000Z', '2024-05-01T13:59:00.000Z'], // 21:59 local: outside
    ['22:00-08:00', SH, '2024-05-01T14:00:00.000Z', '2024-05-02T00:00:00.000Z'], // 22:00 local: inside → 08:00 next day
    ['22:00-08:00', SH, '2024-05-01T15:30:00.000Z', '2024-05-02T00:00:00.000Z'], // 23:30 local
    ['22:00-08:00', SH, '2024-05-01T16:00:00.000Z', '2024-05-02T00:00:00.000Z'], // 00:00 local (next day): same day 08:00
    ['22:00-08:00', SH, '2024-05-01T19:00:00.000Z', '2024-05-02T00:00:00.000Z'], // 03:00 local
    ['22:00-08:00', SH, '2024-05-01T23:59:59.000Z', '2024-05-02T00:00:00.000Z'], // 07:59:59 local
    ['22:00-08:00', SH, '2024-05-02T00:00:00.000Z', '2024-05-02T00:00:00.000Z'], // 08:00 local: outside
    ['22:00-08:00', SH, '2024-04-30T15:00:00.000Z', '2024-05-01T00:00:00.000Z'], // 23:00 on 30 April → 1 May
    ['22:00-08:00', SH, '2024-12-31T15:00:00.000Z', '2025-01-01T00:00:00.000Z'], // New Year's Eve
    // quiet hours within one day
    ['12:00-14:00', SH, '2024-05-01T03:59:00.000Z', '2024-05-01T03:59:00.000Z'],
    ['12:00-14:00', SH, '2024-05-01T04:00:00.000Z', '2024-05-01T06:00:00.000Z'],
    ['12:00-14:00', SH, '2024-05-01T05:59:00.000Z', '2024-05-01T06:00:00.000Z'],
    ['12:00-14:00', SH, '2024-05-01T06:00:00.000Z', '2024-05-01T06:00:00.000Z'],
    // start = end: no quiet hours
    ['08:00-08:00', SH, '2024-05-01T16:00:00.000Z', '2024-05-01T16:00:00.000Z'],
    // other zones, including a daylight-saving change during the quiet night (Berlin, 31 March 2024)
    ['22:00-08:00', 'UTC', '2024-05-01T23:00:00.000Z', '2024-05-02T08:00:00.000Z'],
    ['22:00-08:00', 'Europe/Berlin', '2024-03-30T22:00:00.000Z', '2024-03-31T06:00:00.000Z'],
    ['21:30-07:15', 'America/New_York', '2024-11-03T02:00:00.000Z', '2024-11-03T12:15:00.000Z'],
  ])('%s in %s: created %s → not before %s', (quiet, zone, createdAt, notBefore) => {
    expect(notBeforeFor(new Date(createdAt), quiet, zone).toISOString()).toBe(notBefore);
  });

  it('is never earlier than createdAt', () => {
    for (let minute = 0; minute < 24 * 60; minute += 7) {
      const at = new Date(Date.UTC(2024, 4, 1, 0, minute));
      expect(notBeforeFor(at, '22:00-08:00', SH).getTime()).toBeGreaterThanOrEqual(at.getTime());
    }
  });

  it('rejects a malformed quiet-hours string and an unknown time zone', () => {
    expect(() => notBeforeFor(new Date(), '22-08', SH)).toThrow(/HH:MM-HH:MM/);
    expect(() => notBeforeFor(new Date(), '22:00-08:00', 'Mars/Olympus')).toThrow(/Unknown time zone/);
  });
});

describe('parseQuietHours', () => {
  it.each([
    ['22:00-08:00', { startMinute: 1320, endMinute: 480 }],
    [' 00:30-06:45 ', { startMinute: 30, endMinute: 405 }],
  ])('%p', (text, expected) => {
    expect(parseQuietHours(text)).toEqual(expected);
  });

  it.each(['24:00-08:00', '22:00', '22:60-08:00', ''])('rejects %p', (text) => {
    expect(() => parseQuietHours(text)).toThrow(RangeError);
  });
});
