import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, Clock } from '@cellscope/config';
import { isTransientError } from '@cellscope/messaging';
import { LeadershipLostError } from './leadership/leadership-lost.error';
import { notifierLeader, notifierTickDuration, notifierTicks } from './notifier.metrics';
import { DetectionOutcome, OutageDetectionService } from './outage-detection.service';
import { OutboxPublisher } from './outbox.publisher';
import { LeaderLock } from './ports/leader-lock';

/** What one tick did on this replica. */
export interface TickOutcome {
  /** Whether this replica led (and so detected) in this tick. */
  leader: boolean;
  detection?: DetectionOutcome;
  /** Notifications put on the SMS topic in this tick. */
  published: number;
}

/**
 * The notifier's heartbeat: every NOTIFIER_TICK_MS it tries to lead (LeaderLock); the leader detects
 * (OutageDetectionService, fenced) and drains the outbox onto the SMS topic, the others wait for their next try,
 * so a dead leader is replaced within one tick. Ticks never overlap. On shutdown it stops arming, waits for the tick
 * in flight and releases the lock before the database closes.
 */
@Injectable()
export class NotifierTicker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(NotifierTicker.name);
  private timer?: NodeJS.Timeout;
  private queue: Promise<unknown> = Promise.resolve();
  private stopped = true;
  private leaderTicks = 0;
  private followerTicks = 0;

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly lock: LeaderLock,
    private readonly detection: OutageDetectionService,
    private readonly publisher: OutboxPublisher,
  ) {}

  onApplicationBootstrap(): void {
    this.stopped = false;
    this.arm(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.queue.catch(() => undefined);
    await this.lock.release();
    notifierLeader.set(0);
  }

  /** Ticks this replica spent as leader and as follower since start. */
  get stats(): { leaderTicks: number; followerTicks: number } {
    return { leaderTicks: this.leaderTicks, followerTicks: this.followerTicks };
  }

  /** Runs one tick now (after any tick in flight); rejects with the tick's error. */
  runOnce(): Promise<TickOutcome> {
    return this.serialized(() => this.tick());
  }

  /** Publishes pending notifications soon when this replica leads (e.g. after a TICKET_UPDATE was recorded). */
  requestDrain(): void {
    if (this.stopped || this.lock.fence() === undefined) return;
    void this.serialized(() => this.publisher.drain(this.clock.now())).catch((error) =>
      this.logger.warn(`outbox drain failed, next tick retries: ${(error as Error).message}`),
    );
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.catch(() => undefined).then(work);
    this.queue = run;
    return run;
  }

  private async tick(): Promise<TickOutcome> {
    const leader = await this.lock.acquire();
    notifierLeader.set(leader ? 1 : 0);
    if (!leader) {
      this.followerTicks += 1;
      notifierTicks.inc({ outcome: 'follower' });
      return { leader: false, published: 0 };
    }
    this.leaderTicks += 1;
    const endTimer = notifierTickDuration.startTimer();
    let detection: DetectionOutcome | undefined;
    let failure: unknown;
    try {
      detection = await this.detection.detect(this.clock.now(), this.lock.fence());
    } catch (error) {
      if (error instanceof LeadershipLostError) {
        notifierTicks.inc({ outcome: 'leadership_lost' });
        await this.lock.release();
        notifierLeader.set(0);
        throw error;
      }
      failure = error;
    } finally {
      endTimer();
    }
    // The outbox is drained even when detection failed (e.g. InfluxDB down): queued notices still go out.
    const published = await this.publisher.drain(this.clock.now());
    if (failure !== undefined) {
      notifierTicks.inc({ outcome: 'failed' });
      throw failure;
    }
    notifierTicks.inc({ outcome: 'leader' });
    return { leader: true, detection, published };
  }

  private arm(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.runOnce()
        .catch((error) => {
          const kind = error instanceof LeadershipLostError ? 'leadership lost' : isTransientError(error) ? 'dependency unavailable' : 'failed';
          this.logger.warn(`notifier tick ${kind}, next tick retries: ${(error as Error).message}`);
        })
        .finally(() => this.arm(this.config.NOTIFIER_TICK_MS));
    }, delayMs);
    this.timer.unref?.();
  }
}
