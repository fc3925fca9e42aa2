import { describeTimestampProblem, parseContractTimestamp, TimestampProblem } from './contract-timestamp';

describe('parseContractTimestamp', () => {
  it.each([
    ['2026-12-04T20:15:00+08:00', '2026-12-04T12:15:00.000Z'],
    ['2026-12-04T20:15:00.123456789Z', '2026-12-04T20:15:00.123Z'],
    ['2026-12-04T20:15+0800', '2026-12-04T12:15:00.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    ['1970-01-01T00:00:00Z', '1970-01-01T00:00:00.000Z'],
    ['2199-12-31T23:59:59Z', '2199-12-31T23:59:59.000Z'],
  ])('accepts %s', (text, iso) => {
    const result = parseContractTimestamp(text);
    expect(result.ok && result.date.toISOString()).toBe(iso);
  });

  it.each<[string, TimestampProblem]>([
    ['2026-12-04T20:15:00', 'format'],
    ['2026-12-04 20:15:00Z', 'format'],
    ['now', 'format'],
    ['1733314500000', 'format'],
    ['2026-02-30T00:00:00Z', 'calendar'],
    ['2025-02-29T00:00:00Z', 'calendar'],
    ['2026-13-01T00:00:00Z', 'calendar'],
    ['2026-12-04T24:00:00Z', 'calendar'],
    ['2026-12-04T20:60:00Z', 'calendar'],
    ['2026-12-04T20:15:60Z', 'calendar'],
    ['2026-12-04T20:15:00+15:00', 'calendar'],
    ['0000-01-01T00:00:00Z', 'range'],
    ['1969-12-31T23:59:59Z', 'range'],
    ['2200-01-01T00:00:00Z', 'range'],
    ['9999-12-31T23:59:59Z', 'range'],
  ])('refuses %s (%s)', (text, problem) => {
    expect(parseContractTimestamp(text)).toEqual({ ok: false, problem });
  });

  it('names the field in every message', () => {
    for (const problem of ['format', 'calendar', 'range'] as const) expect(describeTimestampProblem('at', problem)).toMatch(/^at /);
    expect(describeTimestampProblem('to', 'range')).toBe('to must be from 1970-01-01 up to (excluding) 2200-01-01');
  });
});
