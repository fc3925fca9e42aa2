import request from 'supertest';
import { consumeUntil, createTopics, deleteTopics, uniqueTopic } from '@cellscope/testing/kafka-test-topics';
import { ApiTestApp, freePort, startApiTestApp, TEST_KEYS, uniqueSuffix } from './support/api-test-app';

describe('POST /api/v1/tickets onto real Kafka, and readiness against real Kafka and InfluxDB', () => {
  let api: ApiTestApp;
  const topic = uniqueTopic('it.api.complaints.tickets');
  const suffix = uniqueSuffix();

  beforeAll(async () => {
    await createTopics([topic], 3);
    api = await startApiTestApp({ env: { CELLSCOPE_BUS: 'kafka', CELLSCOPE_KPI_STORE: 'influx', TOPIC_TICKETS: topic } });
  });

  afterAll(async () => {
    await api?.close();
    await deleteTopics([topic]);
  });

  it('publishes the validated event, unchanged, to the tickets topic keyed by ticketId', async () => {
    const events = [1, 2].map((n) => ({
      ticketId: `WO-${suffix}-K${n}`,
      version: n,
      status: 'OPEN',
      msisdn: '+8613512345678',
      reportedAt: '2026-03-02T16:25:00+08:00',
      description: '打不通电话',
      cellIds: [`HHHT-${suffix}-A1`],
    }));
    for (const event of events) {
      const res = await request(api.baseUrl).post('/api/v1/tickets').set('X-API-Key', TEST_KEYS.admin).send(event).expect(202);
      expect(res.body).toEqual({ ticketId: event.ticketId, accepted: true });
    }
    const messages = await consumeUntil(topic, (all) => events.every((e) => all.some((m) => m.key === e.ticketId)), 30_000);
    for (const event of events) {
      const message = messages.find((m) => m.key === event.ticketId)!;
      expect(JSON.parse(message.value!)).toEqual(event);
    }
    expect(messages).toHaveLength(2);
  });

  it('publishes nothing for an invalid event', async () => {
    const ticketId = `WO-${suffix}-INVALID`;
    await request(api.baseUrl).post('/api/v1/tickets').set('X-API-Key', TEST_KEYS.admin).send({ ticketId, version: 0 }).expect(400);
    const valid = { ticketId: `WO-${suffix}-AFTER`, version: 1, status: 'OPEN', msisdn: '13512345678', reportedAt: '2026-03-02T16:25:00+08:00' };
    await request(api.baseUrl).post('/api/v1/tickets').set('X-API-Key', TEST_KEYS.handler).send(valid).expect(202);
    const messages = await consumeUntil(topic, (all) => all.some((m) => m.key === valid.ticketId), 30_000);
    expect(messages.filter((m) => m.key === ticketId)).toHaveLength(0);
  });

  it('is ready when PostgreSQL, Kafka (describeCluster) and InfluxDB (/ping) answer', async () => {
    const res = await request(api.baseUrl).get('/health/ready').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.details.postgres.status).toBe('up');
    expect(res.body.details.kafka).toMatchObject({ status: 'up', brokers: 1 });
    expect(res.body.details.influxdb.status).toBe('up');
    expect(typeof res.body.details.influxdb.version).toBe('string');
  });

  it('is not ready (503, naming InfluxDB) when InfluxDB does not answer, but stays live', async () => {
    const closedPort = await freePort();
    const broken = await startApiTestApp({ env: { CELLSCOPE_BUS: 'kafka', CELLSCOPE_KPI_STORE: 'influx', INFLUX_URL: `http://127.0.0.1:${closedPort}` } });
    try {
      const ready = await request(broken.baseUrl).get('/health/ready').expect(503);
      expect(ready.body.status).toBe('error');
      expect(Object.keys(ready.body.error)).toEqual(['influxdb']);
      expect(ready.body.info.postgres.status).toBe('up');
      expect(ready.body.info.kafka.status).toBe('up');
      await request(broken.baseUrl).get('/health/live').expect(200);
    } finally {
      await broken.close();
    }
  });
});
