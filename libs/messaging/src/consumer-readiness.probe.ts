import { Injectable } from '@nestjs/common';
import { ReadinessProbe } from '@cellscope/observability';
import { MessageConsumer } from './message-consumer';

/**
 * The app's MessageConsumer still consumes: down once it stopped for good on its own (a non-retriable error), so
 * an orchestrator restarts the process instead of leaving it up and idle. For apps that consume.
 */
@Injectable()
export class ConsumerReadinessProbe extends ReadinessProbe {
  readonly name = 'consumer';

  constructor(private readonly consumer: MessageConsumer) {
    super();
  }

  async check(): Promise<void> {
    const failure = this.consumer.failure();
    if (failure !== null) throw new Error(`stopped consuming: ${failure}`);
  }
}
