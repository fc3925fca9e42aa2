import { ThrottlerStorage } from '@nestjs/throttler';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface Window {
  startedAt: number;
  hits: number;
  blockedUntil: number;
}

/** Windows kept before expired ones are swept (one per API key and throttler in practice). */
const SWEEP_ABOVE = 10_000;

/**
 * Rate-limit counters for @nestjs/throttler as fixed windows: O(1) per request. The package's default in-memory
 * storage keeps one timestamp per hit and filters the list on every request, which cost ~11 % of the API's CPU at
 * 600 req/s with one key (measured with bench:api). A key over its limit is blocked until its window ends (or for
 * `blockDuration` when one is configured).
 */
export class FixedWindowThrottlerStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly now: () => number = Date.now) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const now = this.now();
    const id = `${throttlerName}\u0000${key}`;
    let window = this.windows.get(id);
    if (!window || now - window.startedAt >= ttl) {
      if (this.windows.size > SWEEP_ABOVE) this.sweep(now, ttl);
      window = { startedAt: now, hits: 0, blockedUntil: window && window.blockedUntil > now ? window.blockedUntil : 0 };
      this.windows.set(id, window);
    }
    if (window.blockedUntil <= now) {
      window.hits += 1;
      if (window.hits > limit) window.blockedUntil = blockDuration > 0 ? now + blockDuration : window.startedAt + ttl;
    }
    const isBlocked = window.blockedUntil > now;
    return {
      totalHits: window.hits,
      timeToExpire: Math.max(0, Math.ceil((window.startedAt + ttl - now) / 1000)),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil((window.blockedUntil - now) / 1000) : 0,
    };
  }

  private sweep(now: number, ttl: number): void {
    for (const [id, window] of this.windows) {
      if (now - window.startedAt >= ttl && window.blockedUntil <= now) this.windows.delete(id);
    }
  }
}
