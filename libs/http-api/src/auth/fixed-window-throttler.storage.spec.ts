import { FixedWindowThrottlerStorage } from './fixed-window-throttler.storage';

describe('FixedWindowThrottlerStorage', () => {
  let now = 0;
  const storage = () => new FixedWindowThrottlerStorage(() => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('counts hits per key and blocks the one over the limit until the window ends', async () => {
    const s = storage();
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await s.increment('k', 60_000, 3, 0, 'per-key'));
    expect(results.map((r) => r.isBlocked)).toEqual([false, false, false, true]);
    expect(results[3]).toMatchObject({ totalHits: 4, timeToExpire: 60, timeToBlockExpire: 60 });
    expect((await s.increment('other', 60_000, 3, 0, 'per-key')).isBlocked).toBe(false);
    now += 30_000;
    expect((await s.increment('k', 60_000, 3, 0, 'per-key')).isBlocked).toBe(true);
    now += 30_000;
    const next = await s.increment('k', 60_000, 3, 0, 'per-key');
    expect(next).toMatchObject({ isBlocked: false, totalHits: 1 });
  });

  it('keeps a key blocked for blockDuration across windows when one is set', async () => {
    const s = storage();
    await s.increment('k', 1_000, 1, 0, 't');
    const blocked = await s.increment('k', 1_000, 1, 5_000, 't');
    expect(blocked).toMatchObject({ isBlocked: true, timeToBlockExpire: 5 });
    now += 2_000;
    expect((await s.increment('k', 1_000, 1, 5_000, 't')).isBlocked).toBe(true);
    now += 3_000;
    expect((await s.increment('k', 1_000, 1, 5_000, 't')).isBlocked).toBe(false);
  });

  it('keeps throttlers apart', async () => {
    const s = storage();
    await s.increment('k', 60_000, 1, 0, 'a');
    expect((await s.increment('k', 60_000, 1, 0, 'b')).isBlocked).toBe(false);
    expect((await s.increment('k', 60_000, 1, 0, 'a')).isBlocked).toBe(true);
  });
});
