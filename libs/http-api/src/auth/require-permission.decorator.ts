import { SetMetadata } from '@nestjs/common';
import { ApiPermission } from './api-permission';

/** Metadata key under which an endpoint's required permission is stored. */
export const REQUIRED_PERMISSION = Symbol('cellscope:required-permission');

/** Declares the permission an endpoint requires (checked by ApiKeyGuard). */
export const RequirePermission = (permission: ApiPermission) => SetMetadata(REQUIRED_PERMISSION, permission);
