import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Language, NotificationKind } from '@cellscope/domain';

/**
 * Row of `sms_notifications`, the outbox: every SMS trigger the notifier decided on, stored in the same transaction
 * as the incident change that caused it; `published_at` is set once it is on the SMS topic.
 */
@Entity({ name: 'sms_notifications' })
export class SmsNotificationEntity {
  @PrimaryColumn({ name: 'notification_id', type: 'varchar', length: 64 })
  notificationId: string;

  @Column({ type: 'varchar', length: 16 })
  msisdn: string;

  @Column({ type: 'varchar', length: 32 })
  kind: NotificationKind;

  @Column({ name: 'incident_id', type: 'varchar', length: 64, nullable: true })
  incidentId: string | null;

  @Column({ name: 'ticket_id', type: 'varchar', length: 64, nullable: true })
  ticketId: string | null;

  @Column({ type: 'varchar', length: 8 })
  language: Language;

  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'cell_ids', type: 'text', array: true })
  cellIds: string[];

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'not_before', type: 'timestamptz' })
  notBefore: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
