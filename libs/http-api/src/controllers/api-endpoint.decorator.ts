import { applyDecorators, UseGuards, UsePipes } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiSecurity, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ApiKeyThrottlerGuard } from '../auth/api-key-throttler.guard';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { ApiErrorDto } from '../dto/api-responses.dto';
import { createApiValidationPipe } from '../validation/api-validation.pipe';

/** Path prefix of the versioned REST API. */
export const API_PREFIX = 'api/v1';

/** Name of the API-key security scheme in the OpenAPI document. */
export const API_KEY_SCHEME = 'api-key';

/**
 * Marks a controller as part of `/api/v1`: API-key authentication and role check, per-key rate limit, validated
 * input (400 naming the field) and the common error responses in the OpenAPI document.
 */
export function ApiController(tag: string): ClassDecorator {
  return applyDecorators(
    ApiTags(tag),
    ApiSecurity(API_KEY_SCHEME),
    UseGuards(ApiKeyGuard, ApiKeyThrottlerGuard),
    UsePipes(createApiValidationPipe()),
    ApiBadRequestResponse({ type: ApiErrorDto, description: 'Invalid input; the message names the field' }),
    ApiUnauthorizedResponse({ type: ApiErrorDto, description: 'Missing or unknown X-API-Key' }),
    ApiForbiddenResponse({ type: ApiErrorDto, description: 'The key\'s role lacks the permission' }),
    ApiTooManyRequestsResponse({ type: ApiErrorDto, description: 'Rate limit per key exceeded' }),
  );
}
