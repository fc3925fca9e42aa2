import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import { VERDICT_CAUSES, VerdictCause } from '@cellscope/domain';
import { SimulationClock, SimulationDriver, SimulationHistory } from '@cellscope/simulator/embedded';
import { startStandaloneApp } from '../../../../apps/standalone/src/create-standalone-app';
import { StandaloneConfig, standaloneConfig } from '../../../../apps/standalone/src/standalone-config';

/** Seed and simulated present both runs share, so they build the very same scenario. */
export const SIM_SEED = '42';
/**
 * The simulated present of the test runs: a time after which the simulated network stays quiet (no PM file, usage
 * block or ticket arrives) for over ten minutes, so both runs correlate the history on exactly the same data however
 * long they take. The spec checks this precondition.
 */
export const SIM_NOW = new Date('2026-03-04T13:30:00Z');

/** Log lines of the app under test (kept out of the test output). */
export class CapturedLines {
  readonly lines: string[] = [];
  write(line: string): void {
    this.lines.push(line);
  }
}

/** A running standalone app and its simulation. */
export interface StandaloneTestApp {
  app: NestExpressApplication;
  standalone: StandaloneConfig;
  baseUrl: string;
  driver: SimulationDriver;
  history: SimulationHistory;
  log: CapturedLines;
  /** Closes the app as SIGTERM would (idempotent), then removes the cleanup folders. */
  close(): Promise<void>;
}

/**
 * Starts the standalone app exactly as main.ts does (standaloneConfig on the given environment, startStandaloneApp,
 * then the simulation driver), on a SimulationClock that starts at SIM_NOW and runs at real speed.
 * `cleanupDirs` are removed after close().
 */
export async function startStandaloneTestApp(env: NodeJS.ProcessEnv, cleanupDirs: string[] = []): Promise<StandaloneTestApp> {
  const standalone = standaloneConfig({ SIMULATOR_SEED: SIM_SEED, LOG_LEVEL: 'warn', API_HOST: '127.0.0.1', ...env });
  const log = new CapturedLines();
  const app = await startStandaloneApp(standalone.config, { clock: new SimulationClock({ start: SIM_NOW, speed: 1 }), logDestination: log });
  const driver = app.get(SimulationDriver);
  let history: SimulationHistory;
  try {
    history = await driver.start();
  } catch (error) {
    await app.close();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    app,
    standalone,
    baseUrl: `http://127.0.0.1:${standalone.config.API_PORT}`,
    driver,
    history,
    log,
    close() {
      closing ??= app.close().then(() => {
        for (const dir of cleanupDirs) rmSync(dir, { recursive: true, force: true });
      });
      return closing;
    },
  };
}

/** GET on the REST API with an API key; fails on any status but 200. */
export async function getJson<T>(baseUrl: string, path: string, key: string): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { 'X-API-Key': key, Accept: 'application/json' } });
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

interface TicketPage {
  total: number;
  items: { ticketId: string; cause: VerdictCause }[];
}

/** Number of correlated tickets (views) the API lists. */
export async function viewCount(baseUrl: string, key: string): Promise<number> {
  return (await getJson<TicketPage>(baseUrl, '/api/v1/tickets?limit=1', key)).total;
}

/** The verdict cause of every listed ticket, read through `GET /api/v1/tickets?cause=…` page by page. */
export async function causesByTicket(baseUrl: string, key: string): Promise<Map<string, VerdictCause>> {
  const causes = new Map<string, VerdictCause>();
  for (const cause of VERDICT_CAUSES) {
    for (let page = 1; ; page++) {
      const body = await getJson<TicketPage>(baseUrl, `/api/v1/tickets?cause=${cause}&limit=100&page=${page}`, key);
      for (const item of body.items) {
        if (item.cause !== cause) throw new Error(`GET ?cause=${cause} listed ${item.ticketId} with cause ${item.cause}`);
        causes.set(item.ticketId, cause);
      }
      if (page * 100 >= body.total) break;
    }
  }
  return causes;
}

/** Per-cause counts of the given tickets. */
export function countByCause(causes: ReadonlyMap<string, VerdictCause>, ticketIds: Iterable<string>): Record<VerdictCause, number> {
  const counts = Object.fromEntries(VERDICT_CAUSES.map((c) => [c, 0])) as Record<VerdictCause, number>;
  for (const id of ticketIds) {
    const cause = causes.get(id);
    if (cause) counts[cause]++;
  }
  return counts;
}

/** Polls until the condition holds; fails after timeoutMs with the last value seen. */
export async function waitUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms (last: ${JSON.stringify(value)})`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** A folder under the repository's `.data/` for one test run. */
export function testDataDir(name: string): string {
  return join(__dirname, '..', '..', '..', '..', '.data', name);
}
