import { Logger } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { BatchProcessor } from './batch-processor';
import { KafkaMessageConsumer } from './kafka-message.consumer';
import { MessagePublisher } from './message-publisher';

/**
 * A kafkajs client double whose consumer never finishes joining its group, as after a crash of the previous
 * instance: the broker keeps the rebalance open until the dead member's session times out.
 */
function kafkaStuckInGroupJoin() {
  const events: string[] = [];
  let joinFails: () => void = () => undefined;
  const consumer = {
    events: { GROUP_JOIN: 'consumer.group_join', CRASH: 'consumer.crash' },
    connect: jest.fn(async () => undefined),
    subscribe: jest.fn(async () => undefined),
    on: jest.fn(),
    // As kafkajs: run() settles only when the join ends; a disconnect makes the pending join fail (after a moment).
    run: jest.fn(
      () =>
        new Promise<void>((resolve) => {
          joinFails = () =>
            setTimeout(() => {
              events.push('join ended');
              resolve();
            }, 20);
        }),
    ),
    disconnect: jest.fn(async () => {
      events.push('disconnected');
      joinFails();
    }),
  };
  const admin = {
    connect: jest.fn(async () => undefined),
    listTopics: jest.fn(async () => ['tickets', 'tickets.dlq']),
    createTopics: jest.fn(async () => true),
    disconnect: jest.fn(async () => undefined),
  };
  const kafka = { consumer: () => consumer, admin: () => admin } as unknown as Kafka;
  /** Emits a kafkajs consumer event to the listeners the subject registered. */
  const emit = (event: string, payload: unknown) => {
    for (const [name, listener] of consumer.on.mock.calls as unknown as [string, (e: { payload: unknown }) => void][]) {
      if (name === event) listener({ payload });
    }
  };
  return { kafka, consumer, events, emit };
}

/** The consumer under test on a kafkajs double, with a handler for `tickets`. */
function subjectOn(kafka: Kafka): KafkaMessageConsumer {
  const publisher = { publish: jest.fn() } as unknown as MessagePublisher;
  const subject = new KafkaMessageConsumer(kafka, new BatchProcessor(publisher, { maxPermanentAttempts: 1, initialBackoffMs: 1, maxBackoffMs: 1 }), publisher, {
    groupId: 'g',
    chunkSize: 10,
    partitions: 1,
    sessionTimeoutMs: 30_000,
  });
  subject.register({ topic: 'tickets', handleBatch: async () => [] });
  return subject;
}

describe('KafkaMessageConsumer.start', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('returns once subscribed, without waiting for the group join (the process must answer health checks meanwhile); stop() waits for it', async () => {
    const { kafka, consumer, events } = kafkaStuckInGroupJoin();
    const subject = subjectOn(kafka);

    const started = await Promise.race([subject.start().then(() => 'started'), new Promise((resolve) => setTimeout(() => resolve('still waiting'), 1000))]);

    expect(started).toBe('started');
    expect(consumer.subscribe).toHaveBeenCalledWith({ topics: ['tickets'], fromBeginning: true });
    expect(consumer.run).toHaveBeenCalledTimes(1);
    // stop() leaves the group and returns only after the pending join has ended (nothing of kafkajs keeps running).
    await subject.stop();
    expect(events).toEqual(['disconnected', 'join ended']);
  });
});

describe('KafkaMessageConsumer.failure', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it.each([
    ['a crash kafkajs restarts from', { restart: true, groupId: 'g', error: new Error('broker went away') }, null],
    ['a crash kafkajs gives up on', { restart: false, groupId: 'g', error: new Error('not authorized') }, 'non-retriable error: not authorized'],
  ])('after %s: %s', async (_case, payload, expected) => {
    const { kafka, emit } = kafkaStuckInGroupJoin();
    const subject = subjectOn(kafka);
    await subject.start();
    expect(subject.failure()).toBeNull();
    emit('consumer.crash', payload);
    expect(subject.failure()).toBe(expected);
    await subject.stop();
  });

  it('does not count the crash of a consumer being stopped, and a new start() clears an earlier failure', async () => {
    const { kafka, emit } = kafkaStuckInGroupJoin();
    const subject = subjectOn(kafka);
    await subject.start();
    emit('consumer.crash', { restart: false, groupId: 'g', error: new Error('not authorized') });
    expect(subject.failure()).not.toBeNull();
    const stopping = subject.stop();
    emit('consumer.crash', { restart: false, groupId: 'g', error: new Error('the connection is closed') });
    await stopping;
    await subject.start();
    expect(subject.failure()).toBeNull();
    await subject.stop();
  });
});
