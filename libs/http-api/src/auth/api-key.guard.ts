import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiAccessService } from './api-access.service';
import { ApiPermission } from './api-permission';
import { ApiPrincipal } from './api-principal';
import { REQUIRED_PERMISSION } from './require-permission.decorator';

/** The request as the guard sees it; the principal is attached for controllers and the rate limiter. */
export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  principal?: ApiPrincipal;
}

/**
 * REST authentication: `X-API-Key` → role (401 when missing or unknown), then the endpoint's @RequirePermission
 * (403 when the role lacks it). An endpoint without @RequirePermission is refused: access is opt-in.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly access: ApiAccessService,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers['x-api-key'];
    const principal = this.access.authenticate(Array.isArray(header) ? header[0] : header);
    const permission = this.reflector.getAllAndOverride<ApiPermission | undefined>(REQUIRED_PERMISSION, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!permission) throw new Error(`endpoint ${context.getClass().name}.${context.getHandler().name} declares no permission`);
    this.access.authorize(principal, permission);
    request.principal = principal;
    return true;
  }
}
