import { Injectable } from '@nestjs/common';
import { AppConfig } from '@cellscope/config';
import { SmsNotification } from '@cellscope/domain';
import { MessagePublisher, OutboundMessage } from '@cellscope/messaging';
import { notifierNotifications } from './notifier.metrics';
import { NotificationOutbox } from './ports/notification-outbox';

/** Outbox rows claimed and sent per round. */
export const PUBLISH_BATCH_SIZE = 500;

/** The SMS topic message of a notification: key msisdn, value the SmsNotification JSON (contracts.md). */
export function smsNotificationMessage(notification: SmsNotification): OutboundMessage {
  return { key: notification.msisdn, value: JSON.stringify(notification) };
}

/**
 * Drains the outbox onto TOPIC_SMS: claims unpublished rows, publishes them (acks from all in-sync replicas) and
 * marks them published, until none is left. A crash after the publish and before the mark publishes the same
 * notificationIds again on the next drain: delivery is at least once, deduplicated downstream by notificationId.
 */
@Injectable()
export class OutboxPublisher {
  constructor(
    private readonly config: AppConfig,
    private readonly outbox: NotificationOutbox,
    private readonly publisher: MessagePublisher,
  ) {}

  /** Publishes every pending notification; returns how many. */
  async drain(at: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const published = await this.outbox.publishPending(PUBLISH_BATCH_SIZE, at, async (batch) => {
        await this.publisher.publish(this.config.TOPIC_SMS, batch.map(smsNotificationMessage));
        for (const notification of batch) notifierNotifications.inc({ kind: notification.kind, outcome: 'published' });
      });
      total += published;
      if (published < PUBLISH_BATCH_SIZE) return total;
    }
  }
}
