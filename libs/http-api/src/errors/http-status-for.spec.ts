import { ApiErrorCode } from './api-error-code';
import { ApiException } from './api.exception';
import { httpStatusFor } from './http-status-for';

describe('httpStatusFor', () => {
  it('maps every error code to its HTTP status', () => {
    const mapped = Object.fromEntries(Object.values(ApiErrorCode).map((code) => [code, httpStatusFor(code)]));
    expect(mapped).toEqual({
      INVALID_ARGUMENT: 400,
      UNAUTHENTICATED: 401,
      PERMISSION_DENIED: 403,
      NOT_FOUND: 404,
      RATE_LIMITED: 429,
      UNAVAILABLE: 503,
      INTERNAL: 500,
    });
  });
});

describe('ApiException.invalid', () => {
  it('names the first field in the message and keeps every problem in details', () => {
    const error = ApiException.invalid([
      { field: 'location.lat', message: 'must not be greater than 90' },
      { field: 'limit', message: 'limit must not be greater than 100' },
    ]);
    expect(error.code).toBe(ApiErrorCode.INVALID_ARGUMENT);
    expect(error.message).toBe('location.lat: must not be greater than 90');
    expect(error.details).toHaveLength(2);
    expect(ApiException.invalid([{ field: 'limit', message: 'limit must be an integer' }]).message).toBe('limit must be an integer');
  });
});
