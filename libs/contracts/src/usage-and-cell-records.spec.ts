import { parseCellRecord } from './cell-record.dto';
import { parseUsageRecord } from './usage-record.dto';

const cell = {
  cellId: '460-01-123-1',
  name: '新城区-宏站-1',
  siteId: 'S123',
  siteType: 'MACRO',
  networkType: '5G',
  lat: 40.8,
  lon: 111.7,
  azimuth: 120,
  status: 'ACTIVE',
};
const usage = { msisdn: '13812345678', cellId: 'c1', start: '2026-12-04T10:00:00Z', end: '2026-12-04T10:30:00Z', bytesDl: 10 };

describe('parseCellRecord', () => {
  it('accepts a valid record (omni when azimuth is absent)', () => {
    const r = parseCellRecord({ ...cell, azimuth: undefined });
    expect(r.ok && r.value.azimuth).toBe(undefined);
    expect(r.ok && r.value.networkType).toBe('5G');
  });
  it.each([
    ['networkType 3G', { ...cell, networkType: '3G' }, 'networkType'],
    ['azimuth 360', { ...cell, azimuth: 360 }, 'azimuth'],
    ['siteType unknown', { ...cell, siteType: 'TOWER' }, 'siteType'],
    ['lat missing', { ...cell, lat: undefined }, 'lat'],
    ['status unknown', { ...cell, status: 'DOWN' }, 'status'],
  ])('rejects %s', (_n, raw, field) => {
    const r = parseCellRecord(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.field)).toContain(field);
  });
});

describe('parseUsageRecord', () => {
  it('accepts a valid record', () => {
    const r = parseUsageRecord(usage);
    expect(r.ok && r.value.end.getTime() - r.value.start.getTime()).toBe(30 * 60_000);
  });
  it.each([
    ['end before start', { ...usage, end: '2026-12-04T09:00:00Z' }, 'end'],
    ['end equal start', { ...usage, end: usage.start }, 'end'],
    ['negative bytes', { ...usage, bytesDl: -1 }, 'bytesDl'],
    ['bad msisdn', { ...usage, msisdn: 'x' }, 'msisdn'],
  ])('rejects %s', (_n, raw, field) => {
    const r = parseUsageRecord(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.field)).toContain(field);
  });
});
