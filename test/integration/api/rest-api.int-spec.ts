import request from 'supertest';
import { baselineWindow, CellKpiInterval, maskMsisdn, NetworkView } from '@cellscope/domain';
import { InProcessBus } from '@cellscope/messaging';
import { RecorrelationScheduleRepository } from '@cellscope/persistence';
import { API_T0, apiScenario, ApiScenario } from './support/api-scenario';
import { ApiTestApp, startApiTestApp, TEST_KEYS, uniqueSuffix } from './support/api-test-app';

type Role = keyof typeof TEST_KEYS;
const HOUR = 60 * 60 * 1000;

describe('REST API /api/v1 (real PostgreSQL, in-memory KPI store)', () => {
  let api: ApiTestApp;
  let congested: ApiScenario;
  let healthy: ApiScenario;
  let outage: ApiScenario;
  const suffix = uniqueSuffix();

  const get = (path: string, role?: Role) => {
    const req = request(api.baseUrl).get(path);
    return role ? req.set('X-API-Key', TEST_KEYS[role]) : req;
  };
  const post = (path: string, role?: Role) => {
    const req = request(api.baseUrl).post(path);
    return role ? req.set('X-API-Key', TEST_KEYS[role]) : req;
  };
  const ticketEvent = (ticketId: string) => ({
    ticketId,
    version: 1,
    status: 'OPEN',
    msisdn: '13698765432',
    reportedAt: '2026-03-02T16:25:00+08:00',
    occurredAt: '2026-03-02T16:00:00+08:00',
    symptom: 'SLOW_DATA',
    description: '网速慢',
    subscriber: { fiveGEnabled: true, volteEnabled: true, terminal: 'Xiaomi 14' },
  });

  beforeAll(async () => {
    api = await startApiTestApp();
    congested = apiScenario({ suffix, index: 0, serving: 'CONGESTED' });
    healthy = apiScenario({ suffix, index: 1, serving: 'HEALTHY', msisdn: '13900001111', symptom: 'CALL_DROP' });
    outage = apiScenario({ suffix, index: 2, serving: 'DOWN', complete: false, symptom: 'NO_DATA' });
    for (const scenario of [congested, healthy, outage]) await api.seed(scenario);
  });

  afterAll(async () => {
    await api?.close();
  });

  describe('GET /tickets/{ticketIdOrComplaintNo}/network-view', () => {
    it('returns the stored view to noc unchanged, found by ticketId', async () => {
      const res = await get(`/api/v1/tickets/${congested.ticket.ticketId}/network-view`, 'noc').expect(200);
      expect(res.body).toEqual(congested.view);
      expect(res.body.msisdn).toBe('13812345678');
      expect(res.body.cells[0]).toMatchObject({ cellId: congested.servingCellId, role: 'SERVING', selection: 'USAGE', siteType: 'MACRO', networkType: '4G' });
      expect(res.body.cells[0].kpis.prbUtilizationDl).toEqual({ value: 91, unit: '%', status: 'BAD', warn: 70, bad: 80 });
      expect(res.body.verdict).toMatchObject({ networkRelated: true, cause: 'CONGESTION' });
      expect(res.body.status).toBe('FINAL');
    });

    it('finds the same view by complaintNo', async () => {
      const res = await get(`/api/v1/tickets/${congested.complaintNo}/network-view`, 'admin').expect(200);
      expect(res.body.ticketId).toBe(congested.ticket.ticketId);
      expect(res.body.complaintNo).toBe(congested.complaintNo);
    });

    it('masks the MSISDN for handler and changes nothing else', async () => {
      const res = await get(`/api/v1/tickets/${congested.ticket.ticketId}/network-view`, 'handler').expect(200);
      expect(res.body.msisdn).toBe('138****5678');
      expect(res.body).toEqual({ ...congested.view, msisdn: '138****5678' });
      expect(JSON.stringify(res.body)).not.toContain('13812345678');
    });

    it('shows a PROVISIONAL outage view', async () => {
      const res = await get(`/api/v1/tickets/${outage.ticket.ticketId}/network-view`, 'noc').expect(200);
      expect(res.body.status).toBe('PROVISIONAL');
      expect(res.body.verdict.cause).toBe('OUTAGE');
      expect(res.body.cells[0].findings.map((f: { code: string }) => f.code)).toContain('CELL_DOWN');
    });

    it('answers 404 in the error format for an unknown ticket', async () => {
      const res = await get('/api/v1/tickets/WO-NOT-THERE-1/network-view', 'noc').expect(404);
      expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'no ticket WO-NOT-THERE-1' });
    });

    it('answers 400 naming the parameter for an impossible id', async () => {
      const res = await get('/api/v1/tickets/bad%20id!/network-view', 'noc').expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(res.body.message).toContain('ticketIdOrComplaintNo');
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'ticketIdOrComplaintNo' })]);
    });
  });

  describe('authentication and the role matrix', () => {
    const validCell = () => congested.servingCellId;
    const routes: { name: string; call: (role?: Role, key?: string) => request.Test; expected: Record<Role, number> }[] = [
      {
        name: 'GET network-view',
        call: (role, key) => withKey(get(`/api/v1/tickets/${congested.ticket.ticketId}/network-view`, role), key),
        expected: { handler: 200, noc: 200, admin: 200 },
      },
      { name: 'GET tickets', call: (role, key) => withKey(get('/api/v1/tickets?limit=5', role), key), expected: { handler: 200, noc: 200, admin: 200 } },
      {
        name: 'POST tickets',
        call: (role, key) => withKey(post('/api/v1/tickets', role), key).send(ticketEvent(`WO-${suffix}-AUTH-${role ?? 'none'}`)),
        expected: { handler: 202, noc: 403, admin: 202 },
      },
      {
        name: 'POST recorrelate',
        call: (role, key) => withKey(post(`/api/v1/tickets/${healthy.ticket.ticketId}/recorrelate`, role), key),
        expected: { handler: 403, noc: 202, admin: 202 },
      },
      { name: 'GET cell', call: (role, key) => withKey(get(`/api/v1/cells/${validCell()}`, role), key), expected: { handler: 200, noc: 200, admin: 200 } },
      {
        name: 'GET cell kpis',
        call: (role, key) => withKey(get(`/api/v1/cells/${validCell()}/kpis`, role), key),
        expected: { handler: 200, noc: 200, admin: 200 },
      },
      { name: 'GET degraded', call: (role, key) => withKey(get('/api/v1/cells/degraded', role), key), expected: { handler: 403, noc: 200, admin: 200 } },
      { name: 'GET hotspots', call: (role, key) => withKey(get('/api/v1/hotspots', role), key), expected: { handler: 403, noc: 200, admin: 200 } },
    ];
    function withKey(test: request.Test, key?: string): request.Test {
      return key === undefined ? test : test.set('X-API-Key', key);
    }

    it.each(routes.map((r) => [r.name, r] as const))('%s: no key and a wrong key → 401', async (_name, route) => {
      const missing = await route.call().expect(401);
      expect(missing.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'missing API key (header X-API-Key)' });
      const wrong = await route.call(undefined, 'not-a-configured-key').expect(401);
      expect(wrong.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'unknown API key' });
    });

    it.each(routes.map((r) => [r.name, r] as const))('%s: each role gets its status', async (_name, route) => {
      for (const role of ['handler', 'noc', 'admin'] as const) {
        const res = await route.call(role);
        expect({ role, status: res.status }).toEqual({ role, status: route.expected[role] });
        if (res.status === 403) {
          expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
          expect(res.body.message).toContain(`role ${role}`);
        }
      }
    });

    it('does not need a key for health, metrics, the panel and the OpenAPI document', async () => {
      await get('/health/live').expect(200);
      await get('/metrics').expect(200);
      await get('/').expect(200);
      await get('/api/docs-json').expect(200);
    });
  });

  describe('GET /tickets (search)', () => {
    const ids = (body: { items: { ticketId: string }[] }) => body.items.map((i) => i.ticketId).sort();

    it('finds a subscriber\'s tickets, newest first, unmasked for noc', async () => {
      const res = await get('/api/v1/tickets?msisdn=13812345678&cellId=' + congested.servingCellId, 'noc').expect(200);
      expect(res.body).toMatchObject({ total: 1, page: 1, limit: 20 });
      expect(res.body.items[0]).toEqual({
        ticketId: congested.ticket.ticketId,
        complaintNo: congested.complaintNo,
        status: 'FINAL',
        version: 3,
        msisdn: '13812345678',
        symptom: 'SLOW_DATA',
        reportedAt: congested.view.reportedAt,
        occurredAt: congested.view.occurredAt,
        servingCellId: congested.servingCellId,
        servingCellName: congested.cells[0].name,
        cause: 'CONGESTION',
        networkRelated: true,
        confidence: congested.view.verdict.confidence,
        kpiDataThrough: congested.view.kpiDataThrough,
        correlatedAt: congested.view.correlatedAt,
      });
      const both = await get('/api/v1/tickets?msisdn=13812345678', 'noc').expect(200);
      expect(both.body.items.map((i: { ticketId: string }) => i.ticketId)).toEqual([congested.ticket.ticketId, outage.ticket.ticketId]);
    });

    it('masks every MSISDN in the results for handler', async () => {
      const res = await get('/api/v1/tickets?msisdn=13812345678', 'handler').expect(200);
      expect(res.body.total).toBe(2);
      expect(res.body.items.map((i: { msisdn: string }) => i.msisdn)).toEqual([maskMsisdn('13812345678'), maskMsisdn('13812345678')]);
      expect(JSON.stringify(res.body)).not.toContain('13812345678');
    });

    it('filters by cell, cause, status and occurredAt range', async () => {
      expect(ids((await get(`/api/v1/tickets?cellId=${healthy.neighborCellId}`, 'noc').expect(200)).body)).toEqual([healthy.ticket.ticketId]);
      const outages = (await get(`/api/v1/tickets?cause=OUTAGE&cellId=${outage.servingCellId}`, 'noc').expect(200)).body;
      expect(ids(outages)).toEqual([outage.ticket.ticketId]);
      const provisional = (await get(`/api/v1/tickets?status=PROVISIONAL&msisdn=13812345678`, 'noc').expect(200)).body;
      expect(ids(provisional)).toEqual([outage.ticket.ticketId]);
      const from = encodeURIComponent(new Date(API_T0.getTime() - 90 * 60_000).toISOString());
      const to = encodeURIComponent(new Date(API_T0.getTime() + 60_000).toISOString());
      const ranged = (await get(`/api/v1/tickets?from=${from}&to=${to}&msisdn=13812345678`, 'noc').expect(200)).body;
      expect(ids(ranged)).toEqual([congested.ticket.ticketId]);
    });

    it('accepts an unencoded +08:00 offset in the query', async () => {
      const res = await get('/api/v1/tickets?msisdn=13900001111&from=2026-03-02T10:00:00+08:00&to=2026-03-03T00:00:00+08:00', 'noc').expect(200);
      expect(ids(res.body)).toEqual([healthy.ticket.ticketId]);
    });

    it('pages with page and limit', async () => {
      const page2 = (await get('/api/v1/tickets?msisdn=13812345678&limit=1&page=2', 'noc').expect(200)).body;
      expect(page2).toMatchObject({ total: 2, page: 2, limit: 1 });
      expect(ids(page2)).toEqual([outage.ticket.ticketId]);
    });

    it.each([
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=ten', 'limit'],
      ['page=0', 'page'],
      ['cause=SLOWNESS', 'cause'],
      ['status=DONE', 'status'],
      ['msisdn=12ab', 'msisdn'],
      ['cellId=' + encodeURIComponent('a b'), 'cellId'],
      ['from=yesterday', 'from'],
      ['to=2026-13-45T99:00:00Z', 'to'],
      ['colour=red', 'colour'],
    ])('answers 400 naming the field for %s', async (query, field) => {
      const res = await get(`/api/v1/tickets?${query}`, 'noc').expect(400);
      expect(res.body.statusCode).toBe(400);
      expect(res.body.error).toBe('Bad Request');
      expect(res.body.message).toContain(field);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });
  });

  describe('POST /tickets', () => {
    it('validates and publishes the event to the tickets topic keyed by ticketId → 202', async () => {
      const event = ticketEvent(`WO-${suffix}-NEW-1`);
      const res = await post('/api/v1/tickets', 'admin').send(event).expect(202);
      expect(res.body).toEqual({ ticketId: event.ticketId, accepted: true });
      const published = api.app.get(InProcessBus).messagesOf(api.config.TOPIC_TICKETS).filter((m) => m.key === event.ticketId);
      expect(published).toHaveLength(1);
      expect(JSON.parse(published[0].value!.toString('utf8'))).toEqual(event);
    });

    it.each([
      ['a missing msisdn', (e: Record<string, unknown>) => ({ ...e, msisdn: undefined }), 'msisdn'],
      ['a string version', (e: Record<string, unknown>) => ({ ...e, version: '2' }), 'version'],
      ['an unknown status', (e: Record<string, unknown>) => ({ ...e, status: 'REOPENED' }), 'status'],
      ['a timestamp without offset', (e: Record<string, unknown>) => ({ ...e, reportedAt: '2026-03-02T16:25:00' }), 'reportedAt'],
      ['a latitude out of range', (e: Record<string, unknown>) => ({ ...e, location: { lat: 91, lon: 111 } }), 'location.lat'],
      ['too many cells', (e: Record<string, unknown>) => ({ ...e, cellIds: Array.from({ length: 21 }, (_, i) => `C${i}`) }), 'cellIds'],
    ])('answers 400 naming the field for %s and publishes nothing', async (_case, mutate, field) => {
      const ticketId = `WO-${suffix}-BAD-${field.replace('.', '-')}`;
      const res = await post('/api/v1/tickets', 'admin').send(mutate(ticketEvent(ticketId))).expect(400);
      expect(res.body.message).toContain(field);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(api.app.get(InProcessBus).messagesOf(api.config.TOPIC_TICKETS).filter((m) => m.key === ticketId)).toHaveLength(0);
    });

    it('answers 400 for a body that is not an object or not JSON', async () => {
      const array = await post('/api/v1/tickets', 'admin').send([1, 2]).expect(400);
      expect(array.body.statusCode).toBe(400);
      const broken = await post('/api/v1/tickets', 'admin').set('Content-Type', 'application/json').send('{"ticketId": ').expect(400);
      expect(broken.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    });
  });

  describe('POST /tickets/{id}/recorrelate', () => {
    it('schedules the ticket for correlation now (found by complaintNo) → 202', async () => {
      const before = Date.now();
      const res = await post(`/api/v1/tickets/${outage.complaintNo}/recorrelate`, 'noc').expect(202);
      expect(res.body).toEqual({ ticketId: outage.ticket.ticketId, complaintNo: outage.complaintNo, scheduled: true });
      const due = await api.app.get(RecorrelationScheduleRepository).claimDue(new Date(before + 5000), 100, 60_000);
      expect(due).toContain(outage.ticket.ticketId);
    });

    it('answers 404 for an unknown ticket', async () => {
      const res = await post('/api/v1/tickets/WO-NOBODY-9/recorrelate', 'admin').expect(404);
      expect(res.body.message).toBe('no ticket WO-NOBODY-9');
    });
  });

  describe('GET /cells/{cellId}', () => {
    it('returns the inventory record and the latest interval judged, with the baseline daily traffic', async () => {
      const at = new Date(API_T0.getTime() + 50 * 60_000);
      const res = await get(`/api/v1/cells/${congested.servingCellId}?at=${encodeURIComponent(at.toISOString())}`, 'handler').expect(200);
      expect(res.body.cell).toEqual(congested.cells[0]);
      expect(res.body.intervalStart).toBe(new Date(API_T0.getTime() + 45 * 60_000).toISOString());
      expect(res.body.kpis.prbUtilizationDl).toEqual({ value: 91, unit: '%', status: 'BAD', warn: 70, bad: 80 });
      expect(res.body.kpis.availability).toMatchObject({ value: 100, status: 'OK' });
      expect(res.body.findings.map((f: { code: string }) => f.code)).toEqual(['prbUtilizationDl_BAD', 'userDlThroughputMbps_BAD']);
      const baseline = baselineWindow(at, 7);
      const trafficMb = congested.intervals
        .filter((i: CellKpiInterval) => i.cellId === congested.servingCellId && i.time >= baseline.from && i.time < baseline.to)
        .reduce((sum, i) => sum + (i.counters.trafficMb ?? 0), 0);
      expect(res.body.kpis.dailyTrafficGb).toEqual({ value: Math.round((trafficMb / 1024 / 7) * 1000) / 1000, unit: 'GB/day', status: 'OK' });
    });

    it('reports NO_DATA when the cell has no recent interval', async () => {
      const res = await get(`/api/v1/cells/${congested.servingCellId}?at=2027-01-01T00:00:00Z`, 'noc').expect(200);
      expect(res.body.intervalStart).toBeNull();
      expect(res.body.kpis.prbUtilizationDl).toMatchObject({ value: null, status: 'NO_DATA' });
    });

    it('answers 404 for an unknown cell and 400 for a bad id or time', async () => {
      expect((await get('/api/v1/cells/NO-SUCH-CELL', 'noc').expect(404)).body.message).toBe('no cell NO-SUCH-CELL');
      expect((await get('/api/v1/cells/bad%20cell', 'noc').expect(400)).body.message).toContain('cellId');
      expect((await get(`/api/v1/cells/${congested.servingCellId}?at=noon`, 'noc').expect(400)).body.message).toContain('at');
    });
  });

  describe('GET /cells/{cellId}/kpis', () => {
    it('returns the 15-minute series of the window with judged values and the thresholds', async () => {
      const { from, to } = congested.view.window;
      const res = await get(`/api/v1/cells/${congested.servingCellId}/kpis?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, 'handler').expect(200);
      expect(res.body).toMatchObject({ cellId: congested.servingCellId, networkType: '4G', from, to });
      expect(res.body.thresholds.prbUtilizationDl).toEqual({ warn: 70, bad: 80, unit: '%' });
      expect(res.body.thresholds.userDlThroughputMbps).toEqual({ warn: 10, bad: 5, unit: 'Mbit/s' });
      expect(res.body.intervals).toHaveLength(8);
      expect(res.body.intervals[0].time).toBe(from);
      for (const point of res.body.intervals) {
        expect(point.down).toBe(false);
        expect(point.kpis.prbUtilizationDl).toMatchObject({ value: 91, status: 'BAD' });
        expect(Object.keys(point.kpis).sort()).toEqual(
          ['accessSuccessRate', 'availability', 'dropRate', 'goodCoverageRate', 'prbUtilizationDl', 'userDlThroughputMbps'],
        );
      }
    });

    it('uses the 5G thresholds for a 5G cell and marks DOWN intervals', async () => {
      const fiveG = await get(`/api/v1/cells/${congested.neighborCellId}/kpis?from=2026-03-02T07:00:00Z&to=2026-03-02T08:00:00Z`, 'noc').expect(200);
      expect(fiveG.body.thresholds.userDlThroughputMbps).toEqual({ warn: 100, bad: 50, unit: 'Mbit/s' });
      expect(fiveG.body.intervals).toHaveLength(4);
      const down = await get(`/api/v1/cells/${outage.servingCellId}/kpis?from=${encodeURIComponent(outage.view.window.from)}&to=${encodeURIComponent(outage.view.window.to)}`, 'noc').expect(200);
      expect(down.body.intervals.length).toBeGreaterThan(0);
      expect(down.body.intervals.every((p: { down: boolean; kpis: { availability: { status: string } } }) => p.down && p.kpis.availability.status === 'BAD')).toBe(true);
    });

    it('rejects an empty, reversed or longer-than-7-days range naming `to`', async () => {
      const cell = congested.servingCellId;
      for (const query of ['from=2026-03-02T08:00:00Z&to=2026-03-02T08:00:00Z', 'from=2026-03-02T08:00:00Z&to=2026-03-01T08:00:00Z', 'from=2026-03-01T00:00:00Z&to=2026-03-08T00:15:00Z']) {
        const res = await get(`/api/v1/cells/${cell}/kpis?${query}`, 'noc').expect(400);
        expect(res.body.details).toEqual([expect.objectContaining({ field: 'to' })]);
      }
      await get(`/api/v1/cells/${cell}/kpis?from=2026-03-01T00:00:00Z&to=2026-03-08T00:00:00Z`, 'noc').expect(200);
      await get('/api/v1/cells/NOPE-1/kpis', 'noc').expect(404);
    });
  });

  describe('GET /cells/degraded', () => {
    it('lists the cells with a BAD KPI in their latest interval at or before `at`', async () => {
      const at = new Date(API_T0.getTime() + 30 * 60_000).toISOString();
      const res = await get(`/api/v1/cells/degraded?at=${encodeURIComponent(at)}`, 'noc').expect(200);
      expect(res.body.at).toBe(at);
      const ours = res.body.cells.filter((c: { cellId: string }) => c.cellId.includes(suffix));
      expect(ours.map((c: { cellId: string }) => c.cellId)).toEqual([congested.servingCellId]);
      expect(ours[0]).toMatchObject({ name: congested.cells[0].name, siteType: 'MACRO', networkType: '4G', intervalStart: new Date(API_T0.getTime() + 30 * 60_000).toISOString() });
      expect(ours[0].kpis.prbUtilizationDl.status).toBe('BAD');
    });

    it('reports a DOWN cell with availability BAD and CELL_DOWN', async () => {
      const at = new Date(outage.ticket.occurredAt.getTime() + 10 * 60_000).toISOString();
      const res = await get(`/api/v1/cells/degraded?at=${encodeURIComponent(at)}`, 'admin').expect(200);
      const cell = res.body.cells.find((c: { cellId: string }) => c.cellId === outage.servingCellId);
      expect(cell.kpis.availability).toMatchObject({ value: 0, status: 'BAD' });
      expect(cell.findings[0].code).toBe('CELL_DOWN');
      expect(res.body.cells.find((c: { cellId: string }) => c.cellId === healthy.servingCellId)).toBeUndefined();
    });
  });

  describe('GET /hotspots', () => {
    it('ranks SERVING cells by complaints with inventory data', async () => {
      const from = new Date(API_T0.getTime() - 12 * HOUR).toISOString();
      const to = new Date(API_T0.getTime() + 12 * HOUR).toISOString();
      const res = await get(`/api/v1/hotspots?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&limit=100`, 'noc').expect(200);
      const ours = new Map(res.body.filter((h: { cellId: string }) => h.cellId.includes(suffix)).map((h: { cellId: string }) => [h.cellId, h]));
      expect(ours.size).toBe(3);
      expect(ours.get(congested.servingCellId)).toEqual({
        cellId: congested.servingCellId,
        tickets: 1,
        networkRelated: 1,
        name: congested.cells[0].name,
        siteId: congested.cells[0].siteId,
        siteType: 'MACRO',
        networkType: '4G',
      });
      expect(ours.get(healthy.servingCellId)).toMatchObject({ tickets: 1, networkRelated: 0 });
      const limited = await get(`/api/v1/hotspots?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&limit=2`, 'noc').expect(200);
      expect(limited.body).toHaveLength(2);
    });

    it('answers 400 for a reversed range or a bad limit', async () => {
      expect((await get('/api/v1/hotspots?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z', 'noc').expect(400)).body.details[0].field).toBe('to');
      expect((await get('/api/v1/hotspots?limit=1000', 'noc').expect(400)).body.details[0].field).toBe('limit');
    });
  });

  describe('OpenAPI and panel', () => {
    it('serves the OpenAPI JSON with every endpoint, the API-key scheme and the view schema', async () => {
      const doc = (await get('/api/docs-json').expect(200)).body;
      expect(Object.keys(doc.paths).sort()).toEqual([
        '/api/v1/cells/degraded',
        '/api/v1/cells/{cellId}',
        '/api/v1/cells/{cellId}/kpis',
        '/api/v1/hotspots',
        '/api/v1/incidents',
        '/api/v1/incidents/{incidentId}',
        '/api/v1/opt-outs/{msisdn}',
        '/api/v1/tickets',
        '/api/v1/tickets/{ticketIdOrComplaintNo}/network-view',
        '/api/v1/tickets/{ticketIdOrComplaintNo}/recorrelate',
      ]);
      expect(doc.components.securitySchemes['api-key']).toEqual({ type: 'apiKey', in: 'header', name: 'X-API-Key' });
      const view = doc.components.schemas.NetworkViewDto;
      expect(Object.keys(view.properties)).toEqual(expect.arrayContaining(Object.keys(congested.view as NetworkView)));
      expect(doc.paths['/api/v1/tickets'].post.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/TicketEventDto');
      const html = await get('/api/docs').expect(200);
      expect(html.text).toContain('swagger-ui');
    });

    it('serves the panel, its assets and Chart.js, and nothing else from disk', async () => {
      const page = await get('/').expect(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect(page.text).toContain('panel.js');
      expect((await get('/assets/panel.js').expect(200)).headers['content-type']).toContain('javascript');
      expect((await get('/assets/panel.css').expect(200)).headers['content-type']).toContain('text/css');
      const chart = await get('/assets/vendor/chart.umd.min.js').expect(200);
      expect(chart.text.length).toBeGreaterThan(100_000);
      await get('/assets/..%2F..%2Fpanel.controller.ts').expect(404);
      await get('/assets/vendor/..%2F..%2F..%2F..%2F..%2Fpackage.json').expect(404);
    });
  });
});
