import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InfluxServer } from './influxd.server';
import { KafkaBrokerServer, REPO_ROOT } from './kafka-broker.server';
import { liveOwnedProcesses, startOrphanGuard, stopAllOwnedProcesses } from './owned-process';
import { PostgresServer } from './postgres.server';

/** Where the fault tests write figures (JSON per scenario) and the logs of every process they start. */
export const FAULTS_ARTIFACTS_DIR = join(REPO_ROOT, 'test-artifacts', 'faults');

/**
 * Kafka, InfluxDB and PostgreSQL of their own for one fault-test file, on free ports with data in a temporary
 * folder, so the tests can stop and start them without touching the shared stack. `stop()` ends every process the
 * file started (also the correlators) and removes the data; logs stay in test-artifacts/faults/logs/<name>.
 */
export class FaultStack {
  private constructor(
    readonly name: string,
    readonly dir: string,
    readonly logDir: string,
    readonly kafka: KafkaBrokerServer,
    readonly influx: InfluxServer,
    readonly postgres: PostgresServer,
    private readonly endGuard: () => void,
  ) {}

  /** Starts the three servers in parallel; on any failure stops what did start and rethrows. */
  static async start(name: string): Promise<FaultStack> {
    const dir = mkdtempSync(join(tmpdir(), `cellscope-faults-${name}-`));
    // PostgreSQL runs as user postgres when the tests run as root: it must be able to reach its folder.
    chmodSync(dir, 0o755);
    const logDir = join(FAULTS_ARTIFACTS_DIR, 'logs', name);
    rmSync(logDir, { recursive: true, force: true });
    mkdirSync(logDir, { recursive: true });
    const endGuard = startOrphanGuard(join(dir, 'pids'));
    const started = await Promise.allSettled([
      KafkaBrokerServer.start(join(dir, 'kafka'), join(logDir, 'kafka')),
      InfluxServer.start(join(dir, 'influxdb'), join(logDir, 'influxdb')),
      PostgresServer.start(join(dir, 'postgres'), join(logDir, 'postgres')),
    ]);
    const failed = started.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed.length > 0) {
      await stopAllOwnedProcesses();
      endGuard();
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`fault stack did not start:\n${failed.map((f) => `  - ${(f.reason as Error).message}`).join('\n')}`);
    }
    const [kafka, influx, postgres] = started.map((s) => (s as PromiseFulfilledResult<unknown>).value) as [
      KafkaBrokerServer,
      InfluxServer,
      PostgresServer,
    ];
    return new FaultStack(name, dir, logDir, kafka, influx, postgres, endGuard);
  }

  /** Kills whatever this file started that still runs, removes the data folder; returns what had to be killed. */
  async stop(): Promise<string[]> {
    const killed = await stopAllOwnedProcesses();
    this.endGuard();
    rmSync(this.dir, { recursive: true, force: true });
    return killed;
  }

  /** PIDs of the servers and processes still running (for messages). */
  describe(): string {
    return liveOwnedProcesses().join(', ') || 'none';
  }
}
