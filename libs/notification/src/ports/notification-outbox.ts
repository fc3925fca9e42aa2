import { Language, NotificationKind, SmsNotification } from '@cellscope/domain';
import { IncidentChange } from './incident.repository';
import { LeadershipFence } from './leader-lock';

/** What one decision writes at once: incident changes and the notifications they cause. */
export interface OutboxBatch {
  incidents: readonly IncidentChange[];
  notifications: readonly SmsNotification[];
  /** When given, nothing is written unless the fence still holds (LeadershipLostError). */
  fence?: LeadershipFence;
}

/** A subscriber who got a notice, and in which language. */
export interface NotifiedSubscriber {
  msisdn: string;
  language: Language;
}

/**
 * Port: the SMS outbox. `record` stores notifications in ONE transaction with the incident changes that caused them
 * (an id already stored is left as it is), so a decision is either fully taken or not at all; `publishPending` puts
 * unpublished rows on the SMS topic and marks them. A crash between the publish and the mark publishes the same
 * notificationIds again (at least once, with deterministic ids for downstream dedup).
 */
export abstract class NotificationOutbox {
  /**
   * In one transaction: checks the fence (if any), saves the incident changes (IncidentRepository.save semantics)
   * and inserts the notifications whose id is new. Returns the ids it inserted.
   */
  abstract record(batch: OutboxBatch): Promise<string[]>;
  /** Which of these notificationIds are already in the outbox. */
  abstract existingIds(notificationIds: readonly string[]): Promise<Set<string>>;
  /** Notifications per msisdn with createdAt ≥ since (msisdns without any are absent). */
  abstract countCreatedSince(msisdns: readonly string[], since: Date): Promise<Map<string, number>>;
  /** Distinct subscribers with a notice of one of these kinds about one of these incidents, ordered by msisdn. */
  abstract recipientsOf(incidentIds: readonly string[], kinds: readonly NotificationKind[]): Promise<NotifiedSubscriber[]>;
  /**
   * Claims up to `limit` unpublished notifications (oldest first; rows another publisher holds are skipped), hands
   * them to `send` and marks them published at `at` once `send` resolves. If `send` throws, nothing is marked.
   * Returns how many were published.
   */
  abstract publishPending(limit: number, at: Date, send: (batch: SmsNotification[]) => Promise<void>): Promise<number>;
  /** Number of notifications not yet published. */
  abstract pendingCount(): Promise<number>;
}
