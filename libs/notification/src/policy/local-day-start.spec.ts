import { localDayStart } from './local-day-start';
import { normalizeMsisdn } from './msisdn-normalization';

describe('localDayStart', () => {
  it('gives local midnight of the day in the time zone, not in UTC', () => {
    // 2026-03-02T17:00Z is 01:00 on 3 March in Asia/Shanghai: the day began at 2026-03-02T16:00Z.
    expect(localDayStart(new Date('2026-03-02T17:00:00Z'), 'Asia/Shanghai').toISOString()).toBe('2026-03-02T16:00:00.000Z');
    // 2026-03-02T15:59Z is 23:59 on 2 March there: the day began at 2026-03-01T16:00Z.
    expect(localDayStart(new Date('2026-03-02T15:59:00Z'), 'Asia/Shanghai').toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(localDayStart(new Date('2026-03-02T15:59:00Z'), 'UTC').toISOString()).toBe('2026-03-02T00:00:00.000Z');
  });

  it('follows daylight-saving days', () => {
    // Berlin switches to summer time on 29 March 2026; that day began at 23:00Z the day before.
    expect(localDayStart(new Date('2026-03-29T12:00:00Z'), 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(localDayStart(new Date('2026-03-30T12:00:00Z'), 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });
});

describe('normalizeMsisdn', () => {
  it('drops one leading + and surrounding spaces, nothing else', () => {
    expect(normalizeMsisdn('+8613800000001')).toBe('8613800000001');
    expect(normalizeMsisdn(' 8613800000001 ')).toBe('8613800000001');
    expect(normalizeMsisdn('13800000001')).toBe('13800000001');
  });
});
