import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, Clock } from '@cellscope/config';
import { UsageRepository } from '@cellscope/persistence';

const RUN_EVERY_MS = 60 * 60_000;

/** Deletes usage records older than USAGE_RETENTION_DAYS, hourly. */
@Injectable()
export class UsageRetentionJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(UsageRetentionJob.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly usage: UsageRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runOnce().catch((e) => this.logger.warn(`usage retention failed: ${(e as Error).message}`)), RUN_EVERY_MS);
    this.timer.unref?.();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Deletes what is past retention; returns how many records. */
  async runOnce(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - this.config.USAGE_RETENTION_DAYS * 24 * 3_600_000);
    const deleted = await this.usage.deleteEndedBefore(cutoff);
    if (deleted > 0) this.logger.log(`deleted ${deleted} usage record(s) that ended before ${cutoff.toISOString()}`);
    return deleted;
  }
}
