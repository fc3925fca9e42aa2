import { Logger } from '@nestjs/common';
import { Client, ClientConfig } from 'pg';
import { LeaderLock, LeadershipFence } from '../ports/leader-lock';
import { advisoryLockKey } from './advisory-lock-key';

/** Settings of PostgresAdvisoryLeaderLock. */
export interface PostgresAdvisoryLeaderLockOptions {
  /** Lock name; replicas that should exclude each other use the same name (on the same database). */
  name: string;
  /** `application_name` of the lock session (pg_stat_activity). */
  applicationName?: string;
  /** Client-side limit for connecting and for each query, ms (default 5000). */
  timeoutMs?: number;
}

const HOLDS_SQL = `
  SELECT count(*)::int AS held FROM pg_locks
  WHERE locktype = 'advisory' AND classid = $1 AND objid = $2 AND objsubid = 2 AND granted
    AND pid = pg_backend_pid() AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;

/**
 * LeaderLock on a PostgreSQL session advisory lock (`pg_try_advisory_lock(classId, objId)`), held on a dedicated
 * connection outside the pool. The server releases the lock the moment that session ends (process killed, connection
 * dropped), so another replica takes over at its next attempt. While leading, every acquire() asks the server whether
 * the session still holds the lock; the fence lets the leader's transactions check the same.
 */
export class PostgresAdvisoryLeaderLock extends LeaderLock {
  private readonly logger = new Logger(PostgresAdvisoryLeaderLock.name);
  private readonly key: { classId: number; objId: number };
  private client?: Client;
  private pid?: number;
  private held = false;
  private lastFailure?: string;

  constructor(
    private readonly connection: ClientConfig,
    private readonly options: PostgresAdvisoryLeaderLockOptions,
  ) {
    super();
    this.key = advisoryLockKey(options.name);
  }

  override async acquire(): Promise<boolean> {
    try {
      const client = await this.session();
      if (this.held) {
        const { rows } = await client.query<{ held: number }>(HOLDS_SQL, [this.key.classId, this.key.objId]);
        if (rows[0]?.held === 1) return true;
        this.logger.warn(`lock session ${this.pid} lost leader lock "${this.options.name}"`);
        this.held = false;
      }
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', [
        this.key.classId,
        this.key.objId,
      ]);
      this.held = rows[0]?.locked === true;
      if (this.held) this.logger.log(`became leader ("${this.options.name}", lock session ${this.pid})`);
      this.lastFailure = undefined;
      return this.held;
    } catch (error) {
      const message = (error as Error).message;
      if (message !== this.lastFailure) this.logger.warn(`leader lock unavailable: ${message}`);
      this.lastFailure = message;
      await this.dropSession();
      return false;
    }
  }

  override fence(): LeadershipFence | undefined {
    if (!this.held || this.pid === undefined) return undefined;
    return { ...this.key, holderPid: this.pid };
  }

  override async release(): Promise<void> {
    const wasHeld = this.held;
    await this.dropSession();
    if (wasHeld) this.logger.log(`released leader lock "${this.options.name}"`);
  }

  /** The backend pid of the lock session, while connected (tests kill it to simulate a crash). */
  get sessionPid(): number | undefined {
    return this.pid;
  }

  private async session(): Promise<Client> {
    if (this.client) return this.client;
    const timeoutMs = this.options.timeoutMs ?? 5000;
    const client = new Client({
      ...this.connection,
      application_name: this.options.applicationName ?? 'cellscope-leader-lock',
      connectionTimeoutMillis: timeoutMs,
      query_timeout: timeoutMs,
      keepAlive: true,
    });
    // A dropped session loses the lock on the server at once; stop believing we lead.
    client.on('error', (error) => {
      this.logger.warn(`lock session error: ${error.message}`);
      if (this.client === client) void this.dropSession();
    });
    client.on('end', () => {
      if (this.client === client) {
        this.held = false;
        this.client = undefined;
        this.pid = undefined;
      }
    });
    await client.connect();
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    this.client = client;
    this.pid = rows[0]?.pid;
    return client;
  }

  private async dropSession(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.pid = undefined;
    this.held = false;
    // Ending the session releases the lock on the server.
    if (client) await client.end().catch(() => undefined);
  }
}
