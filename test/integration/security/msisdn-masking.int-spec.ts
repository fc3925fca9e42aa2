import { status } from '@grpc/grpc-js';
import { Logger } from '@nestjs/common';
import { maskMsisdn } from '@cellscope/domain';
import { apiScenario } from '../api/support/api-scenario';
import { ApiTestApp, startApiTestApp, TEST_KEYS, uniqueSuffix } from '../api/support/api-test-app';
import { ApiOperation, ApiSamples, concretePath, fetchApiOperations, seedApiSamples } from './support/api-surface';
import { normalizeRestPath, readDocumentedPermissions } from './support/documented-permissions';
import { CellscopeGrpcTestClient } from './support/grpc-test-client';

/** Subscriber numbers of the test data: none may appear in clear in a handler's answer or in any log line. */
const SUBSCRIBERS = ['13812345678', '13698765432', '8613512340000', '13912340000'];
/** Any mainland mobile number standing alone (not part of a longer digit run). */
const MOBILE_NUMBER = /(?<!\d)1[3-9]\d{9}(?!\d)/;

/**
 * MSISDN masking end to end: every answer the `handler` role can get from every REST operation of the served OpenAPI
 * document (any content type: JSON, and any export or download the document may list) and from every RPC of the proto
 * shows subscriber numbers only masked (138****5678); `noc` sees them in clear (so the check can fail); and the app's
 * whole log output, captured at debug level while all of this runs, holds no subscriber number in clear.
 */
describe('security: MSISDNs are masked for handler in every answer and in every log line', () => {
  let api: ApiTestApp;
  let samples: ApiSamples;
  let operations: ApiOperation[];
  let grpc: CellscopeGrpcTestClient;
  const suffix = uniqueSuffix();
  const permissions = readDocumentedPermissions();

  beforeAll(async () => {
    api = await startApiTestApp({ env: { LOG_LEVEL: 'debug' } });
    samples = await seedApiSamples(api, suffix);
    await api.seed(apiScenario({ suffix, index: 1, msisdn: '13698765432', serving: 'HEALTHY' }));
    operations = await fetchApiOperations(api.baseUrl);
    grpc = new CellscopeGrpcTestClient(api.grpcAddress);
  });

  afterAll(async () => {
    grpc?.close();
    await api?.close();
  });

  /** Requests of an operation that return subscriber data: the sample call, plus searches by each subscriber. */
  function requestsOf(operation: ApiOperation): { path: string; body?: string }[] {
    const path = concretePath(operation, samples.pathParams);
    const body = operation.bodySchema ? JSON.stringify(samples.bodies[operation.bodySchema]()) : undefined;
    const requests = [{ path, body }];
    if (operation.queryParams.some((p) => p.name === 'msisdn')) for (const msisdn of SUBSCRIBERS) requests.push({ path: `${path}?msisdn=${msisdn}`, body });
    return requests;
  }

  it('never shows a handler an MSISDN in clear, over REST, while noc sees them', async () => {
    const leaks: string[] = [];
    let handlerAnswers = 0;
    let nocSawClear = false;
    for (const operation of operations) {
      const allowed = permissions.rest.get(`${operation.method} ${normalizeRestPath(operation.path)}`);
      for (const { path, body } of requestsOf(operation)) {
        for (const role of ['handler', 'noc'] as const) {
          if (!allowed?.has(role)) continue;
          const response = await fetch(`${api.baseUrl}${path}`, {
            method: operation.method,
            headers: { 'X-API-Key': TEST_KEYS[role], ...(body ? { 'Content-Type': 'application/json' } : {}) },
            body,
          });
          const text = await response.text();
          if (response.status >= 300) throw new Error(`${operation.name} ${path} as ${role} answered ${response.status}: ${text.slice(0, 200)}`);
          if (role === 'noc') {
            nocSawClear ||= SUBSCRIBERS.some((m) => text.includes(m));
            continue;
          }
          handlerAnswers += 1;
          const clear = SUBSCRIBERS.filter((m) => text.includes(m));
          if (clear.length > 0 || MOBILE_NUMBER.test(text)) leaks.push(`${operation.name} ${path} (${response.headers.get('content-type')}): ${clear.join(', ') || MOBILE_NUMBER.exec(text)?.[0]}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(handlerAnswers).toBeGreaterThan(operations.length / 2);
    expect(nocSawClear).toBe(true);
    const search = await fetch(`${api.baseUrl}/api/v1/tickets?msisdn=13812345678`, { headers: { 'X-API-Key': TEST_KEYS.handler } });
    const page = (await search.json()) as { items: { msisdn: string }[] };
    expect(page.items.map((i) => i.msisdn)).toContain(maskMsisdn('13812345678'));
  });

  it('never shows a handler an MSISDN in clear over gRPC, while noc sees them', async () => {
    for (const method of grpc.methodNames) {
      const request = samples.grpcRequests[method];
      const asHandler = await grpc.call(method, request, TEST_KEYS.handler);
      if (asHandler.code === status.PERMISSION_DENIED) continue;
      expect({ method, code: status[asHandler.code] }).toEqual({ method, code: 'OK' });
      const text = JSON.stringify(asHandler.response);
      expect({ method, clear: SUBSCRIBERS.filter((m) => text.includes(m)), pattern: MOBILE_NUMBER.exec(text)?.[0] }).toEqual({ method, clear: [], pattern: undefined });
    }
    const view = await grpc.call('GetTicketNetworkView', samples.grpcRequests.GetTicketNetworkView, TEST_KEYS.handler);
    expect(view.response?.msisdn).toBe('138****5678');
    const clear = await grpc.call('GetTicketNetworkView', samples.grpcRequests.GetTicketNetworkView, TEST_KEYS.noc);
    expect(clear.response?.msisdn).toBe('13812345678');
  });

  it('writes no MSISDN in clear to any log line (requests, bodies, errors, application messages)', async () => {
    // Paths that carry numbers: an opt-out, a search, a view looked up by a number, a bad body quoting one.
    await fetch(`${api.baseUrl}/api/v1/opt-outs/8613512340000`, { method: 'POST', headers: { 'X-API-Key': TEST_KEYS.noc } });
    await fetch(`${api.baseUrl}/api/v1/tickets/13698765432/network-view`, { headers: { 'X-API-Key': TEST_KEYS.noc } });
    await fetch(`${api.baseUrl}/api/v1/tickets`, {
      method: 'POST',
      headers: { 'X-API-Key': TEST_KEYS.admin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ticketId: 'bad id', msisdn: '13912340000', version: 'x' }),
    });
    await fetch(`${api.baseUrl}/api/v1/tickets?msisdn=13698765432&limit=abc`, { headers: { 'X-API-Key': TEST_KEYS.noc } });
    new Logger('MaskingProbe').warn('callback requested by 13812345678 for ticket');
    const lines = api.log.text.split('\n').filter((line) => line.trim() !== '');
    expect(lines.length).toBeGreaterThan(20);
    const leaking = lines.filter((line) => SUBSCRIBERS.some((m) => line.includes(m)) || MOBILE_NUMBER.test(line));
    expect(leaking.slice(0, 5)).toEqual([]);
    expect(api.log.text).toContain('138****5678');
    expect(api.log.text).toContain(`/api/v1/opt-outs/${maskMsisdn('8613512340000')}`);
  });
});
