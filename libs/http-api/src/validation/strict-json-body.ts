import { isUtf8 } from 'node:buffer';
import { IncomingMessage, ServerResponse } from 'node:http';
import { NestExpressApplication } from '@nestjs/platform-express';

/** Largest JSON request body (POST /tickets carries one TicketEvent of a few KiB). */
export const JSON_BODY_LIMIT = '100kb';

/** The error body-parser passes on when `verify` refuses a body: a 400 the exception filter reports as is. */
export class InvalidUtf8BodyError extends Error {
  readonly status = 400;
  readonly expose = true;
  readonly type = 'entity.verify.failed';

  constructor() {
    super('body: not valid UTF-8');
    this.name = 'InvalidUtf8BodyError';
  }
}

function requireUtf8(_req: IncomingMessage, _res: ServerResponse, body: Buffer): void {
  if (!isUtf8(body)) throw new InvalidUtf8BodyError();
}

/**
 * JSON bodies as the Kafka inputs take them: valid UTF-8 only (body-parser would otherwise replace bad bytes with
 * U+FFFD and accept the result), at most JSON_BODY_LIMIT. Call before `listen()`/`init()`: Nest then keeps this parser
 * instead of registering its default one.
 */
export function useStrictJsonBodies(app: NestExpressApplication): void {
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT, verify: requireUtf8 });
}
