import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { checkPostgres } from '../../support/stack';
import { freePort } from './free-port';
import { OwnedProcess, ProcessExit } from './owned-process';
import { waitFor } from './wait-for';

const run = promisify(execFile);

/** The machine's PostgreSQL binaries: PG_BIN_DIR, else the newest /usr/lib/postgresql/<version>/bin. */
export function postgresBinDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PG_BIN_DIR) return env.PG_BIN_DIR;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'postgres')) && existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error(
      'The fault tests start their own PostgreSQL from the machine binaries (/usr/lib/postgresql/<version>/bin/initdb and postgres), ' +
        'but none are installed. Install the postgresql package or set PG_BIN_DIR to a folder with initdb and postgres.',
    );
  }
  return join(root, versions[0], 'bin');
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** PostgreSQL refuses to run as root: as root, run the binaries as the system user `postgres` (setpriv execs, so the PID is the server's). */
function asServerUser(command: string, args: string[]): { command: string; args: string[] } {
  if (!isRoot()) return { command, args };
  return { command: 'setpriv', args: ['--reuid=postgres', '--regid=postgres', '--init-groups', '--', command, ...args] };
}

/**
 * A PostgreSQL server of the fault tests: a cluster initialised in `dir` (trust authentication, user postgres), on a
 * free loopback port, no Unix socket. Stopped (fast shutdown) and started by PID.
 */
export class PostgresServer {
  private process?: OwnedProcess;
  private starts = 0;

  private constructor(
    readonly dir: string,
    readonly logDir: string,
    readonly port: number,
    private readonly binDir: string,
  ) {}

  /** URL of a database on this server (default the maintenance database). */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  get pid(): number | undefined {
    return this.process?.running ? this.process.pid : undefined;
  }

  static async start(dir: string, logDir: string): Promise<PostgresServer> {
    const binDir = postgresBinDir();
    const server = new PostgresServer(dir, logDir, await freePort(), binDir);
    await server.initdb();
    await server.startProcess();
    return server;
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  private async initdb(): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    if (isRoot()) {
      // The server user owns the cluster folder (its parents must be traversable: see FaultStack).
      chmodSync(this.dir, 0o700);
      await run('chown', ['-R', 'postgres:postgres', this.dir]);
    }
    const { command, args } = asServerUser(join(this.binDir, 'initdb'), [
      '-D',
      this.dataDir,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--no-locale',
      '--no-sync',
    ]);
    try {
      await run(command, args, { timeout: 120_000 });
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string; message: string };
      throw new Error(`initdb failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    }
  }

  private async startProcess(): Promise<void> {
    this.starts += 1;
    const { command, args } = asServerUser(join(this.binDir, 'postgres'), [
      '-D',
      this.dataDir,
      '-p',
      String(this.port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=100',
      // A test cluster: durability against power loss is not what these tests check (the server is stopped cleanly).
      '-c',
      'fsync=off',
      '-c',
      'full_page_writes=off',
    ]);
    const process = OwnedProcess.start({ name: `postgres#${this.starts}`, command, args, logFile: join(this.logDir, 'postgres.log') });
    this.process = process;
    await process.whileRunning(
      waitFor(async () => (await checkPostgres(this.url(), 2000)).ok, { what: `PostgreSQL on port ${this.port}`, timeoutMs: 60_000 }),
      'starting',
    );
  }

  /** Stops the server: SIGINT is PostgreSQL's fast shutdown (clients are disconnected, then a clean stop). */
  async stop(signal: NodeJS.Signals = 'SIGINT', timeoutMs = 60_000): Promise<ProcessExit & { forced: boolean }> {
    if (!this.process) throw new Error('PostgreSQL was never started');
    return this.process.stop(signal, timeoutMs);
  }

  async restart(): Promise<void> {
    if (this.process?.running) throw new Error(`PostgreSQL still running (PID ${this.process.pid})`);
    await this.startProcess();
  }
}
