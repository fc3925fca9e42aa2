import { ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chown, lchown, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { AppConfig } from '@cellscope/config';
import { EMBEDDED_POSTGRES_HOST_SCRIPT } from './embedded-postgres.host-script';
import { databaseNameOf } from './postgres-url';

const execFileAsync = promisify(execFile);

/** Where the generated superuser password is kept, inside the data directory. */
const PASSWORD_FILE = 'cellscope-password';
const SUPERUSER = 'postgres';

/** Settings of an embedded PostgreSQL server. */
export interface EmbeddedPostgresOptions {
  /** Data directory (relative paths are resolved against the working directory). Initialised once, then reused. */
  dataDir: string;
  port: number;
  /** Database the returned URL names (created by ensureDatabaseExists, not here). Default `cellscope`. */
  database?: string;
  /** OS user PostgreSQL runs as when this process is root. Default `postgres`. */
  osUser?: string;
  /** Gives up when initialise + start take longer. Default 60 s. */
  startTimeoutMs?: number;
  /**
   * false: no fsync at all (initdb --no-sync, fsync/full_page_writes/synchronous_commit off) — only for
   * throw-away clusters in tests, where a crash may lose data. Default true.
   */
  durable?: boolean;
}

interface OsUser {
  uid: number;
  gid: number;
}

type HostMessage =
  | { type: 'initialised' | 'ready' | 'stopped' }
  | { type: 'failed'; message: string; log: string };

/**
 * A real PostgreSQL started from the binaries of the `embedded-postgres` package (CELLSCOPE_DATABASE=embedded).
 *
 * - The data directory is initialised on the first start (superuser `postgres`, scram-sha-256, a random password
 *   kept in `<dataDir>/cellscope-password`) and reused by later starts.
 * - The server listens on 127.0.0.1:<port> only.
 * - PostgreSQL refuses to run as root. When this process is root, the package runs the server as the OS user
 *   `postgres` (which must exist), so that user must own the data directory: this class creates the data directory
 *   and `chown`s it (recursively if an earlier run left it with another owner), and also chowns the parent
 *   directories it had to create. A pre-existing parent is left alone (the server only needs to traverse it).
 * - The package is an ES module, so it runs in a small child Node.js process (see embedded-postgres.host-script);
 *   if this process dies, that child stops PostgreSQL.
 */
export class EmbeddedPostgresServer {
  private host: ChildProcess | undefined;
  private connectionUrl: string | undefined;
  private readonly dataDir: string;

  constructor(private readonly options: EmbeddedPostgresOptions) {
    this.dataDir = resolve(options.dataDir);
  }

  /** Server for AppConfig: EMBEDDED_PG_DIR, EMBEDDED_PG_PORT and the database name of DATABASE_URL. */
  static fromConfig(config: AppConfig): EmbeddedPostgresServer {
    return new EmbeddedPostgresServer({
      dataDir: config.EMBEDDED_PG_DIR,
      port: config.EMBEDDED_PG_PORT,
      database: databaseNameOf(config.DATABASE_URL),
    });
  }

  /** The connection URL while running, else null. */
  get url(): string | null {
    return this.connectionUrl ?? null;
  }

  /** Initialises the data directory if needed, starts PostgreSQL and returns the URL of the configured database. */
  async start(): Promise<string> {
    if (this.connectionUrl !== undefined) return this.connectionUrl;
    const owner = await this.serverOwner();
    await this.prepareDataDir(owner);
    const initialised = existsSync(join(this.dataDir, 'PG_VERSION'));
    const password = initialised ? await this.readPassword() : randomBytes(24).toString('base64url');
    const durable = this.options.durable ?? true;
    const packageOptions = {
      databaseDir: this.dataDir,
      port: this.options.port,
      user: SUPERUSER,
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      initdbFlags: ['--encoding=UTF8', ...(durable ? [] : ['--no-sync'])],
      // TCP on the loopback only; no Unix socket (nothing here uses one, and /tmp may not be writable for it).
      postgresFlags: [
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        ...(durable ? [] : ['-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'synchronous_commit=off']),
      ],
    };
    const moduleUrl = pathToFileURL(require.resolve('embedded-postgres')).href;
    const deadline = Date.now() + (this.options.startTimeoutMs ?? 60_000);

    this.host = spawn(process.execPath, ['--input-type=module', '-e', EMBEDDED_POSTGRES_HOST_SCRIPT], {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    try {
      if (!initialised) {
        await this.request({ type: 'initialise', moduleUrl, options: packageOptions }, 'initialised', deadline);
        const passwordFile = join(this.dataDir, PASSWORD_FILE);
        await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
        if (owner !== undefined) await chown(passwordFile, owner.uid, owner.gid);
      }
      await this.request({ type: 'start', moduleUrl, options: packageOptions }, 'ready', deadline);
    } catch (error) {
      await this.killHost();
      const hint = owner === undefined ? '' : await this.traversalHint(owner);
      throw new Error(`Embedded PostgreSQL in ${this.dataDir} (port ${this.options.port}) failed: ${String(error)}${hint}`);
    }
    // A running server must not keep this process alive on its own; stop() or this process's exit ends it.
    this.host.unref();
    this.host.channel?.unref();
    const database = encodeURIComponent(this.options.database ?? 'cellscope');
    this.connectionUrl = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${this.options.port}/${database}`;
    return this.connectionUrl;
  }

  /** Stops PostgreSQL (fast shutdown) and its host process; the data directory stays. */
  async stop(): Promise<void> {
    const host = this.host;
    if (host === undefined) return;
    this.connectionUrl = undefined;
    try {
      if (host.connected) await this.request({ type: 'stop' }, 'stopped', Date.now() + 30_000);
    } catch {
      // Fall through: the host is terminated below.
    }
    await this.killHost();
  }

  private request(message: object, expected: HostMessage['type'], deadline: number): Promise<void> {
    const host = this.host;
    if (host === undefined) return Promise.reject(new Error('embedded PostgreSQL host is not running'));
    host.ref();
    host.channel?.ref();
    return new Promise<void>((resolvePromise, reject) => {
      let stderr = '';
      const onStderr = (chunk: Buffer) => {
        stderr = (stderr + chunk.toString('utf8')).slice(-4000);
      };
      const cleanup = () => {
        clearTimeout(timer);
        host.off('message', onMessage);
        host.off('exit', onExit);
        host.stderr?.off('data', onStderr);
      };
      const onMessage = (reply: HostMessage) => {
        if (reply.type === expected) {
          cleanup();
          resolvePromise();
        } else if (reply.type === 'failed') {
          cleanup();
          reject(new Error(`${reply.message}${reply.log ? `\n${reply.log}` : ''}`));
        }
      };
      const onExit = (code: number | null, signal: string | null) => {
        cleanup();
        reject(new Error(`host process exited (code ${code}, signal ${signal}) ${stderr}`.trim()));
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no '${expected}' within the time limit`));
      }, Math.max(0, deadline - Date.now()));
      host.on('message', onMessage);
      host.on('exit', onExit);
      host.stderr?.on('data', onStderr);
      host.send(message);
    });
  }

  private async killHost(): Promise<void> {
    const host = this.host;
    this.host = undefined;
    this.connectionUrl = undefined;
    if (host === undefined || host.exitCode !== null || host.signalCode !== null) return;
    const exited = new Promise<void>((resolvePromise) => host.once('exit', () => resolvePromise()));
    // SIGTERM lets the package's exit hook stop PostgreSQL before the host exits.
    host.kill('SIGTERM');
    const timer = setTimeout(() => host.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }

  /** The OS user PostgreSQL will run as, when this process is root (else the server runs as this process's user). */
  private async serverOwner(): Promise<OsUser | undefined> {
    if (process.getuid?.() !== 0) return undefined;
    const name = this.options.osUser ?? 'postgres';
    try {
      const [uid, gid] = await Promise.all([
        execFileAsync('id', ['-u', name]).then((r) => Number.parseInt(r.stdout, 10)),
        execFileAsync('id', ['-g', name]).then((r) => Number.parseInt(r.stdout, 10)),
      ]);
      return { uid, gid };
    } catch {
      throw new Error(
        `Embedded PostgreSQL cannot run as root and there is no OS user '${name}' to run it as: ` +
          `create one (e.g. 'useradd --system ${name}') or start cellscope as a non-root user.`,
      );
    }
  }

  private async prepareDataDir(owner: OsUser | undefined): Promise<void> {
    const parent = dirname(this.dataDir);
    const firstCreated = await mkdir(parent, { recursive: true });
    await mkdir(this.dataDir, { recursive: true });
    if (owner === undefined) return;
    if (firstCreated !== undefined) {
      // Parents this call created belong to the server user too (never a pre-existing parent such as /tmp).
      for (let dir = parent; dir.startsWith(firstCreated); dir = dirname(dir)) {
        await chown(dir, owner.uid, owner.gid);
        if (dir === firstCreated) break;
      }
    }
    const current = await stat(this.dataDir);
    if (current.uid !== owner.uid) await chownTree(this.dataDir, owner);
  }

  private async readPassword(): Promise<string> {
    try {
      return (await readFile(join(this.dataDir, PASSWORD_FILE), 'utf8')).trim();
    } catch {
      throw new Error(
        `${this.dataDir} holds a PostgreSQL cluster that cellscope did not create (no ${PASSWORD_FILE}); ` +
          'point EMBEDDED_PG_DIR at an empty or cellscope-made directory.',
      );
    }
  }

  /** Explains a likely cause of failure: an ancestor directory the server user cannot traverse. */
  private async traversalHint(owner: OsUser): Promise<string> {
    for (let dir = dirname(this.dataDir); ; dir = dirname(dir)) {
      const info = await stat(dir).catch(() => undefined);
      if (info !== undefined) {
        const searchable =
          (info.mode & 0o001) !== 0 ||
          (info.uid === owner.uid && (info.mode & 0o100) !== 0) ||
          (info.gid === owner.gid && (info.mode & 0o010) !== 0);
        if (!searchable) return ` (hint: the server's OS user cannot traverse ${dir}; chmod o+x it or move EMBEDDED_PG_DIR)`;
      }
      if (dirname(dir) === dir) return '';
    }
  }
}

/** chown -R without following symbolic links. */
async function chownTree(path: string, owner: OsUser): Promise<void> {
  await lchown(path, owner.uid, owner.gid);
  const info = await stat(path);
  if (!info.isDirectory()) return;
  for (const entry of await readdir(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) await chownTree(child, owner);
    else await lchown(child, owner.uid, owner.gid);
  }
}
