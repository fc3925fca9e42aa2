import { baselineWindow, evaluationWindow } from './kpi-windows';

const iso = (w: { from: Date; to: Date }) => ({ from: w.from.toISOString(), to: w.to.toISOString() });

describe('evaluationWindow', () => {
  it.each([
    ['on an interval boundary', '2024-05-01T10:00:00.000Z', 60, '2024-05-01T09:00:00.000Z', '2024-05-01T11:00:00.000Z'],
    ['inside an interval: widened to whole intervals', '2024-05-01T10:07:00.000Z', 60, '2024-05-01T09:00:00.000Z', '2024-05-01T11:15:00.000Z'],
    ['a configured half-width', '2024-05-01T10:00:00.000Z', 30, '2024-05-01T09:30:00.000Z', '2024-05-01T10:30:00.000Z'],
    ['crossing midnight', '2024-05-01T00:20:00.000Z', 60, '2024-04-30T23:15:00.000Z', '2024-05-01T01:30:00.000Z'],
  ])('%s', (_case, occurredAt, half, from, to) => {
    expect(iso(evaluationWindow(new Date(occurredAt), half))).toEqual({ from, to });
  });

  it('defaults to ±60 minutes', () => {
    expect(iso(evaluationWindow(new Date('2024-05-01T10:00:00Z')))).toEqual({ from: '2024-05-01T09:00:00.000Z', to: '2024-05-01T11:00:00.000Z' });
  });

  it('alignment can be switched off', () => {
    expect(iso(evaluationWindow(new Date('2024-05-01T10:07:00Z'), 60, 0))).toEqual({ from: '2024-05-01T09:07:00.000Z', to: '2024-05-01T11:07:00.000Z' });
  });

  it('rejects a non-positive half-width', () => {
    expect(() => evaluationWindow(new Date(), 0)).toThrow(/halfWidthMinutes/);
  });
});

describe('baselineWindow', () => {
  it.each([
    ['7 days before, aligned', '2024-05-08T10:07:00.000Z', 7, '2024-05-01T10:00:00.000Z', '2024-05-08T10:00:00.000Z'],
    ['1 day', '2024-05-08T10:00:00.000Z', 1, '2024-05-07T10:00:00.000Z', '2024-05-08T10:00:00.000Z'],
  ])('%s', (_case, occurredAt, days, from, to) => {
    expect(iso(baselineWindow(new Date(occurredAt), days))).toEqual({ from, to });
  });

  it('defaults to 7 days', () => {
    const w = baselineWindow(new Date('2024-05-08T10:00:00Z'));
    expect(w.to.getTime() - w.from.getTime()).toBe(7 * 86_400_000);
  });

  it('rejects 0 days', () => {
    expect(() => baselineWindow(new Date(), 0)).toThrow(/days/);
  });
});
