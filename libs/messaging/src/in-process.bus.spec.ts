import { BatchProcessor } from './batch-processor';
import { InProcessBus } from './in-process.bus';
import { describeMessageBusContract } from './message-bus.contract';

describeMessageBusContract('in-process bus', async () => {
  const bus = new InProcessBus({ chunkSize: 50, retainPerTopic: 10000 });
  bus.useProcessor(new BatchProcessor(bus, { maxPermanentAttempts: 2, initialBackoffMs: 5, maxBackoffMs: 20 }));
  let n = 0;
  return {
    publisher: bus,
    newConsumer: () => bus,
    readTopic: async (topic, expected, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      while (bus.messagesOf(topic).length < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      return [...bus.messagesOf(topic)];
    },
    uniqueTopic: async (prefix) => `${prefix}-${++n}`,
    cleanup: async () => bus.stop(),
  };
});

describe('InProcessBus.failure', () => {
  const until = async (predicate: () => boolean) => {
    const deadline = Date.now() + 5000;
    while (!predicate() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  };

  it('names a topic whose delivery fails until a chunk of it is handled again', async () => {
    const bus = new InProcessBus({ chunkSize: 50, retainPerTopic: 100 });
    let broken = true;
    const processor = {
      process: async () => {
        await new Promise((r) => setTimeout(r, 1));
        if (broken) throw new Error('handler bug');
      },
    } as unknown as BatchProcessor;
    bus.useProcessor(processor);
    bus.register({ topic: 't', handleBatch: async () => [] });
    await bus.start();
    expect(bus.failure()).toBeNull();

    await bus.publish('t', [{ key: 'k', value: '1' }]);
    await until(() => bus.failure() !== null);
    expect(bus.failure()).toBe('delivery on t failed: handler bug');

    broken = false;
    await until(() => bus.failure() === null);
    expect(bus.failure()).toBeNull();
    await bus.idle();
    await bus.stop();
  });
});
