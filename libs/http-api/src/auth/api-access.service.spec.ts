import { loadConfig } from '@cellscope/config';
import { ApiErrorCode } from '../errors/api-error-code';
import { ApiException } from '../errors/api.exception';
import { ApiAccessService } from './api-access.service';
import { ApiPermission, ROLE_PERMISSIONS } from './api-permission';

function errorCodeOf(action: () => unknown): ApiErrorCode | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof ApiException ? error.code : undefined;
  }
  return undefined;
}

describe('ApiAccessService', () => {
  const access = new ApiAccessService(loadConfig({ CELLSCOPE_API_KEYS: 'hand-key-1234:handler,noc-key-12345:noc,admin-key-123:admin' }));

  it('resolves each configured key to its role, with a fingerprint that is not the key', () => {
    expect(access.authenticate('hand-key-1234').role).toBe('handler');
    expect(access.authenticate('noc-key-12345').role).toBe('noc');
    const admin = access.authenticate('admin-key-123');
    expect(admin.role).toBe('admin');
    expect(admin.keyId).toMatch(/^[0-9a-f]{12}$/);
    expect(admin.keyId).not.toContain('admin');
  });

  it.each([[undefined], [''], ['hand-key-123'], ['HAND-KEY-1234'], ['hand-key-1234:handler']])('refuses %p as UNAUTHENTICATED', (key) => {
    expect(errorCodeOf(() => access.authenticate(key))).toBe(ApiErrorCode.UNAUTHENTICATED);
  });

  it('refuses everything when no key is configured', () => {
    const none = new ApiAccessService(loadConfig({}));
    expect(none.configured).toBe(false);
    expect(errorCodeOf(() => none.authenticate('anything-at-all'))).toBe(ApiErrorCode.UNAUTHENTICATED);
  });

  it('applies the role matrix: handler reads and submits, noc reads the network and recorrelates, admin does all', () => {
    const handler = access.authenticate('hand-key-1234');
    const noc = access.authenticate('noc-key-12345');
    const admin = access.authenticate('admin-key-123');
    const denied = (principal: typeof handler, permission: ApiPermission) => errorCodeOf(() => access.authorize(principal, permission));
    expect(denied(handler, ApiPermission.READ_TICKETS)).toBeUndefined();
    expect(denied(handler, ApiPermission.SUBMIT_TICKETS)).toBeUndefined();
    expect(denied(handler, ApiPermission.RECORRELATE)).toBe(ApiErrorCode.PERMISSION_DENIED);
    expect(denied(handler, ApiPermission.READ_NETWORK)).toBe(ApiErrorCode.PERMISSION_DENIED);
    expect(denied(handler, ApiPermission.SEE_UNMASKED_MSISDN)).toBe(ApiErrorCode.PERMISSION_DENIED);
    expect(denied(noc, ApiPermission.RECORRELATE)).toBeUndefined();
    expect(denied(noc, ApiPermission.SUBMIT_TICKETS)).toBe(ApiErrorCode.PERMISSION_DENIED);
    for (const permission of Object.values(ApiPermission)) expect(denied(admin, permission)).toBeUndefined();
    expect(ROLE_PERMISSIONS.admin).toHaveLength(Object.values(ApiPermission).length);
  });
});
