import { DeadLetterRecord, deadLetterTopicOf } from '@cellscope/contracts';
import { InboundMessage } from './inbound-message';
import { MessageConsumer } from './message-consumer';
import { MessagePublisher } from './message-publisher';
import { MessageOutcome, TopicHandler } from './topic-handler';

/** What a transport under test provides; `readTopic` returns every message on a topic (for outputs and dead letters). */
export interface MessageBusUnderTest {
  publisher: MessagePublisher;
  /** A fresh consumer (same group each call, so a second one resumes from committed offsets). */
  newConsumer(): MessageConsumer;
  readTopic(topic: string, expected: number, timeoutMs: number): Promise<InboundMessage[]>;
  uniqueTopic(prefix: string): Promise<string>;
  cleanup(): Promise<void>;
}

async function waitFor(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

class RecordingHandler implements TopicHandler {
  readonly seen: string[] = [];
  failuresLeft = 0;
  failWith: () => Error = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  constructor(
    readonly topic: string,
    private readonly decide: (value: string) => MessageOutcome = () => ({ status: 'processed' }),
  ) {}
  async handleBatch(messages: readonly InboundMessage[]): Promise<MessageOutcome[]> {
    if (this.failuresLeft > 0) {
      this.failuresLeft -= 1;
      throw this.failWith();
    }
    return messages.map((m) => {
      const value = m.value?.toString('utf8') ?? '';
      const outcome = this.decide(value);
      if (outcome.status === 'processed') this.seen.push(`${m.key}=${value}`);
      return outcome;
    });
  }
}

/** The behaviour every transport of MessagePublisher/MessageConsumer must show. */
export function describeMessageBusContract(name: string, factory: () => Promise<MessageBusUnderTest>): void {
  describe(`message bus contract: ${name}`, () => {
    let bus: MessageBusUnderTest;
    const consumers: MessageConsumer[] = [];
    const consumer = () => {
      const c = bus.newConsumer();
      consumers.push(c);
      return c;
    };

    beforeEach(async () => {
      bus = await factory();
    });
    afterEach(async () => {
      for (const c of consumers.splice(0)) await c.stop();
      await bus.cleanup();
    });

    it('publishes a batch larger than one broker request (several MiB of views) completely, in order per key', async () => {
      const topic = await bus.uniqueTopic('large');
      // 600 messages of 8 KiB on 3 keys: about 4.7 MiB, more than a broker takes per partition in one request.
      const padding = 'x'.repeat(8 * 1024);
      const messages = Array.from({ length: 600 }, (_, i) => ({ key: `k${i % 3}`, value: JSON.stringify({ i, padding }) }));
      await bus.publisher.publish(topic, messages);
      const read = await bus.readTopic(topic, messages.length, 60000);
      expect(read).toHaveLength(messages.length);
      for (const key of ['k0', 'k1', 'k2']) {
        const values = read.filter((m) => m.key === key).map((m) => (JSON.parse(m.value?.toString('utf8') ?? '{}') as { i: number }).i);
        expect(values).toEqual(messages.flatMap((m, i) => (m.key === key ? [i] : [])));
      }
    });

    it('delivers published messages with their keys, in order per key', async () => {
      const topic = await bus.uniqueTopic('order');
      const handler = new RecordingHandler(topic);
      const c = consumer();
      c.register(handler);
      await c.start();
      const messages = Array.from({ length: 30 }, (_, i) => ({ key: `k${i % 3}`, value: String(i) }));
      await bus.publisher.publish(topic, messages);
      await waitFor(() => handler.seen.length === 30, 30000, '30 messages');
      for (const key of ['k0', 'k1', 'k2']) {
        const values = handler.seen.filter((s) => s.startsWith(`${key}=`)).map((s) => Number(s.split('=')[1]));
        expect(values).toEqual([...values].sort((a, b) => a - b));
        expect(values).toHaveLength(10);
      }
    });

    it('dead-letters rejected messages with the reason and keeps processing the good ones', async () => {
      const topic = await bus.uniqueTopic('dlq');
      const handler = new RecordingHandler(topic, (v) =>
        v.startsWith('bad') ? { status: 'dead-letter', error: { code: 'INVALID_JSON', message: `cannot parse ${v}` } } : { status: 'processed' },
      );
      const c = consumer();
      c.register(handler);
      await c.start();
      await bus.publisher.publish(topic, [
        { key: 'a', value: 'good-1' },
        { key: 'b', value: 'bad-1' },
        { key: 'a', value: 'good-2' },
      ]);
      await waitFor(() => handler.seen.length === 2, 30000, 'good messages');
      const dead = await bus.readTopic(deadLetterTopicOf(topic), 1, 30000);
      expect(dead).toHaveLength(1);
      const record = JSON.parse(dead[0].value!.toString('utf8')) as DeadLetterRecord;
      expect(dead[0].key).toBe('b');
      expect(record).toMatchObject({ sourceTopic: topic, key: 'b', value: 'bad-1', error: { code: 'INVALID_JSON', message: 'cannot parse bad-1' } });
      expect(Number.isNaN(Date.parse(record.failedAt))).toBe(false);
      expect(handler.seen).toEqual(['a=good-1', 'a=good-2']);
    });

    it('retries a batch while a dependency is down and skips nothing', async () => {
      const topic = await bus.uniqueTopic('retry');
      const handler = new RecordingHandler(topic);
      handler.failuresLeft = 3;
      const c = consumer();
      c.register(handler);
      await c.start();
      await bus.publisher.publish(topic, [{ key: 'x', value: '1' }]);
      await waitFor(() => handler.seen.length === 1, 30000, 'the retried message');
      expect(handler.failuresLeft).toBe(0);
      expect(handler.seen).toEqual(['x=1']);
      // A dependency outage pauses the consumer; it is not a consumer failure (the dependency's own probe reports it).
      expect(c.failure()).toBeNull();
    });

    it('dead-letters only the message that keeps failing with a non-transient error', async () => {
      const topic = await bus.uniqueTopic('poison');
      const handler: TopicHandler & { seen: string[] } = {
        topic,
        seen: [],
        async handleBatch(messages) {
          if (messages.some((m) => m.value?.toString() === 'boom')) throw new TypeError('cannot read property of undefined');
          for (const m of messages) this.seen.push(m.value!.toString());
          return messages.map(() => ({ status: 'processed' as const }));
        },
      };
      const c = consumer();
      c.register(handler);
      await c.start();
      await bus.publisher.publish(topic, ['1', '2', 'boom', '3'].map((value) => ({ key: 'p', value })));
      const dead = await bus.readTopic(deadLetterTopicOf(topic), 1, 30000);
      await waitFor(() => handler.seen.length === 3, 30000, 'the good messages');
      expect(handler.seen).toEqual(['1', '2', '3']);
      const record = JSON.parse(dead[0].value!.toString()) as DeadLetterRecord;
      expect(record.value).toBe('boom');
      expect(record.error.code).toBe('UNPROCESSABLE');
      expect(record.error.message).toContain('TypeError');
    });

    it('a restarted consumer resumes after the last committed message', async () => {
      const topic = await bus.uniqueTopic('resume');
      const first = new RecordingHandler(topic);
      const c1 = consumer();
      c1.register(first);
      await c1.start();
      await bus.publisher.publish(topic, [1, 2, 3].map((i) => ({ key: 'r', value: String(i) })));
      await waitFor(() => first.seen.length === 3, 30000, 'first three');
      await c1.stop();
      consumers.splice(consumers.indexOf(c1), 1);
      await bus.publisher.publish(topic, [4, 5].map((i) => ({ key: 'r', value: String(i) })));
      const second = new RecordingHandler(topic);
      const c2 = consumer();
      c2.register(second);
      await c2.start();
      await waitFor(() => second.seen.length >= 2, 30000, 'the two new messages');
      expect(second.seen).toEqual(['r=4', 'r=5']);
    });
  });
}
