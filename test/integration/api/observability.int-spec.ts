import request from 'supertest';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { apiScenario } from './support/api-scenario';
import { ApiTestApp, startApiTestApp, TEST_KEYS, uniqueSuffix } from './support/api-test-app';

/** Every 8..15-digit run in a text: what must never be a real subscriber number in a log. */
const RAW_MSISDNS = ['13812345678', '13698765432', '8613512340000'];

describe('logs, metrics, health and unexpected errors', () => {
  let api: ApiTestApp;
  const suffix = uniqueSuffix();

  beforeAll(async () => {
    api = await startApiTestApp({ env: { LOG_LEVEL: 'debug' } });
    await api.seed(apiScenario({ suffix }));
  });

  afterAll(async () => {
    await api?.close();
  });

  it('writes JSON log lines with no unmasked MSISDN and no API key', async () => {
    const scenario = apiScenario({ suffix, index: 1 });
    await api.seed(scenario);
    await request(api.baseUrl).get('/api/v1/tickets?msisdn=13812345678').set('X-API-Key', TEST_KEYS.noc).expect(200);
    await request(api.baseUrl).get(`/api/v1/tickets/13812345678/network-view`).set('X-API-Key', TEST_KEYS.noc).expect(404);
    await request(api.baseUrl)
      .post('/api/v1/tickets')
      .set('X-API-Key', TEST_KEYS.admin)
      .send({ ticketId: `WO-${suffix}-LOG`, version: 1, status: 'OPEN', msisdn: '13698765432', reportedAt: '2026-03-02T16:25:00+08:00' })
      .expect(202);
    await request(api.baseUrl).post('/api/v1/tickets').set('X-API-Key', TEST_KEYS.admin).send({ msisdn: '+8613512340000' }).expect(400);
    const logger = new Logger('LogMaskingTest');
    logger.warn('subscriber 13812345678 complained about cell X; callback +8613512340000');
    logger.log({ msisdn: '13698765432', ticket: { msisdn: '13812345678' }, note: 'user 13698765432 called' });
    logger.error(new Error('duplicate key (msisdn)=(13812345678)'));

    const lines = api.log.lines.flatMap((chunk) => chunk.split('\n')).filter((line) => line.trim() !== '');
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    const text = lines.join('\n');
    for (const raw of RAW_MSISDNS) expect(text).not.toContain(raw);
    for (const key of Object.values(TEST_KEYS)) expect(text).not.toContain(key);
    expect(text).toContain('138****5678');
    expect(text).toContain('136****5432');
    expect(text).toContain('/api/v1/tickets?msisdn=138****5678');
    const request404 = lines.map((line) => JSON.parse(line)).find((entry) => entry.req?.url === '/api/v1/tickets/138****5678/network-view');
    expect(request404).toMatchObject({ level: 'warn', service: 'cellscope-api', res: { statusCode: 404 } });
  });

  it('serves Prometheus metrics: request latency by route template, process metrics and the shared metric objects', async () => {
    await request(api.baseUrl).get(`/api/v1/cells/HHHT-${suffix}-0-A1`).set('X-API-Key', TEST_KEYS.noc).expect(200);
    await request(api.baseUrl).get('/no/such/page/123').expect(404);
    const res = await request(api.baseUrl).get('/metrics').expect(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.text).toMatch(/http_request_duration_seconds_bucket\{le="0\.005",route="\/api\/v1\/cells\/:cellId",method="GET",status="200"\} \d+/);
    expect(res.text).toMatch(/http_request_duration_seconds_count\{route="unmatched",method="GET",status="404"\} [1-9]/);
    expect(res.text).not.toContain('/no/such/page');
    for (const name of ['process_cpu_user_seconds_total', 'nodejs_eventloop_lag_seconds', 'kpi_query_duration_seconds', 'consumer_messages_total', 'consumer_processing_seconds', 'consumer_lag']) {
      expect(res.text).toContain(`# TYPE ${name}`);
    }
  });

  it('is live and ready with the in-memory KPI store and bus', async () => {
    expect((await request(api.baseUrl).get('/health/live').expect(200)).body.status).toBe('ok');
    const ready = await request(api.baseUrl).get('/health/ready').expect(200);
    expect(ready.body.details).toEqual({
      postgres: { status: 'up' },
      influxdb: { status: 'up', mode: 'memory' },
      kafka: { status: 'up', mode: 'memory' },
    });
  });

  it('answers 500 without internals when the database is gone, and readiness reports it', async () => {
    await api.app.get(DataSource).destroy();
    const res = await request(api.baseUrl).get(`/api/v1/tickets/WO-${suffix}-0/network-view`).set('X-API-Key', TEST_KEYS.noc).expect(500);
    expect(res.body).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' });
    const ready = await request(api.baseUrl).get('/health/ready').expect(503);
    expect(Object.keys(ready.body.error)).toEqual(['postgres']);
  });
});

describe('rate limit per API key', () => {
  let api: ApiTestApp;

  beforeAll(async () => {
    api = await startApiTestApp({ env: { API_RATE_LIMIT_PER_MINUTE: '3' } });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('answers 429 in the error format past API_RATE_LIMIT_PER_MINUTE, per key', async () => {
    for (let i = 0; i < 3; i++) await request(api.baseUrl).get('/api/v1/tickets').set('X-API-Key', TEST_KEYS.noc).expect(200);
    const limited = await request(api.baseUrl).get('/api/v1/tickets').set('X-API-Key', TEST_KEYS.noc).expect(429);
    expect(limited.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    expect(limited.body.message).toContain('rate limit of 3 requests per minute');
    expect(Number(limited.headers['retry-after-per-key'] ?? limited.headers['retry-after'])).toBeGreaterThan(0);
    await request(api.baseUrl).get('/api/v1/tickets').set('X-API-Key', TEST_KEYS.admin).expect(200);
    await request(api.baseUrl).get('/health/live').expect(200);
  });
});
