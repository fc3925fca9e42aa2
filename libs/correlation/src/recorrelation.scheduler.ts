import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, Clock } from '@cellscope/config';
import { isTransientError } from '@cellscope/messaging';
import { RecorrelationScheduleRepository, TicketRepository } from '@cellscope/persistence';
import { CorrelationService } from './correlation.service';

const CLAIM_LIMIT = 500;
const LEASE_MS = 5 * 60_000;

/**
 * Works the durable re-correlation schedule (late PM data, manual requests): every RECORRELATE_POLL_MS it claims
 * the due tickets (safe with several correlators) and correlates them again. The schedule lives in PostgreSQL,
 * so it survives restarts; a claim whose worker died is taken over when its lease ends, and the claims of a
 * re-correlation that failed (a dependency was down) are given back at once, for the next poll.
 */
@Injectable()
export class RecorrelationScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RecorrelationScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopped = false;

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly schedule: RecorrelationScheduleRepository,
    private readonly tickets: TicketRepository,
    private readonly correlation: CorrelationService,
  ) {}

  onApplicationBootstrap(): void {
    this.stopped = false;
    this.arm();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Claims and correlates every due entry once; returns how many tickets were correlated. */
  async runOnce(): Promise<number> {
    let total = 0;
    for (;;) {
      const ids = await this.schedule.claimDue(this.clock.now(), CLAIM_LIMIT, LEASE_MS);
      if (ids.length === 0) return total;
      const found = await this.tickets.findManyByIds(ids);
      const known = new Set(found.map((t) => t.ticketId));
      for (const id of ids) if (!known.has(id)) await this.schedule.complete(id);
      try {
        await this.correlation.correlate(found.map((t) => ({ ticket: t, complaintNo: t.complaintNo })));
      } catch (error) {
        // Give the claims back so the next poll tries again; otherwise they would wait for the lease (LEASE_MS) to end.
        await this.schedule.release([...known], this.clock.now()).catch(() => undefined);
        throw error;
      }
      total += found.length;
      if (ids.length < CLAIM_LIMIT || this.stopped) return total;
    }
  }

  private arm(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce();
      this.running
        .then((n) => n > 0 && this.logger.log(`re-correlated ${n} ticket(s)`))
        .catch((error) => {
          const kind = isTransientError(error) ? 'dependency unavailable' : 'failed';
          this.logger.warn(`re-correlation ${kind}, will retry next poll: ${(error as Error).message}`);
        })
        .finally(() => this.arm());
    }, this.config.RECORRELATE_POLL_MS);
    this.timer.unref?.();
  }
}
