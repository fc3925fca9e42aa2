import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@cellscope/config';
import { InboundMessage, InProcessBus } from '@cellscope/messaging';

/** Counts of SMS notifications per kind in one published batch, with one sample text. */
export function summarizeSmsBatch(messages: readonly InboundMessage[]): string {
  const kinds = new Map<string, number>();
  let sample: string | undefined;
  for (const message of messages) {
    try {
      const notification = JSON.parse(message.value?.toString('utf8') ?? '') as { kind?: string; text?: string };
      const kind = notification.kind ?? 'UNKNOWN';
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      sample ??= notification.text;
    } catch {
      kinds.set('UNPARSABLE', (kinds.get('UNPARSABLE') ?? 0) + 1);
    }
  }
  const counts = [...kinds].map(([kind, n]) => `${n} ${kind}`).join(', ');
  return `SMS notifications published: ${counts}${sample ? `; e.g. “${sample.length > 120 ? `${sample.slice(0, 120)}…` : sample}”` : ''}`;
}

/**
 * With the in-process bus there is no SMS platform consuming notifications.sms.v1: this logs what the notifier
 * publishes there (one line per batch), so the embedded mode shows its proactive SMS at work.
 */
@Injectable()
export class SmsActivityLog implements OnModuleInit {
  private readonly logger = new Logger('SmsActivity');

  constructor(
    private readonly config: AppConfig,
    private readonly bus: InProcessBus,
  ) {}

  onModuleInit(): void {
    if (this.config.CELLSCOPE_BUS !== 'memory') return;
    this.bus.onPublish((topic, messages) => {
      if (topic === this.config.TOPIC_SMS && messages.length > 0) this.logger.log(summarizeSmsBatch(messages));
    });
  }
}
