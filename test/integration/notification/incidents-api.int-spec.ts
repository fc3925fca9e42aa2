import { createServer } from 'node:net';
import { DynamicModule, INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { credentials, loadPackageDefinition, Metadata, ServiceError, status } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import request from 'supertest';
import { AppConfig, ConfigModule, loadConfig } from '@cellscope/config';
import { Incident } from '@cellscope/domain';
import { cellscopeProtoPath, grpcServerOptions, GrpcApiModule, IncidentsGrpcModule } from '@cellscope/grpc-api';
import { HttpApiModule, IncidentsApiModule } from '@cellscope/http-api';
import { KpiModule } from '@cellscope/kpi';
import { MessagingModule } from '@cellscope/messaging';
import { IncidentRepository, NOTIFICATION_ENTITIES, NOTIFICATION_MIGRATIONS, OptOutRepository } from '@cellscope/notification';
import { PersistenceModule } from '@cellscope/persistence';
import { TestDatabase } from '@cellscope/testing/postgres-test-database';
import { createNotificationTestDatabase } from './support/notification-test-database';

const KEYS = { handler: 'handler-key-incidents', noc: 'noc-key-incidents', admin: 'admin-key-incidents' } as const;
type Role = keyof typeof KEYS;
type Unary = (req: object, metadata: Metadata, callback: (error: ServiceError | null, response: unknown) => void) => void;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The API process as apps/api wires it, plus the incident and opt-out endpoints (IncidentsApiModule, IncidentsGrpcModule). */
@Module({})
class IncidentsTestApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: IncidentsTestApiModule,
      imports: [
        ConfigModule.forRoot(config),
        PersistenceModule.forRoot({ applicationName: 'cellscope-api-incidents-test', extraEntities: NOTIFICATION_ENTITIES, extraMigrations: NOTIFICATION_MIGRATIONS }),
        KpiModule.forRoot(),
        MessagingModule.forRoot(),
        HttpApiModule,
        GrpcApiModule,
        IncidentsApiModule,
        IncidentsGrpcModule,
      ],
    };
  }
}

