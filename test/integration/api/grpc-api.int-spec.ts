import { credentials, loadPackageDefinition, Metadata, ServiceError, status } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import request from 'supertest';
import { cellscopeProtoPath } from '@cellscope/grpc-api';
import { API_T0, apiScenario, ApiScenario } from './support/api-scenario';
import { ApiTestApp, startApiTestApp, TEST_KEYS, uniqueSuffix } from './support/api-test-app';

type Role = keyof typeof TEST_KEYS;
type Unary = (req: object, metadata: Metadata, callback: (error: ServiceError | null, response: unknown) => void) => void;
type CellscopeClient = Record<'GetTicketNetworkView' | 'GetCell' | 'ListDegradedCells', Unary> & { close(): void };

/** REST JSON → the proto JSON a grpc-js client decodes: keys in snake_case, nulls absent. */
function toProtoShape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toProtoShape);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (inner === null || inner === undefined) continue;
      out[key.replace(/([A-Z])/g, (c) => `_${c.toLowerCase()}`)] = toProtoShape(inner);
    }
    return out;
  }
  return value;
}

describe('gRPC API cellscope.v1.CellscopeService (real grpc-js client against the running server)', () => {
  let api: ApiTestApp;
  let client: CellscopeClient;
  let scenario: ApiScenario;
  const suffix = uniqueSuffix();

  const call = (method: keyof Omit<CellscopeClient, 'close'>, req: object, key?: string): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const metadata = new Metadata();
      if (key !== undefined) metadata.set('x-api-key', key);
      client[method](req, metadata, (error, response) => (error ? reject(error) : resolve(response)));
    });
  const failure = async (promise: Promise<unknown>): Promise<ServiceError> => {
    try {
      await promise;
    } catch (error) {
      return error as ServiceError;
    }
    throw new Error('the call succeeded');
  };
  const rest = (path: string, role: Role) => request(api.baseUrl).get(path).set('X-API-Key', TEST_KEYS[role]).expect(200);

  beforeAll(async () => {
    api = await startApiTestApp();
    scenario = apiScenario({ suffix, serving: 'CONGESTED' });
    await api.seed(scenario);
    const definition = loadSync(cellscopeProtoPath(), { keepCase: true, longs: String, enums: String, defaults: true, arrays: true, objects: true, oneofs: false });
    const loaded = loadPackageDefinition(definition) as unknown as {
      cellscope: { v1: { CellscopeService: new (address: string, creds: ReturnType<typeof credentials.createInsecure>) => CellscopeClient } };
    };
    client = new loaded.cellscope.v1.CellscopeService(api.grpcAddress, credentials.createInsecure());
  });

  afterAll(async () => {
    client?.close();
    await api?.close();
  });

  it.each(['handler', 'noc'] as const)('GetTicketNetworkView returns the same view as REST for %s', async (role) => {
    const viaRest = (await rest(`/api/v1/tickets/${scenario.ticket.ticketId}/network-view`, role)).body;
    const viaGrpc = await call('GetTicketNetworkView', { ticket_id_or_complaint_no: scenario.ticket.ticketId }, TEST_KEYS[role]);
    expect(viaGrpc).toEqual(toProtoShape(viaRest));
    expect((viaGrpc as { msisdn: string }).msisdn).toBe(role === 'handler' ? '138****5678' : '13812345678');
    expect((viaGrpc as { verdict: { cause: string; network_related: boolean } }).verdict).toMatchObject({ cause: 'CONGESTION', network_related: true });
  });

  it('GetTicketNetworkView finds a view by complaintNo', async () => {
    const view = (await call('GetTicketNetworkView', { ticket_id_or_complaint_no: scenario.complaintNo }, TEST_KEYS.noc)) as { ticket_id: string };
    expect(view.ticket_id).toBe(scenario.ticket.ticketId);
  });

  it('GetCell and ListDegradedCells return the same data as REST', async () => {
    const at = new Date(API_T0.getTime() + 40 * 60_000).toISOString();
    const cellRest = (await rest(`/api/v1/cells/${scenario.servingCellId}?at=${encodeURIComponent(at)}`, 'noc')).body;
    expect(await call('GetCell', { cell_id: scenario.servingCellId, at }, TEST_KEYS.noc)).toEqual(toProtoShape(cellRest));
    const degradedRest = (await rest(`/api/v1/cells/degraded?at=${encodeURIComponent(at)}`, 'noc')).body;
    const degraded = (await call('ListDegradedCells', { at }, TEST_KEYS.noc)) as { cells: { cell_id: string }[] };
    expect(degraded).toEqual(toProtoShape(degradedRest));
    expect(degraded.cells.map((c) => c.cell_id)).toContain(scenario.servingCellId);
  });

  it('answers UNAUTHENTICATED without a key or with a wrong one', async () => {
    const missing = await failure(call('GetTicketNetworkView', { ticket_id_or_complaint_no: scenario.ticket.ticketId }));
    expect(missing.code).toBe(status.UNAUTHENTICATED);
    const wrong = await failure(call('GetCell', { cell_id: scenario.servingCellId }, 'wrong-key-123456'));
    expect(wrong.code).toBe(status.UNAUTHENTICATED);
    expect(wrong.details).toBe('unknown API key');
  });

  it('answers PERMISSION_DENIED when the role lacks the right (handler → degraded cells)', async () => {
    const denied = await failure(call('ListDegradedCells', {}, TEST_KEYS.handler));
    expect(denied.code).toBe(status.PERMISSION_DENIED);
    await expect(call('ListDegradedCells', {}, TEST_KEYS.admin)).resolves.toHaveProperty('cells');
  });

  it('answers NOT_FOUND for an unknown ticket or cell', async () => {
    const ticket = await failure(call('GetTicketNetworkView', { ticket_id_or_complaint_no: 'WO-UNKNOWN-42' }, TEST_KEYS.noc));
    expect(ticket.code).toBe(status.NOT_FOUND);
    expect(ticket.details).toBe('no ticket WO-UNKNOWN-42');
    expect((await failure(call('GetCell', { cell_id: 'NO-CELL-1' }, TEST_KEYS.noc))).code).toBe(status.NOT_FOUND);
  });

  it('answers INVALID_ARGUMENT naming the field', async () => {
    const emptyId = await failure(call('GetTicketNetworkView', {}, TEST_KEYS.noc));
    expect(emptyId.code).toBe(status.INVALID_ARGUMENT);
    expect(emptyId.details).toContain('ticket_id_or_complaint_no');
    const badAt = await failure(call('GetCell', { cell_id: scenario.servingCellId, at: 'noon' }, TEST_KEYS.noc));
    expect(badAt.code).toBe(status.INVALID_ARGUMENT);
    expect(badAt.details).toContain('at');
  });
});
