import { randomBytes } from 'node:crypto';
import { credentials, loadPackageDefinition, Metadata, ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { VERDICT_CAUSES, VerdictCause } from '@cellscope/domain';
import { cellscopeProtoPath } from '@cellscope/grpc-api';
import { InProcessBus } from '@cellscope/messaging';
import { dropDatabase, withDatabaseName } from '@cellscope/persistence';
import { buildScenario } from '@cellscope/simulator';
import { influxTestUrl, uniqueInfluxDatabaseName } from '@cellscope/testing/kpi/influx-test-database';
import { createTopics, deleteTopics, uniqueTopic } from '@cellscope/testing/kafka-test-topics';
import { stackEndpoints } from '@cellscope/testing/stack';
import { InfluxHttpClient, quoteIdentifier } from '@cellscope/kpi';
import { chromium } from 'playwright-core';
import { freePort, isListening } from '../persistence/free-port';
import {
  causesByTicket,
  countByCause,
  getJson,
  SIM_NOW,
  SIM_SEED,
  StandaloneTestApp,
  startStandaloneTestApp,
  testDataDir,
  viewCount,
  waitUntil,
} from './support/standalone-test-app';

const ARTIFACTS = join(__dirname, '..', '..', '..', 'test-artifacts');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

type Unary = (request: object, metadata: Metadata, callback: (error: ServiceError | null, response: unknown) => void) => void;
type GrpcClient = Record<'GetTicketNetworkView' | 'ListIncidents', Unary> & { close(): void };

interface IncidentPage {
  total: number;
  items: { incidentId: string; kind: string; state: string; cellIds: string[] }[];
}

/**
 * The standalone app (apps/standalone) with its in-process simulation: on the embedded defaults it is ready with
 * every verdict cause within a minute and shows them in the panel; on the real Kafka, InfluxDB and PostgreSQL the
 * same simulation (same seed, same simulated present) ends in the same verdicts.
 */
describe('standalone app with the in-process simulation', () => {
  const scenario = buildScenario({ seed: Number(SIM_SEED), now: SIM_NOW });
  let embeddedCauses: Map<string, VerdictCause> | undefined;

  it('test premise: nothing arrives for ten simulated minutes after SIM_NOW, and a site outage is in progress then', () => {
    const quiet = scenario.stream().advance(10);
    expect({ kpis: quiet.kpis.length, usage: quiet.usage.length, tickets: quiet.ticketEvents.length }).toEqual({ kpis: 0, usage: 0, tickets: 0 });
    expect(scenario.faults.some((f) => f.kind === 'OUTAGE' && f.from <= SIM_NOW && f.to > SIM_NOW)).toBe(true);
  });

  describe('on the embedded defaults (embedded PostgreSQL, in-process bus, in-memory KPI store)', () => {
    let sut: StandaloneTestApp;
    let handlerKey: string;
    let startedAt: number;

    beforeAll(async () => {
      startedAt = Date.now();
      const dir = testDataDir(`it-standalone-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`);
      sut = await startStandaloneTestApp(
        {
          EMBEDDED_PG_DIR: join(dir, 'pg'),
          EMBEDDED_PG_PORT: String(await freePort()),
          API_PORT: String(await freePort()),
          GRPC_PORT: String(await freePort()),
          NOTIFIER_TICK_MS: '2000',
        },
        [dir],
      );
      handlerKey = sut.standalone.generatedKeys!.handler;
    }, 180_000);

    afterAll(async () => {
      await sut?.close();
    }, 60_000);

    it('runs everything embedded, with generated keys, on the demo database', () => {
      const { config, defaulted, demoDatabase } = sut.standalone;
      expect(defaulted.sort()).toEqual(['CELLSCOPE_BUS', 'CELLSCOPE_DATABASE', 'CELLSCOPE_KPI_STORE', 'SIMULATOR_ENABLED']);
      expect(demoDatabase).toBe(true);
      expect(config.CELLSCOPE_API_KEYS).toContain(':noc,');
    });

    it('has at least 100 correlated tickets within a minute of starting, covering every verdict cause', async () => {
      await waitUntil(() => viewCount(sut.baseUrl, handlerKey), (n) => n >= 100, Math.max(0, startedAt + 60_000 - Date.now()), '100 views');
      expect(Date.now() - startedAt).toBeLessThan(60_000);
      expect(await sut.driver.waitForViews(sut.history, 60_000)).toBe(true);

      embeddedCauses = await causesByTicket(sut.baseUrl, handlerKey);
      const counts = countByCause(embeddedCauses, sut.history.tickets.map((t) => t.ticketId));
      for (const cause of VERDICT_CAUSES) expect({ cause, seen: counts[cause] > 0 }).toEqual({ cause, seen: true });
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(sut.history.tickets.length);
      expect(sut.history.tickets.length).toBe(scenario.tickets.length);
    });

    it("reaches the simulator's ground-truth verdict on every ticket whose KPI data is complete", async () => {
      const causes = embeddedCauses ?? (await causesByTicket(sut.baseUrl, handlerKey));
      const complete = sut.history.tickets.filter((t) => t.expected.dataCompleteAt <= SIM_NOW);
      expect(complete.length).toBeGreaterThan(200);
      const wrong = complete
        .filter((t) => causes.get(t.ticketId) !== t.expected.cause)
        .map((t) => `${t.ticketId}: expected ${t.expected.cause}, got ${causes.get(t.ticketId)}`);
      expect(wrong).toEqual([]);
    });

    it('detects the outage in progress as an incident and publishes TICKET_UPDATE SMS for the final views', async () => {
      const outage = scenario.faults.find((f) => f.kind === 'OUTAGE' && f.from <= SIM_NOW && f.to > SIM_NOW)!;
      const incidents = await waitUntil(
        () => getJson<IncidentPage>(sut.baseUrl, '/api/v1/incidents?state=OPEN&limit=100', handlerKey),
        (page) => page.items.some((i) => i.cellIds.some((id) => outage.cellIds.includes(id))),
        30_000,
        `an open incident on ${outage.siteId}`,
      );
      expect(incidents.items.find((i) => i.cellIds.some((id) => outage.cellIds.includes(id)))?.kind).toMatch(/OUTAGE/);

      const bus = sut.app.get(InProcessBus);
      const ticketUpdates = async () =>
        bus.messagesOf(sut.standalone.config.TOPIC_SMS).filter((m) => (JSON.parse(m.value!.toString('utf8')) as { kind: string }).kind === 'TICKET_UPDATE').length;
      await waitUntil(ticketUpdates, (n) => n >= 100, 30_000, 'TICKET_UPDATE notifications on the SMS topic');
    });

    it('serves the views and incidents over gRPC too', async () => {
      const definition = loadSync(cellscopeProtoPath(), { keepCase: true, longs: String, enums: String, defaults: true, arrays: true, oneofs: false });
      const loaded = loadPackageDefinition(definition) as unknown as {
        cellscope: { v1: { CellscopeService: new (address: string, creds: ReturnType<typeof credentials.createInsecure>) => GrpcClient } };
      };
      const client = new loaded.cellscope.v1.CellscopeService(`127.0.0.1:${sut.standalone.config.GRPC_PORT}`, credentials.createInsecure());
      const call = <T>(method: keyof Omit<GrpcClient, 'close'>, request: object): Promise<T> =>
        new Promise((resolve, reject) => {
          const metadata = new Metadata();
          metadata.set('x-api-key', sut.standalone.generatedKeys!.noc);
          client[method](request, metadata, (error, response) => (error ? reject(error) : resolve(response as T)));
        });
      try {
        const outageTicket = sut.history.tickets.find((t) => t.expected.cause === 'OUTAGE' && t.expected.dataCompleteAt <= SIM_NOW)!;
        const view = await call<{ ticket_id: string; verdict: { cause: string } }>('GetTicketNetworkView', { ticket_id_or_complaint_no: outageTicket.ticketId });
        expect({ ticketId: view.ticket_id, cause: view.verdict.cause }).toEqual({ ticketId: outageTicket.ticketId, cause: 'OUTAGE' });
        const incidents = await call<{ incidents: { state: string }[] }>('ListIncidents', { state: 'OPEN', limit: 50 });
        expect(incidents.incidents.length).toBeGreaterThan(0);
      } finally {
        client.close();
      }
    });

    it('shows the tickets and a view with its verdict in the panel (headless Chromium)', async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      const outageTicket = sut.history.tickets.find((t) => t.expected.cause === 'OUTAGE' && t.expected.dataCompleteAt <= SIM_NOW)!;
      const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
      try {
        const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(`${sut.baseUrl}/?key=${encodeURIComponent(handlerKey)}#/tickets/${outageTicket.ticketId}`);
        await page.locator('#view [data-field="complaintNo"]').waitFor();
        await page.locator('#view [data-chart="availability"] canvas').waitFor();
        await page.waitForFunction("document.querySelectorAll('#results li').length > 0");

        expect(await page.locator('#view [data-field="ticketId"]').first().innerText()).toBe(outageTicket.ticketId);
        expect(await page.locator('#view [data-field="cause"]').first().innerText()).toBe('基站故障（退服）');
        expect(await page.locator('#results li').count()).toBeGreaterThan(5);
        await page.screenshot({ path: join(ARTIFACTS, 'embedded-panel.png'), fullPage: true });
        expect(errors).toEqual([]);
        await context.close();
      } finally {
        await browser.close();
      }
    });

    it('shuts down gracefully: HTTP, gRPC and the embedded PostgreSQL stop', async () => {
      const { config } = sut.standalone;
      expect(await isListening(config.EMBEDDED_PG_PORT)).toBe(true);
      await sut.close();
      for (const port of [config.EMBEDDED_PG_PORT, config.API_PORT, config.GRPC_PORT]) expect({ port, listening: await isListening(port) }).toEqual({ port, listening: false });
    }, 60_000);
  });

  describe('on the real Kafka, InfluxDB and PostgreSQL (unique topics and databases)', () => {
    let sut: StandaloneTestApp;
    let handlerKey: string;
    const run = uniqueTopic('it-standalone');
    const topics = {
      TOPIC_TICKETS: `${run}.tickets`,
      TOPIC_CELLS: `${run}.cells`,
      TOPIC_USAGE: `${run}.usage`,
      TOPIC_NETWORK_CONTEXT: `${run}.context`,
      TOPIC_SMS: `${run}.sms`,
    };
    const databaseUrl = withDatabaseName(stackEndpoints().databaseUrl, `it_standalone_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`);
    const influxDatabase = uniqueInfluxDatabaseName('it_standalone');
    const influxAuth = Object.fromEntries(
      (['INFLUX_TOKEN', 'INFLUX_USERNAME', 'INFLUX_PASSWORD'] as const).filter((k) => process.env[k]).map((k) => [k, process.env[k]]),
    );

    beforeAll(async () => {
      await createTopics(Object.values(topics), 3);
      sut = await startStandaloneTestApp({
        CELLSCOPE_DATABASE: 'external',
        CELLSCOPE_BUS: 'kafka',
        CELLSCOPE_KPI_STORE: 'influx',
        DATABASE_URL: databaseUrl,
        KAFKA_BROKERS: stackEndpoints().kafkaBrokers.join(','),
        KAFKA_GROUP_ID: `${run}.group`,
        INFLUX_URL: influxTestUrl(),
        INFLUX_DATABASE: influxDatabase,
        ...influxAuth,
        ...topics,
        API_PORT: String(await freePort()),
        GRPC_PORT: String(await freePort()),
      });
      handlerKey = sut.standalone.generatedKeys!.handler;
    }, 240_000);

    afterAll(async () => {
      await sut?.close();
      const dlqs = [topics.TOPIC_TICKETS, topics.TOPIC_CELLS, topics.TOPIC_USAGE, topics.TOPIC_NETWORK_CONTEXT].map((t) => `${t}.dlq`);
      await deleteTopics([...Object.values(topics), ...dlqs]).catch(() => undefined);
      await new InfluxHttpClient({ url: influxTestUrl(), database: influxDatabase, timeoutMs: 15_000 })
        .query(`DROP DATABASE ${quoteIdentifier(influxDatabase)}`, { method: 'POST' })
        .catch(() => undefined);
      await dropDatabase(databaseUrl).catch(() => undefined);
    }, 60_000);

    it('runs nothing embedded', () => {
      expect(sut.standalone.defaulted).toEqual(['SIMULATOR_ENABLED']);
      expect(sut.standalone.demoDatabase).toBe(false);
    });

    it('correlates the same history to the same verdicts as the embedded run', async () => {
      expect(sut.history.ingestedBeforeTickets).toBe(true);
      expect(await sut.driver.waitForViews(sut.history, 150_000)).toBe(true);
      const realCauses = await causesByTicket(sut.baseUrl, handlerKey);
      const ticketIds = sut.history.tickets.map((t) => t.ticketId);
      expect(embeddedCauses).toBeDefined();
      const embedded = countByCause(embeddedCauses!, ticketIds);
      const real = countByCause(realCauses, ticketIds);
      expect(real).toEqual(embedded);
      const differing = ticketIds.filter((id) => realCauses.get(id) !== embeddedCauses!.get(id));
      expect(differing).toEqual([]);
    }, 200_000);
  });
});
