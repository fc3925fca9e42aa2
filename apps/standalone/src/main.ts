import { setFlagsFromString } from 'node:v8';
import { ConfigError } from '@cellscope/config';
import { VERDICT_CAUSES } from '@cellscope/domain';
import { NetworkViewRepository } from '@cellscope/persistence';
import { resetEmbeddedDemoDatabase, SimulationDriver, SimulationStoppedError } from '@cellscope/simulator/embedded';
import { startStandaloneApp } from './create-standalone-app';
import { formatStartupBanner, panelUrl } from './startup-banner';
import { StandaloneConfig, standaloneConfig } from './standalone-config';

/** How long the ready line waits for the history's tickets to be correlated. */
const HISTORY_CORRELATION_TIMEOUT_MS = 10 * 60_000;

const print = (text: string) => process.stdout.write(`${text}\n`);

/**
 * The standalone process holds the whole simulated network; its start-up burst (150,000 usage records through the
 * ingest path) leaves much short-lived garbage in the old generation, and V8's default lets that generation grow
 * to several times the live set before a full collection (over 500 MB RSS for about 130 MB live). Growing it by
 * at most 50 % keeps RSS near 1.5× the live set. V8 reads this flag whenever it sizes the heap, so it takes effect
 * when set at run time; a value given on the command line wins.
 */
function limitHeapGrowth(): void {
  if (!process.execArgv.some((arg) => arg.startsWith('--heap-growing-percent'))) setFlagsFromString('--heap-growing-percent=50');
}

/** Loads the configuration with the embedded defaults; a bad variable stops the process (exit 2) naming it. */
function configure(): StandaloneConfig {
  try {
    return standaloneConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

/**
 * `npm start`: cellscope in one process on embedded defaults (embedded PostgreSQL, in-process bus, in-memory KPI
 * store, simulator), each switchable to the real service by its setting. Prints where to open it, then the moment
 * the simulated history's tickets are correlated.
 */
async function main(): Promise<void> {
  const started = Date.now();
  limitHeapGrowth();
  const standalone = configure();
  const { config } = standalone;
  if (standalone.demoDatabase && (await resetEmbeddedDemoDatabase(config))) print('cellscope: embedded demo database reset for the new simulated history');
  const app = await startStandaloneApp(config);
  print(formatStartupBanner(standalone));
  if (!config.SIMULATOR_ENABLED) return;

  const driver = app.get(SimulationDriver);
  try {
    const history = await driver.start();
    print(`cellscope: simulated history delivered (${history.tickets.length} tickets, ${history.ticketEvents} versions); correlating…`);
    if (!(await driver.waitForViews(history, HISTORY_CORRELATION_TIMEOUT_MS))) return;
    const views = app.get(NetworkViewRepository);
    const counts = await Promise.all(VERDICT_CAUSES.map(async (cause) => [cause, (await views.search({ cause, from: history.from, limit: 1, offset: 0 })).total] as const));
    const total = counts.reduce((sum, [, n]) => sum + n, 0);
    print(
      `cellscope: ready after ${((Date.now() - started) / 1000).toFixed(1)} s, ${total} tickets correlated ` +
        `(${counts.map(([cause, n]) => `${cause} ${n}`).join(', ')}); live data keeps coming. Open ${panelUrl(standalone)}`,
    );
  } catch (error) {
    if (error instanceof SimulationStoppedError) return;
    // The simulation could not deliver (e.g. a real Kafka or InfluxDB is unreachable): stop cleanly, then fail.
    await app.close().catch(() => undefined);
    throw error;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`cellscope standalone failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
