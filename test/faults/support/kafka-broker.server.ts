import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { checkKafka } from '../../support/stack';
import { freePort } from './free-port';
import { logTail, OwnedProcess, ProcessExit } from './owned-process';
import { waitFor } from './wait-for';

const run = promisify(execFile);

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/** Where deploy/local/up leaves the broker jars it resolved with Maven (CELLSCOPE_STACK_DIR or .stack). */
export function kafkaJarsDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.CELLSCOPE_STACK_DIR ?? join(REPO_ROOT, '.stack'), 'kafka', 'libs');
}

/** Fails with what to do when the broker jars are not there. */
export function assertKafkaJars(dir: string): void {
  const complete = existsSync(join(dir, '.complete'));
  const broker = existsSync(dir) && readdirSync(dir).some((name) => /^kafka_2\.13-.*\.jar$/.test(name));
  if (!complete || !broker) {
    throw new Error(
      `The fault tests start their own Kafka broker from the jars deploy/local/up resolves with Maven, but ${dir} ` +
        `has ${broker ? 'no .complete marker' : 'no kafka_2.13-*.jar'}. Run deploy/local/up (npm run stack:up) once, ` +
        'or set CELLSCOPE_STACK_DIR to the stack folder that holds kafka/libs.',
    );
  }
}

/** A Kafka cluster id: 16 random bytes, URL-safe base64 without padding, not starting with '-' (as Kafka makes them). */
function clusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/**
 * A single-node KRaft Kafka broker of the fault tests: its own ports, data and logs under `dir`, the configuration
 * rendered from deploy/kafka/server.properties.template, storage formatted once. Stopped and started by PID.
 */
export class KafkaBrokerServer {
  private process?: OwnedProcess;
  private starts = 0;

  private constructor(
    readonly dir: string,
    readonly logDir: string,
    readonly port: number,
    readonly controllerPort: number,
    private readonly jars: string,
  ) {}

  /** `127.0.0.1:<port>`, as KAFKA_BROKERS and kafkajs take it. */
  get brokers(): string[] {
    return [`127.0.0.1:${this.port}`];
  }

  get pid(): number | undefined {
    return this.process?.running ? this.process.pid : undefined;
  }

  /** Formats the storage in `dir` and starts the broker; resolves once it answers and its first-use work is done. */
  static async start(dir: string, logDir: string): Promise<KafkaBrokerServer> {
    const jars = kafkaJarsDir();
    assertKafkaJars(jars);
    const server = new KafkaBrokerServer(dir, logDir, await freePort(), await freePort(), jars);
    await server.format();
    await server.startProcess();
    return server;
  }

  private jvm(heap: string[]): string[] {
    return [
      ...heap,
      '-XX:+UseG1GC',
      '-XX:MaxGCPauseMillis=20',
      '-Djava.awt.headless=true',
      `-Dlog4j.configuration=file:${join(REPO_ROOT, 'deploy', 'kafka', 'log4j.properties')}`,
      `-Dkafka.logs.dir=${this.logDir}`,
      '-cp',
      `${this.jars}/*`,
    ];
  }

  private get propertiesFile(): string {
    return join(this.dir, 'server.properties');
  }

  private async format(): Promise<void> {
    mkdirSync(join(this.dir, 'data'), { recursive: true });
    mkdirSync(this.logDir, { recursive: true });
    const template = readFileSync(join(REPO_ROOT, 'deploy', 'kafka', 'server.properties.template'), 'utf8');
    const rendered = template
      .replaceAll('@KAFKA_PORT@', String(this.port))
      .replaceAll('@CONTROLLER_PORT@', String(this.controllerPort))
      .replaceAll('@LOG_DIR@', join(this.dir, 'data'));
    writeFileSync(this.propertiesFile, rendered);
    try {
      await run('java', [...this.jvm(['-Xmx256m']), 'kafka.tools.StorageTool', 'format', '-t', clusterId(), '-c', this.propertiesFile], {
        timeout: 120_000,
      });
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string; message: string };
      throw new Error(`Kafka StorageTool format failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    }
  }

  private async startProcess(): Promise<void> {
    this.starts += 1;
    const logFile = join(this.logDir, `kafka.out`);
    const process = OwnedProcess.start({
      name: `kafka#${this.starts}`,
      command: 'java',
      args: [...this.jvm(['-Xmx512m', '-Xms256m']), 'kafka.Kafka', this.propertiesFile],
      logFile,
    });
    this.process = process;
    await process.whileRunning(
      waitFor(async () => (await checkKafka(this.brokers, 3000)).ok, { what: `Kafka on ${this.brokers[0]}`, timeoutMs: 120_000, intervalMs: 500 }),
      'starting',
    );
    // The group-offsets topic and a block of producer ids, before the first consumer or idempotent producer needs them.
    try {
      await run(globalThis.process.execPath, [join(REPO_ROOT, 'deploy', 'local', 'kafka-ready.mjs'), this.brokers[0], '5000', '--warm-up'], {
        cwd: REPO_ROOT,
        timeout: 90_000,
      });
    } catch (error) {
      throw new Error(`Kafka warm-up on ${this.brokers[0]} failed: ${(error as Error).message}\n${logTail(logFile)}`);
    }
  }

  /** Stops the broker (SIGTERM: controlled shutdown; SIGKILL: crash) and waits for the exit. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 60_000): Promise<ProcessExit & { forced: boolean }> {
    if (!this.process) throw new Error('Kafka broker was never started');
    return this.process.stop(signal, timeoutMs);
  }

  /** Starts the broker again on the same ports and data. */
  async restart(): Promise<void> {
    if (this.process?.running) throw new Error(`Kafka broker still running (PID ${this.process.pid})`);
    await this.startProcess();
  }
}
