import { Injectable } from '@nestjs/common';
import { AppConfig } from '@cellscope/config';
import { NotificationOutbox } from './ports/notification-outbox';
import { OptOutRepository } from './ports/opt-out.repository';
import { localDayStart } from './policy/local-day-start';
import { normalizeMsisdn } from './policy/msisdn-normalization';
import { BatchPlan, candidateNotificationIds, NotificationRequest, planNotificationBatch } from './policy/notification-batch.planner';

/**
 * Applies the SMS policy to a batch of requests: loads what was already sent (ids and today's counts, "today" in
 * NOTIFIER_TIMEZONE) and the opt-outs in three queries, then plans with planNotificationBatch (deterministic ids,
 * NOTIFIER_DAILY_CAP, NOTIFIER_QUIET_HOURS → notBefore, opt-outs). Recipients are keyed without a leading +.
 * Concurrent planners (the leader's tick and a TICKET_UPDATE on another replica) count each other only once
 * committed, so the daily cap can be exceeded by notices decided at the same moment.
 */
@Injectable()
export class NotificationPlanner {
  constructor(
    private readonly config: AppConfig,
    private readonly outbox: NotificationOutbox,
    private readonly optOuts: OptOutRepository,
  ) {}

  /** The notices to record for these requests at `now`, and who was left out. */
  async plan(requests: readonly NotificationRequest[], now: Date): Promise<BatchPlan> {
    const normalized = requests
      .map((request) => {
        const seen = new Set<string>();
        const recipients = request.recipients
          .map((r) => ({ ...r, msisdn: normalizeMsisdn(r.msisdn) }))
          .filter((r) => (seen.has(r.msisdn) ? false : (seen.add(r.msisdn), true)));
        return { ...request, recipients };
      })
      .filter((request) => request.recipients.length > 0);
    if (normalized.length === 0) return { notifications: [], skipped: [] };
    const msisdns = [...new Set(normalized.flatMap((r) => r.recipients.map((x) => x.msisdn)))];
    const [alreadySent, sentToday, optedOut] = await Promise.all([
      this.outbox.existingIds(candidateNotificationIds(normalized)),
      this.outbox.countCreatedSince(msisdns, localDayStart(now, this.config.NOTIFIER_TIMEZONE)),
      this.optOuts.findOptedOut(msisdns),
    ]);
    return planNotificationBatch(normalized, {
      alreadySent,
      sentToday,
      optedOut,
      dailyCap: this.config.NOTIFIER_DAILY_CAP,
      now,
      quietHours: this.config.NOTIFIER_QUIET_HOURS,
      timeZone: this.config.NOTIFIER_TIMEZONE,
    });
  }
}
