import { ConsumerReadinessProbe } from './consumer-readiness.probe';
import { MessageConsumer } from './message-consumer';

function consumerFailing(failure: string | null): MessageConsumer {
  return { register: () => undefined, start: async () => undefined, stop: async () => undefined, failure: () => failure };
}

describe('ConsumerReadinessProbe', () => {
  it('is up while the consumer consumes (or has not started)', async () => {
    await expect(new ConsumerReadinessProbe(consumerFailing(null)).check()).resolves.toBeUndefined();
  });

  it('is down with the reason once the consumer stopped for good', async () => {
    await expect(new ConsumerReadinessProbe(consumerFailing('non-retriable error: not authorized')).check()).rejects.toThrow(
      'stopped consuming: non-retriable error: not authorized',
    );
  });
});
