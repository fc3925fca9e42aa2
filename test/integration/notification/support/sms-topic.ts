import { SmsNotification } from '@cellscope/domain';
import { consumeUntil, testKafka } from '@cellscope/testing/kafka-test-topics';

/** Number of messages on a topic right now (sum over partitions of high watermark − low watermark). */
export async function topicMessageCount(topic: string): Promise<number> {
  const admin = testKafka('notifier-test-admin').admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  } finally {
    await admin.disconnect();
  }
}

/** An SMS topic message: its key and its SmsNotification. */
export interface SmsMessage {
  key: string | null;
  notification: SmsNotification;
}

/** Every message on the SMS topic (waits until `count` have been read), parsed. */
export async function readSmsTopic(topic: string, count: number, timeoutMs = 30000): Promise<SmsMessage[]> {
  if (count === 0) return [];
  const messages = await consumeUntil(topic, (m) => m.length >= count, timeoutMs);
  return messages.map((m) => ({ key: m.key, notification: JSON.parse(m.value ?? 'null') as SmsNotification }));
}
