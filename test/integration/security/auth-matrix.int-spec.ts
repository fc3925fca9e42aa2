import { status } from '@grpc/grpc-js';
import { ApiTestApp, startApiTestApp, TEST_KEYS, uniqueSuffix } from '../api/support/api-test-app';
import { ApiOperation, ApiSamples, concretePath, fetchApiOperations, protoMethods, seedApiSamples } from './support/api-surface';
import { DocumentedPermissions, normalizeRestPath, readDocumentedPermissions, Role, ROLES } from './support/documented-permissions';
import { CellscopeGrpcTestClient } from './support/grpc-test-client';

/** Who calls: no key, an unknown key, or one of the roles. */
type Caller = 'no key' | 'wrong key' | Role;
const CALLERS: Caller[] = ['no key', 'wrong key', ...ROLES];
const keyOf = (caller: Caller): string | undefined => (caller === 'no key' ? undefined : caller === 'wrong key' ? 'not-a-configured-key-0000' : TEST_KEYS[caller]);

/**
 * The authentication and role matrix of every REST operation of the served OpenAPI document and every RPC of the proto,
 * held to the permission table of docs/api.md: no key or an unknown key → 401 / UNAUTHENTICATED, a role without the
 * permission → 403 / PERMISSION_DENIED, a role with it → success. Endpoints are enumerated, never listed by hand.
 */
describe('security: authentication and the role matrix of every endpoint and RPC', () => {
  let api: ApiTestApp;
  let samples: ApiSamples;
  let operations: ApiOperation[];
  let grpc: CellscopeGrpcTestClient;
  const documented: DocumentedPermissions = readDocumentedPermissions();
  const suffix = uniqueSuffix();
  let checked = 0;

  beforeAll(async () => {
    api = await startApiTestApp();
    samples = await seedApiSamples(api, suffix);
    operations = await fetchApiOperations(api.baseUrl);
    grpc = new CellscopeGrpcTestClient(api.grpcAddress);
  });

  afterAll(async () => {
    grpc?.close();
    await api?.close();
    process.stdout.write(`[security] auth matrix: ${checked} (endpoint or RPC, caller) pairs checked\n`);
  });

  it('documents every operation of the OpenAPI document and every RPC of the proto, and nothing else', () => {
    const served = operations.map((o) => `${o.method} ${normalizeRestPath(o.path)}`).sort();
    expect(served).toEqual([...documented.rest.keys()].sort());
    const rpcs = protoMethods().map((m) => m.method).sort();
    expect(rpcs).toEqual([...documented.grpc.keys()].sort());
    expect(grpc.methodNames.sort()).toEqual(rpcs);
  });

  it('answers each REST operation for each caller exactly as docs/api.md says', async () => {
    const mismatches: string[] = [];
    for (const operation of operations) {
      const allowed = documented.rest.get(`${operation.method} ${normalizeRestPath(operation.path)}`);
      if (!allowed) throw new Error(`${operation.name} is not in the permission table of docs/api.md`);
      for (const caller of CALLERS) {
        const key = keyOf(caller);
        const body = operation.bodySchema ? JSON.stringify(samples.bodies[operation.bodySchema]()) : undefined;
        const response = await fetch(`${api.baseUrl}${concretePath(operation, samples.pathParams)}`, {
          method: operation.method,
          headers: { ...(key !== undefined ? { 'X-API-Key': key } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
          body,
        });
        const text = await response.text();
        const expected = caller === 'no key' || caller === 'wrong key' ? 401 : allowed.has(caller) ? 'success' : 403;
        const ok = expected === 'success' ? response.status >= 200 && response.status < 300 : response.status === expected;
        if (!ok) mismatches.push(`${operation.name} as ${caller}: expected ${expected}, got ${response.status} ${text.slice(0, 120)}`);
        if (response.status === 401 || response.status === 403) {
          const error = JSON.parse(text) as { statusCode: number; error: string; message: string };
          expect(error).toEqual({ statusCode: response.status, error: response.status === 401 ? 'Unauthorized' : 'Forbidden', message: expect.any(String) });
          if (response.status === 403) expect(error.message).toContain(`role ${caller}`);
          if (key !== undefined) expect(text).not.toContain(key);
        }
        checked += 1;
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('answers each RPC for each caller exactly as docs/api.md says', async () => {
    const mismatches: string[] = [];
    for (const { method } of protoMethods()) {
      const allowed = documented.grpc.get(method)!;
      const request = samples.grpcRequests[method];
      if (!request) throw new Error(`no valid request sample for RPC ${method}: add one to seedApiSamples`);
      for (const caller of CALLERS) {
        const answer = await grpc.call(method, request, keyOf(caller));
        const expected = caller === 'no key' || caller === 'wrong key' ? status.UNAUTHENTICATED : allowed.has(caller) ? status.OK : status.PERMISSION_DENIED;
        if (answer.code !== expected) mismatches.push(`${method} as ${caller}: expected ${status[expected]}, got ${status[answer.code]} ${answer.details}`);
        if (answer.code === status.PERMISSION_DENIED) expect(answer.details).toContain(`role ${caller}`);
        checked += 1;
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('keeps health, metrics, the panel and the OpenAPI document open, and nothing under /api/v1', async () => {
    for (const path of ['/health/live', '/metrics', '/', '/api/docs-json']) expect({ path, status: (await fetch(`${api.baseUrl}${path}`)).status }).toEqual({ path, status: 200 });
    expect((await fetch(`${api.baseUrl}/api/v1/no-such-endpoint`)).status).toBe(404);
  });
});
