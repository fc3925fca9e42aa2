import { ArgumentMetadata } from '@nestjs/common';
import { HotspotsQuery } from '../dto/request-queries.dto';
import { ApiException } from '../errors/api.exception';
import { createApiValidationPipe } from './api-validation.pipe';

const query: ArgumentMetadata = { type: 'query', metatype: HotspotsQuery };

/** A query object as Express' simple parser builds it (no prototype, so `__proto__` is an ordinary key). */
function parsedQuery(entries: Record<string, string>): object {
  const object = Object.create(null) as Record<string, string>;
  for (const [key, value] of Object.entries(entries)) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

describe('createApiValidationPipe', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('refuses a %s parameter naming it', async (name) => {
    const error = await createApiValidationPipe()
      .transform(parsedQuery({ [name]: 'x', limit: '5' }), query)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiException);
    expect((error as ApiException).details).toEqual([{ field: name, message: `property ${name} should not exist` }]);
  });

  it('still transforms a valid query and refuses an unknown parameter', async () => {
    await expect(createApiValidationPipe().transform(parsedQuery({ limit: '5' }), query)).resolves.toMatchObject({ limit: 5 });
    await expect(createApiValidationPipe().transform(parsedQuery({ LIMIT: '5' }), query)).rejects.toBeInstanceOf(ApiException);
  });
});
