import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { AppConfig, loadConfig } from '@cellscope/config';
import { KpiWriter } from '@cellscope/kpi';
import { CellRepository, NetworkViewRepository, TicketRepository } from '@cellscope/persistence';
import { createTestDatabase, TestDatabase } from '@cellscope/testing/postgres-test-database';
import { createApiApp } from '../../../../apps/api/src/create-api-app';
import { ApiScenario } from './api-scenario';

/** The API keys every test app accepts, one per role. */
export const TEST_KEYS = {
  handler: 'handler-key-7f3a9c',
  noc: 'noc-key-51be02d4',
  admin: 'admin-key-c0ffee42',
} as const;

/** A port the OS reports free right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Log lines the app wrote (JSON, one per entry). */
export class CapturedLog {
  readonly lines: string[] = [];
  write(line: string): void {
    this.lines.push(line);
  }
  get text(): string {
    return this.lines.join('');
  }
}

/** Options of startApiTestApp. */
export interface ApiTestAppOptions {
  /** Environment overrides (strings, as in the real environment). */
  env?: Record<string, string>;
  /** Rewrites the URL of the app's fresh database before the app gets it (e.g. to add a password). */
  databaseUrl?: (url: string) => string;
}

/** A running API (HTTP + gRPC) on its own PostgreSQL database. */
export interface ApiTestApp {
  app: INestApplication;
  config: AppConfig;
  baseUrl: string;
  grpcAddress: string;
  log: CapturedLog;
  database: TestDatabase;
  views: NetworkViewRepository;
  tickets: TicketRepository;
  cells: CellRepository;
  kpiWriter: KpiWriter;
  /** Stores the scenario's cells, ticket, KPI intervals and view through the app's own adapters (sets its complaintNo). */
  seed(scenario: ApiScenario): Promise<void>;
  close(): Promise<void>;
}

/** A suffix for ids, topics and databases no other test run uses. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`.toUpperCase();
}

/**
 * Starts the real API app (createApiApp, as main.ts does) against a fresh PostgreSQL database, the in-memory KPI
 * store and the in-process bus unless `env` says otherwise, on free ports, with logs captured.
 */
export async function startApiTestApp(options: ApiTestAppOptions = {}): Promise<ApiTestApp> {
  const database = await createTestDatabase('api');
  const [apiPort, grpcPort] = [await freePort(), await freePort()];
  const config = loadConfig({
    DATABASE_URL: options.databaseUrl ? options.databaseUrl(database.url) : database.url,
    DATABASE_POOL_SIZE: '4',
    CELLSCOPE_KPI_STORE: 'memory',
    CELLSCOPE_BUS: 'memory',
    CELLSCOPE_API_KEYS: `${TEST_KEYS.handler}:handler,${TEST_KEYS.noc}:noc,${TEST_KEYS.admin}:admin`,
    API_HOST: '127.0.0.1',
    API_PORT: String(apiPort),
    GRPC_PORT: String(grpcPort),
    LOG_LEVEL: 'info',
    ...options.env,
  });
  const log = new CapturedLog();
  let app: INestApplication | undefined;
  try {
    app = await createApiApp(config, { logDestination: log });
    await app.startAllMicroservices();
    await app.listen(config.API_PORT, config.API_HOST);
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.drop();
    throw error;
  }
  const running = app;
  const views = running.get(NetworkViewRepository);
  const tickets = running.get(TicketRepository);
  const cells = running.get(CellRepository);
  const kpiWriter = running.get(KpiWriter);
  return {
    app: running,
    config,
    baseUrl: `http://127.0.0.1:${config.API_PORT}`,
    grpcAddress: `127.0.0.1:${config.GRPC_PORT}`,
    log,
    database,
    views,
    tickets,
    cells,
    kpiWriter,
    async seed(scenario) {
      await cells.upsertMany(scenario.cells);
      // The ticket store assigns the complaint number; the view carries the same one (1:1 mapping).
      const { complaintNo } = await tickets.upsert(scenario.ticket);
      scenario.complaintNo = complaintNo;
      scenario.view.complaintNo = complaintNo;
      await kpiWriter.write(scenario.intervals);
      await views.save(scenario.view);
    },
    async close() {
      await running.close();
      await database.drop();
    },
  };
}
