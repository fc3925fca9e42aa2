import { TopicHandler } from './topic-handler';

/** Port: delivers input topics to their handlers, at least once, committing only what is durably handled. */
export abstract class MessageConsumer {
  /** Registers a handler before start(); one handler per topic. */
  abstract register(handler: TopicHandler): void;
  abstract start(): Promise<void>;
  /** Finishes the work in flight, commits it and stops. */
  abstract stop(): Promise<void>;
  /**
   * Why the consumer stopped consuming for good on its own (a non-retriable error, a group it could not join), or
   * null while it consumes, before start() and after stop(). Readiness reports it: the process would otherwise stay
   * up and consume nothing.
   */
  abstract failure(): string | null;
}
