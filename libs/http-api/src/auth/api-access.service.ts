import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@cellscope/config';
import { ApiErrorCode } from '../errors/api-error-code';
import { ApiException } from '../errors/api.exception';
import { ApiPermission, roleHasPermission } from './api-permission';
import { ApiPrincipal } from './api-principal';
import { ApiRole } from './api-role';

function fingerprint(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * Authentication and authorisation shared by REST and gRPC: resolves an API key to its role (keys from
 * CELLSCOPE_API_KEYS, compared by SHA-256 fingerprint so a lookup does not depend on the key's characters) and checks
 * the role matrix.
 */
@Injectable()
export class ApiAccessService {
  private readonly roles = new Map<string, ApiRole>();

  constructor(config: AppConfig) {
    for (const entry of (config.CELLSCOPE_API_KEYS ?? '').split(',')) {
      const separator = entry.lastIndexOf(':');
      if (separator <= 0) continue;
      this.roles.set(fingerprint(entry.slice(0, separator)), entry.slice(separator + 1) as ApiRole);
    }
  }

  /** The caller behind a key; UNAUTHENTICATED when the key is missing or unknown. */
  authenticate(key: string | undefined | null): ApiPrincipal {
    if (!key) throw new ApiException(ApiErrorCode.UNAUTHENTICATED, 'missing API key (header X-API-Key)');
    const hash = fingerprint(key);
    const role = this.roles.get(hash);
    if (!role) throw new ApiException(ApiErrorCode.UNAUTHENTICATED, 'unknown API key');
    return { role, keyId: hash.slice(0, 12) };
  }

  /** PERMISSION_DENIED unless the caller's role carries the permission. */
  authorize(principal: ApiPrincipal, permission: ApiPermission): void {
    if (!roleHasPermission(principal.role, permission)) {
      throw new ApiException(ApiErrorCode.PERMISSION_DENIED, `role ${principal.role} may not ${permission.toLowerCase().replace(/_/g, ' ')}`);
    }
  }

  /** Whether any key is configured (without keys every call is refused). */
  get configured(): boolean {
    return this.roles.size > 0;
  }
}
