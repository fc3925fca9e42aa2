import {
  Language,
  NotificationKind,
  notificationIdFor,
  NotificationSubject,
  planNotifications,
  SkipReason,
  SmsNotification,
  SmsTextParams,
} from '@cellscope/domain';

/** One subject to notify about: kind, subject, recipients and text parameters. */
export interface NotificationRequest {
  kind: NotificationKind;
  subject: NotificationSubject;
  recipients: { msisdn: string; language?: Language }[];
  text?: SmsTextParams;
}

/** What the policy needs to know about the world, loaded once for a whole batch of requests. */
export interface PlanningContext {
  /** notificationIds already in the outbox. */
  alreadySent: ReadonlySet<string>;
  /** Notices created today per msisdn. */
  sentToday: ReadonlyMap<string, number>;
  optedOut: ReadonlySet<string>;
  dailyCap: number;
  now: Date;
  quietHours: string;
  timeZone: string;
  /** Customer-service hotline for the texts (default of renderSmsText when absent). */
  hotline?: string;
}

/** A recipient left out, with the subject and the reason. */
export interface SkippedNotification {
  kind: NotificationKind;
  subjectKey: string;
  msisdn: string;
  reason: SkipReason;
}

/** The notices of a batch of requests and the recipients left out. */
export interface BatchPlan {
  notifications: SmsNotification[];
  skipped: SkippedNotification[];
}

/** The dedup subject of a request (the rule of planNotifications: key, else incidentId, else ticketId). */
export function subjectKeyOf(subject: NotificationSubject): string {
  const key = subject.key ?? subject.incidentId ?? subject.ticketId;
  if (!key) throw new RangeError('a notification subject needs an incidentId, a ticketId or a key');
  return key;
}

/** The notificationIds a batch of requests could produce (to look up which are already sent). */
export function candidateNotificationIds(requests: readonly NotificationRequest[]): string[] {
  const ids = new Set<string>();
  for (const request of requests) {
    const key = subjectKeyOf(request.subject);
    for (const recipient of request.recipients) ids.add(notificationIdFor(key, recipient.msisdn, request.kind));
  }
  return [...ids];
}

/**
 * Applies the notification policy (planNotifications) to several requests in order, as if they were one: a notice
 * planned for an earlier request counts against the daily cap of the later ones, and the same notice is never
 * planned twice.
 */
export function planNotificationBatch(requests: readonly NotificationRequest[], context: PlanningContext): BatchPlan {
  const alreadySent = new Set(context.alreadySent);
  const sentToday = new Map(context.sentToday);
  const optedOut = new Set(context.optedOut);
  const result: BatchPlan = { notifications: [], skipped: [] };
  for (const request of requests) {
    if (request.recipients.length === 0) continue;
    const subjectKey = subjectKeyOf(request.subject);
    const text: SmsTextParams = { ...request.text };
    if (context.hotline !== undefined && text.hotline === undefined) text.hotline = context.hotline;
    const plan = planNotifications({
      kind: request.kind,
      subject: request.subject,
      recipients: request.recipients,
      alreadySent,
      sentToday,
      optedOut,
      dailyCap: context.dailyCap,
      now: context.now,
      quietHours: context.quietHours,
      timeZone: context.timeZone,
      text,
    });
    for (const notification of plan.notifications) {
      alreadySent.add(notification.notificationId);
      sentToday.set(notification.msisdn, (sentToday.get(notification.msisdn) ?? 0) + 1);
      result.notifications.push(notification);
    }
    for (const skipped of plan.skipped) result.skipped.push({ kind: request.kind, subjectKey, ...skipped });
  }
  return result;
}
