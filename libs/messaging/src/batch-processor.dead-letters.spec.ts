import { DEAD_LETTER_VALUE_MAX_CHARS, DeadLetterRecord } from '@cellscope/contracts';
import { BatchProcessor, DEAD_LETTER_CODE_HEADER, DEAD_LETTER_PUBLISH_BYTES, DEAD_LETTER_REASON_HEADER, slicesByBytes } from './batch-processor';
import { InboundMessage, OutboundMessage } from './inbound-message';
import { MessagePublisher } from './message-publisher';
import { TopicHandler } from './topic-handler';

class RecordingPublisher extends MessagePublisher {
  readonly calls: { topic: string; messages: OutboundMessage[] }[] = [];
  async publish(topic: string, messages: readonly OutboundMessage[]): Promise<void> {
    this.calls.push({ topic, messages: [...messages] });
  }
}

const rejectAll: TopicHandler = {
  topic: 'in',
  handleBatch: async (messages) => messages.map(() => ({ status: 'dead-letter', error: { code: 'OVERSIZE', message: 'value too large' } })),
};
const control = { heartbeat: async () => undefined, isRunning: () => true, sleep: async () => undefined };
const inbound = (offset: number, value: Buffer): InboundMessage => ({ topic: 'in', partition: 0, offset: String(offset), key: `k${offset}`, value, timestamp: new Date(0) });

describe('BatchProcessor dead letters', () => {
  it('publishes a chunk of large rejected values in slices the broker accepts, each with its reason in headers', async () => {
    const publisher = new RecordingPublisher();
    const processor = new BatchProcessor(publisher, { maxPermanentAttempts: 1, initialBackoffMs: 0, maxBackoffMs: 0 });
    const messages = Array.from({ length: 200 }, (_, i) => inbound(i, Buffer.alloc(60 * 1024, 'a')));
    await processor.process(rejectAll, messages, control);

    expect(publisher.calls.length).toBeGreaterThan(1);
    const published = publisher.calls.flatMap((call) => call.messages);
    expect(published.map((m) => m.key)).toEqual(messages.map((m) => m.key));
    for (const call of publisher.calls) {
      expect(call.topic).toBe('in.dlq');
      expect(call.messages.reduce((sum, m) => sum + Buffer.byteLength(m.value), 0)).toBeLessThanOrEqual(DEAD_LETTER_PUBLISH_BYTES);
    }
    expect(published[0].headers).toEqual({ [DEAD_LETTER_CODE_HEADER]: 'OVERSIZE', [DEAD_LETTER_REASON_HEADER]: 'value too large' });
  });

  it('cuts an original value longer than the limit and flags it', async () => {
    const publisher = new RecordingPublisher();
    const processor = new BatchProcessor(publisher, { maxPermanentAttempts: 1, initialBackoffMs: 0, maxBackoffMs: 0 });
    await processor.process(rejectAll, [inbound(1, Buffer.alloc(300 * 1024, 'b')), inbound(2, Buffer.from('short'))], control);
    const [long, short] = publisher.calls.flatMap((call) => call.messages).map((m) => JSON.parse(m.value) as DeadLetterRecord);
    expect(long.value).toHaveLength(DEAD_LETTER_VALUE_MAX_CHARS);
    expect(long.valueTruncated).toBe(true);
    expect(short).toMatchObject({ value: 'short', offset: '2', error: { code: 'OVERSIZE' } });
    expect(short.valueTruncated).toBeUndefined();
  });
});

describe('slicesByBytes', () => {
  it('keeps order, never leaves a message out and puts an over-large message alone in its slice', () => {
    const m = (size: number): OutboundMessage => ({ key: null, value: 'x'.repeat(size) });
    const slices = slicesByBytes([m(40), m(40), m(30), m(200), m(10)], 100);
    expect(slices.map((slice) => slice.map((x) => x.value.length))).toEqual([[40, 40], [30], [200], [10]]);
    expect(slicesByBytes([], 100)).toEqual([]);
  });
});
