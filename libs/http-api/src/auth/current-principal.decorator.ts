import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { AuthenticatedRequest } from './api-key.guard';
import { ApiPrincipal } from './api-principal';

/** Injects the caller ApiKeyGuard authenticated. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): ApiPrincipal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on an endpoint without ApiKeyGuard');
  return principal;
});