const T0 = new Date('2026-03-02T04:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe('incidents and opt-outs API (REST + gRPC against PostgreSQL)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let baseUrl: string;
  let client: Record<'ListIncidents', Unary> & { close(): void };

  const site: Incident = {
    incidentId: 'inc-site-1',
    kind: 'SITE_OUTAGE',
    state: 'OPEN',
    siteId: 'SITE-1',
    cellIds: ['C-1', 'C-2', 'C-3'],
    cause: 'OUTAGE',
    openedAt: at(0),
    healthyIntervals: 0,
    lastIntervalAt: at(0),
  };
  const cell: Incident = { ...site, incidentId: 'inc-cell-1', kind: 'CELL_OUTAGE', cellIds: ['C-9'], siteId: 'SITE-9', openedAt: at(-60), state: 'RESOLVED', resolvedAt: at(-30) };
  const cluster: Incident = { incidentId: 'inc-cluster-1', kind: 'COMPLAINT_CLUSTER', state: 'OPEN', cellIds: ['C-5'], cause: 'SUSPECTED', openedAt: at(-120), healthyIntervals: 0 };

  const get = (path: string, role?: Role) => {
    const r = request(baseUrl).get(path);
    return role ? r.set('X-API-Key', KEYS[role]) : r;
  };
  const listIncidents = (req: object, role: Role): Promise<{ incidents: Record<string, unknown>[] }> =>
    new Promise((resolve, reject) => {
      const metadata = new Metadata();
      metadata.set('x-api-key', KEYS[role]);
      client.ListIncidents(req, metadata, (error, response) => (error ? reject(error) : resolve(response as { incidents: Record<string, unknown>[] })));
    });

  beforeAll(async () => {
    db = await createNotificationTestDatabase('incidents_api');
    const [apiPort, grpcPort] = [await freePort(), await freePort()];
    const config = loadConfig({
      DATABASE_URL: db.url,
      DATABASE_POOL_SIZE: '4',
      CELLSCOPE_KPI_STORE: 'memory',
      CELLSCOPE_BUS: 'memory',
      CELLSCOPE_API_KEYS: `${KEYS.handler}:handler,${KEYS.noc}:noc,${KEYS.admin}:admin`,
      API_HOST: '127.0.0.1',
      API_PORT: String(apiPort),
      GRPC_PORT: String(grpcPort),
      LOG_LEVEL: 'error',
    });
    app = await NestFactory.create(IncidentsTestApiModule.forRoot(config), { logger: ['error'] });
    app.connectMicroservice(grpcServerOptions(config), { inheritAppConfig: false });
    await app.startAllMicroservices();
    await app.listen(apiPort, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${apiPort}`;
    await app.get(IncidentRepository).save([{ incident: site, affectedSubscribers: 1234 }, { incident: cell, affectedSubscribers: 7 }, { incident: cluster, affectedSubscribers: 5 }]);

    const definition = loadSync(cellscopeProtoPath(), { keepCase: true, longs: String, enums: String, defaults: true, arrays: true, oneofs: false });
    const loaded = loadPackageDefinition(definition) as unknown as {
      cellscope: { v1: { CellscopeService: new (address: string, creds: ReturnType<typeof credentials.createInsecure>) => typeof client } };
    };
    client = new loaded.cellscope.v1.CellscopeService(`127.0.0.1:${grpcPort}`, credentials.createInsecure());
  });

  afterAll(async () => {
    client?.close();
    await app?.close();
    await db?.drop();
  });

  it('lists incidents newest first with affected cells and subscribers counted, for every role including handler', async () => {
    for (const role of ['handler', 'noc', 'admin'] as const) {
      const { body } = await get('/api/v1/incidents', role).expect(200);
      expect(body.total).toBe(3);
      expect(body.items.map((i: { incidentId: string }) => i.incidentId)).toEqual(['inc-site-1', 'inc-cell-1', 'inc-cluster-1']);
      expect(body.items[0]).toEqual({
        incidentId: 'inc-site-1',
        kind: 'SITE_OUTAGE',
        state: 'OPEN',
        siteId: 'SITE-1',
        cellIds: ['C-1', 'C-2', 'C-3'],
        cause: 'OUTAGE',
        openedAt: at(0).toISOString(),
        affectedCells: 3,
        affectedSubscribers: 1234,
      });
      expect(JSON.stringify(body)).not.toMatch(/msisdn|8613/);
    }
    expect(await get('/api/v1/incidents').expect(401).then((r) => r.body.statusCode)).toBe(401);
  });

  it('filters by state, kind and openedAt range, pages, and names a bad field', async () => {
    const ids = async (query: string) => (await get(`/api/v1/incidents?${query}`, 'noc').expect(200)).body.items.map((i: { incidentId: string }) => i.incidentId);
    expect(await ids('state=OPEN')).toEqual(['inc-site-1', 'inc-cluster-1']);
    expect(await ids('kind=CELL_OUTAGE')).toEqual(['inc-cell-1']);
    expect(await ids(`from=${encodeURIComponent(at(-60).toISOString())}&to=${encodeURIComponent(at(0).toISOString())}`)).toEqual(['inc-cell-1']);
    expect(await ids('limit=1&page=2')).toEqual(['inc-cell-1']);
    const bad = await get('/api/v1/incidents?state=BROKEN', 'noc').expect(400);
    expect(bad.body.message).toContain('state');
    const backwards = await get(`/api/v1/incidents?from=${encodeURIComponent(at(0).toISOString())}&to=${encodeURIComponent(at(-1).toISOString())}`, 'noc').expect(400);
    expect(backwards.body.message).toContain('to');
  });

  it('returns one incident, 404 for an unknown one', async () => {
    const { body } = await get('/api/v1/incidents/inc-cell-1', 'handler').expect(200);
    expect(body).toMatchObject({ state: 'RESOLVED', resolvedAt: at(-30).toISOString(), affectedSubscribers: 7, affectedCells: 1 });
    expect((await get('/api/v1/incidents/inc-404', 'handler').expect(404)).body.statusCode).toBe(404);
  });

  it('lets noc and admin opt subscribers out and back in, idempotently; handler is refused', async () => {
    const post = (msisdn: string, role: Role) => request(baseUrl).post(`/api/v1/opt-outs/${encodeURIComponent(msisdn)}`).set('X-API-Key', KEYS[role]);
    const del = (msisdn: string, role: Role) => request(baseUrl).delete(`/api/v1/opt-outs/${encodeURIComponent(msisdn)}`).set('X-API-Key', KEYS[role]);
    const first = await post('+8613800000001', 'noc').expect(200);
    expect(first.body).toMatchObject({ msisdn: '8613800000001', optedOut: true });
    const again = await post('8613800000001', 'admin').expect(200);
    expect(again.body.since).toBe(first.body.since);
    expect(await app.get(OptOutRepository).findOptedOut(['8613800000001'])).toEqual(new Set(['8613800000001']));

    expect((await post('8613800000002', 'handler').expect(403)).body.statusCode).toBe(403);
    expect((await post('12ab', 'admin').expect(400)).body.message).toContain('msisdn');

    await del('8613800000001', 'admin').expect(204);
    await del('8613800000001', 'noc').expect(204);
    expect(await app.get(OptOutRepository).find('8613800000001')).toBeNull();
    await del('8613800000001', 'handler').expect(403);
  });

  it('serves ListIncidents over gRPC with the same data and roles', async () => {
    const all = await listIncidents({}, 'handler');
    expect(all.incidents.map((i) => i.incident_id)).toEqual(['inc-site-1', 'inc-cell-1', 'inc-cluster-1']);
    expect(all.incidents[0]).toMatchObject({
      kind: 'SITE_OUTAGE',
      state: 'OPEN',
      site_id: 'SITE-1',
      cell_ids: ['C-1', 'C-2', 'C-3'],
      cause: 'OUTAGE',
      opened_at: at(0).toISOString(),
      affected_cells: 3,
      affected_subscribers: 1234,
    });
    expect((await listIncidents({ state: 'RESOLVED' }, 'noc')).incidents.map((i) => i.incident_id)).toEqual(['inc-cell-1']);
    expect((await listIncidents({ limit: 1 }, 'admin')).incidents).toHaveLength(1);
    const error = await listIncidents({ state: 'NOPE' }, 'noc').then(
      () => null,
      (e: ServiceError) => e,
    );
    expect(error?.code).toBe(status.INVALID_ARGUMENT);
  });
});
