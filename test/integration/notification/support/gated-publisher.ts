import { OnApplicationShutdown } from '@nestjs/common';
import { MessagePublisher, OutboundMessage } from '@cellscope/messaging';

/** Control of one armed gate: where the replica is, and what to do with its publish. */
export interface GateControl {
  /** Resolves when the replica has reached the publish (its outbox transaction is open, rows claimed). */
  hit: Promise<number>;
  /** Fails the publish without sending anything (the replica "died" before the broker got the batch). */
  drop(): void;
  /** Sends the batch for real; resolves once the broker acknowledged it. The replica is still held. */
  send(): Promise<void>;
  /** Lets the replica continue after send() (its next step is marking the rows published). */
  finish(): void;
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * A MessagePublisher for crash tests: passes everything through to the real publisher, except the first publish to
 * the armed topic, which it holds until the test decides (drop it, or send it and hold the replica afterwards).
 */
export class GatedPublisher extends MessagePublisher implements OnApplicationShutdown {
  private armed?: { topic: string; hit: (n: number) => void; action: Promise<'drop' | 'send'>; sent: () => void; finished: Promise<void> };

  constructor(private readonly inner: MessagePublisher) {
    super();
  }

  /** Holds the next publish to `topic`. */
  arm(topic: string): GateControl {
    const hit = deferred<number>();
    const action = deferred<'drop' | 'send'>();
    const sent = deferred<void>();
    const finished = deferred<void>();
    this.armed = { topic, hit: hit.resolve, action: action.promise, sent: () => sent.resolve(), finished: finished.promise };
    return {
      hit: hit.promise,
      drop: () => action.resolve('drop'),
      send: async () => {
        action.resolve('send');
        await sent.promise;
      },
      finish: () => finished.resolve(),
    };
  }

  /** Closes the wrapped publisher's connection with the app (Nest only calls hooks on the provider itself). */
  async onApplicationShutdown(): Promise<void> {
    await (this.inner as Partial<OnApplicationShutdown>).onApplicationShutdown?.();
  }

  override async publish(topic: string, messages: readonly OutboundMessage[]): Promise<void> {
    const gate = this.armed;
    if (!gate || gate.topic !== topic || messages.length === 0) return this.inner.publish(topic, messages);
    this.armed = undefined;
    gate.hit(messages.length);
    if ((await gate.action) === 'drop') throw new Error('replica crashed before the publish reached the broker');
    await this.inner.publish(topic, messages);
    gate.sent();
    await gate.finished;
  }
}
