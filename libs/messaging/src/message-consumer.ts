import { TopicHandler } from './topic-handler';

/** Port: delivers input topics to their handlers, at least once, committing only what is durably handled. */
export abstract class MessageConsumer {
  /** Registers a handler before start(); one handler per topic. */
  abstract register(handler: TopicHandler): void;
  abstract start(): Promise<void>;
  /** Finishes the work in flight, commits it and stops. */
  abstract stop(): Promise<void>;
}
