import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { ApiErrorCode } from '../errors/api-error-code';
import { ApiException } from '../errors/api.exception';
import { AuthenticatedRequest } from './api-key.guard';

/**
 * Rate limit per API key (API_RATE_LIMIT_PER_MINUTE); runs after ApiKeyGuard, so every caller has a key
 * fingerprint to be counted by. Over the limit → 429.
 */
@Injectable()
export class ApiKeyThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const principal = (req as unknown as AuthenticatedRequest).principal;
    return principal ? `key:${principal.keyId}` : `ip:${String(req.ip)}`;
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw new ApiException(ApiErrorCode.RATE_LIMITED, `rate limit of ${detail.limit} requests per minute exceeded; retry in ${Math.ceil(detail.timeToBlockExpire)} s`);
  }
}
