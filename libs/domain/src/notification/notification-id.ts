import { NotificationKind } from '../model';
import { hashUuid } from '../identity/hash-uuid';

/**
 * The deterministic id of one SMS notice: same subject (incident id or ticket id) + msisdn + kind → same id, so
 * the notifier and the SMS platform can drop duplicates. UUID-shaped (version 8) from SHA-256.
 */
export function notificationIdFor(subject: string, msisdn: string, kind: NotificationKind): string {
  return hashUuid(['sms', kind, subject, msisdn]);
}
