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
