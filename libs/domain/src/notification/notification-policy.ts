import { Language, NotificationKind, SmsNotification } from '../model';
import { notificationIdFor } from './notification-id';
import { notBeforeFor, QuietHours } from './quiet-hours';
import { renderSmsText, SmsTextParams } from './sms-text';

/** Why a recipient got no notice. */
export type SkipReason = 'OPTED_OUT' | 'DUPLICATE' | 'DAILY_CAP';

/** What a notice is about. */
export interface NotificationSubject {
  incidentId?: string;
  ticketId?: string;
  cellIds: string[];
  /** Dedup subject; default incidentId, else ticketId (e.g. `${ticketId}:FINAL` to allow one update per stage). */
  key?: string;
}

/** Input of planNotifications. */
export interface NotificationPlanInput {
  kind: NotificationKind;
  subject: NotificationSubject;
  recipients: { msisdn: string; language?: Language }[];
  /** notificationIds already sent (or queued). */
  alreadySent: Set<string>;
  /** Notices already sent today per msisdn (today in the notifier's time zone). */
  sentToday: Map<string, number>;
  optedOut: Set<string>;
  dailyCap: number;
  now: Date;
  quietHours: string | QuietHours;
  timeZone: string;
  /** Text parameters (area, expected recovery, cause …); timeZone defaults to the one above. */
  text?: SmsTextParams;
}

/** The notices to send and the recipients left out, with the reason. */
export interface NotificationPlan {
  notifications: SmsNotification[];
  skipped: { msisdn: string; reason: SkipReason }[];
}

/**
 * Decides who gets a notice about one subject. Per recipient, in this order: opted out → OPTED_OUT; a notice with
 * the same id (subject + msisdn + kind) already sent or planned in this batch → DUPLICATE; sentToday + notices
 * planned in this batch ≥ dailyCap → DAILY_CAP; else a notice in the recipient's language (default zh-CN),
 * createdAt = now, notBefore = end of the quiet hours when now falls inside them.
 */
export function planNotifications(input: NotificationPlanInput): NotificationPlan {
  const subjectKey = input.subject.key ?? input.subject.incidentId ?? input.subject.ticketId;
  if (!subjectKey) throw new RangeError('a notification subject needs an incidentId, a ticketId or a key');
  const createdAt = input.now.toISOString();
  const notBefore = notBeforeFor(input.now, input.quietHours, input.timeZone).toISOString();
  const textParams: SmsTextParams = { timeZone: input.timeZone, ...input.text };
  const texts = new Map<Language, string>();
  const planned = new Set<string>();
  const plannedPerMsisdn = new Map<string, number>();
  const plan: NotificationPlan = { notifications: [], skipped: [] };
  for (const recipient of input.recipients) {
    const { msisdn } = recipient;
    if (input.optedOut.has(msisdn)) {
      plan.skipped.push({ msisdn, reason: 'OPTED_OUT' });
      continue;
    }
    const notificationId = notificationIdFor(subjectKey, msisdn, input.kind);
    if (input.alreadySent.has(notificationId) || planned.has(notificationId)) {
      plan.skipped.push({ msisdn, reason: 'DUPLICATE' });
      continue;
    }
    const sent = (input.sentToday.get(msisdn) ?? 0) + (plannedPerMsisdn.get(msisdn) ?? 0);
    if (sent >= input.dailyCap) {
      plan.skipped.push({ msisdn, reason: 'DAILY_CAP' });
      continue;
    }
    const language = recipient.language ?? 'zh-CN';
    let text = texts.get(language);
    if (text === undefined) {
      text = renderSmsText(input.kind, language, textParams);
      texts.set(language, text);
    }
    const notification: SmsNotification = {
      notificationId,
      msisdn,
      kind: input.kind,
      language,
      text,
      cellIds: [...input.subject.cellIds],
      createdAt,
      notBefore,
    };
    if (input.subject.incidentId !== undefined) notification.incidentId = input.subject.incidentId;
    if (input.subject.ticketId !== undefined) notification.ticketId = input.subject.ticketId;
    plan.notifications.push(notification);
    planned.add(notificationId);
    plannedPerMsisdn.set(msisdn, (plannedPerMsisdn.get(msisdn) ?? 0) + 1);
  }
  return plan;
}
