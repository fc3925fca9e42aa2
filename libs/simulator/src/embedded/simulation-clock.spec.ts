import { SimulationClock } from './simulation-clock';

describe('SimulationClock', () => {
  it('starts at the given time and runs `speed` times as fast as the wall clock', () => {
    let wall = 1_000_000;
    const clock = new SimulationClock({ start: new Date('2026-03-04T12:00:00Z'), speed: 60, wall: () => wall });
    expect(clock.now().toISOString()).toBe('2026-03-04T12:00:00.000Z');
    wall += 1000;
    expect(clock.now().toISOString()).toBe('2026-03-04T12:01:00.000Z');
    wall += 59_000;
    expect(clock.now().toISOString()).toBe('2026-03-04T13:00:00.000Z');
  });

  it('is the wall clock with speed 1 and no start', () => {
    let wall = Date.parse('2026-05-01T08:30:00Z');
    const clock = new SimulationClock({ wall: () => wall });
    wall += 1234;
    expect(clock.now().getTime()).toBe(wall);
  });

  it('tells how much real time is left until a simulated instant', () => {
    const wall = 0;
    const clock = new SimulationClock({ start: new Date('2026-03-04T12:00:00Z'), speed: 10, wall: () => wall });
    expect(clock.realMsUntil(new Date('2026-03-04T12:00:10Z'))).toBe(1000);
    expect(clock.realMsUntil(new Date('2026-03-04T11:00:00Z'))).toBe(0);
  });

  it('rejects a speed that is not a positive number', () => {
    expect(() => new SimulationClock({ speed: 0 })).toThrow(RangeError);
    expect(() => new SimulationClock({ speed: Number.NaN })).toThrow(RangeError);
    expect(() => new SimulationClock({ speed: Number.POSITIVE_INFINITY })).toThrow(RangeError);
  });
});
