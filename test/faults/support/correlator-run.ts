import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeIdentifier, Pool } from 'pg';
import { deadLetterTopicOf } from '@cellscope/contracts';
import type { NetworkView } from '@cellscope/domain';
import { KafkaMessagePublisher } from '@cellscope/messaging';
import { hashNetworkView } from '@cellscope/persistence';
import { MessageScenarioSink } from '@cellscope/simulator';
import { createTopics } from '@cellscope/testing/kafka-test-topics';
import { CorrelatorProcess } from './correlator.process';
import { FaultSuite } from './fault-suite';
import { freePort } from './free-port';
import { committedOffsets, PartitionOffsets, readTopic } from './kafka-topic-reader';
import { waitFor } from './wait-for';

/** A ticket version on the input topic, where it sits. */
export interface TicketMessage {
  partition: number;
  offset: number;
  ticketId: string;
  version: number;
}

/** How far a run is, from PostgreSQL. */
export interface RunProgress {
  /** Tickets whose view is at the ticket's newest version. */
  current: number;
  /** Of those, FINAL. */
  final: number;
  /** Rows in network_views. */
  views: number;
  /** Tickets on the re-correlation schedule. */
  scheduled: number;
}

/** One stored view. */
export interface StoredView {
  ticketVersion: number;
  status: string;
  verdictCause: string;
  documentHash: string;
  document: NetworkView;
}

/** What the output topic holds, checked against the stored views. */
export interface OutputTopicCheck {
  messages: number;
  /** Tickets with at least one message. */
  tickets: number;
  /** Tickets with a view but no message. */
  missing: string[];
  /** Tickets whose newest message is not the stored view (content without correlatedAt). */
  stale: string[];
  /** Messages that repeat the content of the message before them for the same ticket (at-least-once duplicates). */
  repeated: number;
}

/** Fields a comparison with another run leaves out, besides correlatedAt. */
export type RunDependentField = 'complaintNo' | 'kpiDataThrough';

/**
 * The content of a view that two runs over the same input must agree on: the document without correlatedAt
 * (as the stored hash) and without the fields given (complaintNo comes from a sequence in arrival order).
 */
export function viewFingerprint(view: NetworkView, leaveOut: readonly RunDependentField[] = ['complaintNo']): string {
  const copy: NetworkView = { ...view };
  if (leaveOut.includes('complaintNo')) copy.complaintNo = '';
  if (leaveOut.includes('kpiDataThrough')) copy.kpiDataThrough = null;
  return hashNetworkView(copy);
}

/** Options of one run. */
export interface CorrelatorRunOptions {
  /** InfluxDB database the correlator reads (default the suite's complete one). */
  kpiDatabase?: string;
  /** Extra cellscope settings for the correlator. */
  settings?: Record<string, string>;
}

const sanitize = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '_');

/**
 * One run of the real correlator over the suite's input, isolated from other runs: a database copied from the
 * template, topics and a consumer group of its own. The ticket versions are produced before the correlator starts,
 * so all of them are in flight at once.
 */
export class CorrelatorRun {
  readonly correlators: CorrelatorProcess[] = [];
  private readonly pool: Pool;

  private constructor(
    readonly suite: FaultSuite,
    readonly name: string,
    readonly database: string,
    readonly topics: { tickets: string; cells: string; usage: string; context: string; sms: string },
    readonly groupId: string,
    readonly ticketMessages: TicketMessage[],
    readonly settings: Record<string, string>,
  ) {
    this.pool = new Pool({ connectionString: suite.stack.postgres.url(database), max: 2, connectionTimeoutMillis: 3000 });
    // Connections die when the tests stop PostgreSQL; the next query opens a new one.
    this.pool.on('error', () => undefined);
  }

  /** Creates the database, topics and group, and produces every ticket version of the input. */
  static async create(suite: FaultSuite, name: string, options: CorrelatorRunOptions = {}): Promise<CorrelatorRun> {
    const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
    const database = `faults_${sanitize(name)}_${suffix}`;
    const admin = new Pool({ connectionString: suite.stack.postgres.url(), max: 1 });
    try {
      await admin.query(`CREATE DATABASE ${escapeIdentifier(database)} TEMPLATE ${escapeIdentifier(suite.templateDatabase)}`);
    } finally {
      await admin.end();
    }
    const prefix = `faults.${sanitize(name)}.${suffix}`;
    const topics = {
      tickets: `${prefix}.tickets`,
      cells: `${prefix}.cells`,
      usage: `${prefix}.usage`,
      context: `${prefix}.network-context`,
      sms: `${prefix}.sms`,
    };
    await createTopics(
      [topics.tickets, topics.cells, topics.usage, topics.context, ...[topics.tickets, topics.cells, topics.usage].map(deadLetterTopicOf)],
      3,
      30_000,
      suite.stack.kafka.brokers,
    );
    const publisher = new KafkaMessagePublisher(suite.kafka);
    const sink = new MessageScenarioSink(publisher, { topics: { tickets: topics.tickets }, onClose: () => publisher.onApplicationShutdown() });
    try {
      await sink.tickets(suite.input.ticketEvents);
    } finally {
      await sink.close();
    }
    const ticketMessages = (await readTopic(suite.kafka, topics.tickets)).map((m): TicketMessage => {
      const event = JSON.parse(m.value ?? '{}') as { ticketId: string; version: number };
      return { partition: m.partition, offset: m.offset, ticketId: event.ticketId, version: event.version };
    });
    if (ticketMessages.length !== suite.input.ticketEvents.length) {
      throw new Error(`${name}: produced ${suite.input.ticketEvents.length} ticket versions, read back ${ticketMessages.length}`);
    }
    const groupId = `${prefix}.correlator`;
    const settings: Record<string, string> = {
      CELLSCOPE_DATABASE: 'external',
      CELLSCOPE_BUS: 'kafka',
      CELLSCOPE_KPI_STORE: 'influx',
      DATABASE_URL: suite.stack.postgres.url(database),
      KAFKA_BROKERS: suite.stack.kafka.brokers.join(','),
      KAFKA_GROUP_ID: groupId,
      KAFKA_CLIENT_ID: `faults-${sanitize(name)}`,
      TOPIC_TICKETS: topics.tickets,
      TOPIC_CELLS: topics.cells,
      TOPIC_USAGE: topics.usage,
      TOPIC_NETWORK_CONTEXT: topics.context,
      TOPIC_SMS: topics.sms,
      INFLUX_URL: suite.stack.influx.url,
      INFLUX_DATABASE: options.kpiDatabase ?? suite.completeKpiDatabase,
      API_HOST: '127.0.0.1',
      CORRELATOR_PORT: String(await freePort()),
      // The simulated data lies in the past: never give up on a PROVISIONAL view; look again soon.
      RECORRELATE_POLL_MS: '1000',
      RECORRELATE_DELAY_MS: '15000',
      RECORRELATE_GIVE_UP_HOURS: '1000000',
      LOG_LEVEL: 'info',
      ...options.settings,
    };
    return new CorrelatorRun(suite, name, database, topics, groupId, ticketMessages, settings);
  }

  get tickets(): number {
    return this.suite.input.latestVersion.size;
  }

  /** Starts a correlator process (the next one after a kill or stop) and waits until it answers its health check. */
  async startCorrelator(): Promise<CorrelatorProcess> {
    const n = this.correlators.length + 1;
    const correlator = await CorrelatorProcess.start({
      mainJs: this.suite.build.mainJs,
      settings: this.settings,
      name: `${this.name}-correlator#${n}`,
      logFile: join(this.suite.stack.logDir, `${this.name}-correlator-${n}.log`),
    });
    this.correlators.push(correlator);
    return correlator;
  }

  /** The correlator started last. */
  get correlator(): CorrelatorProcess {
    const last = this.correlators[this.correlators.length - 1];
    if (!last) throw new Error(`${this.name}: no correlator started`);
    return last;
  }

  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query(sql, params)).rows as T[];
  }

  private expectedArrays(): [string[], number[]] {
    const ids = [...this.suite.input.latestVersion.keys()];
    return [ids, ids.map((id) => this.suite.input.latestVersion.get(id) as number)];
  }

  async progress(): Promise<RunProgress> {
    const [row] = await this.query<RunProgress>(
      `SELECT count(*) FILTER (WHERE v.ticket_version = e.version)::int AS current,
              count(*) FILTER (WHERE v.ticket_version = e.version AND v.status = 'FINAL')::int AS final,
              (SELECT count(*)::int FROM network_views) AS views,
              (SELECT count(*)::int FROM recorrelation_schedule) AS scheduled
         FROM unnest($1::text[], $2::int[]) AS e(ticket_id, version)
         LEFT JOIN network_views v ON v.ticket_id = e.ticket_id`,
      this.expectedArrays(),
    );
    return row;
  }

  /** Waits until the progress satisfies `reached` (the correlator must keep running); returns that progress. */
  async waitForProgress(reached: (p: RunProgress) => boolean, what: string, timeoutMs: number): Promise<RunProgress> {
    return this.correlator.process.whileRunning(
      waitFor(async () => {
        const p = await this.progress();
        return reached(p) ? p : undefined;
      }, { what: `${this.name}: ${what}`, timeoutMs, intervalMs: 200 }),
      `waiting for ${what}`,
    );
  }

  /** Waits until at least `count` tickets have their current view; returns the progress then. */
  async waitForCurrentViews(count: number, timeoutMs: number): Promise<RunProgress> {
    return this.waitForProgress((p) => p.current >= count, `${count} current views`, timeoutMs);
  }

  /**
   * Waits until every ticket has its view at the newest version and nothing is left on the re-correlation schedule
   * (every view FINAL); returns Date.now() at that moment.
   */
  async waitUntilDone(timeoutMs: number): Promise<number> {
    await this.correlator.process.whileRunning(
      waitFor(async () => {
        const p = await this.progress().catch(() => undefined);
        return p !== undefined && p.current === this.tickets && p.scheduled === 0;
      }, { what: `${this.name}: all ${this.tickets} views current and FINAL`, timeoutMs, intervalMs: 200 }),
      'waiting for all views',
    );
    return Date.now();
  }

  /** The consumer group's committed offsets on the tickets topic. */
  committedOffsets(): Promise<PartitionOffsets> {
    return committedOffsets(this.suite.kafka, this.groupId, this.topics.tickets);
  }

  /**
   * Ticket versions below the committed offsets whose view was not durably written (at that version or a newer one)
   * before `cutoff`: work the group marked done that was not done. Must be empty.
   */
  async committedButNotDurable(offsets: PartitionOffsets, cutoff: Date): Promise<TicketMessage[]> {
    const below = this.ticketMessages.filter((m) => m.offset < (offsets.get(m.partition) ?? -1));
    const durable = await this.durableVersions(cutoff);
    return below.filter((m) => (durable.get(m.ticketId) ?? 0) < m.version);
  }

  /**
   * Ticket versions at or after the committed offsets whose view (at that version or a newer one, which lies later on
   * the same partition) was already durably written before `cutoff`: done but not committed, so handled again after a
   * restart.
   */
  async doneButNotCommitted(offsets: PartitionOffsets, cutoff: Date): Promise<TicketMessage[]> {
    const above = this.ticketMessages.filter((m) => m.offset >= Math.max(0, offsets.get(m.partition) ?? 0));
    const durable = await this.durableVersions(cutoff);
    return above.filter((m) => (durable.get(m.ticketId) ?? 0) >= m.version);
  }

  /** The highest ticket version whose view write committed before `cutoff`, per ticket (from the write audit). */
  private async durableVersions(cutoff: Date): Promise<Map<string, number>> {
    const rows = await this.query<{ ticket_id: string; version: number }>(
      'SELECT ticket_id, max(ticket_version)::int AS version FROM fault_view_writes WHERE written_at < $1 GROUP BY ticket_id',
      [cutoff],
    );
    return new Map(rows.map((r) => [r.ticket_id, r.version]));
  }

  /** View writes recorded by the audit (optionally only from `since` on), and the most writes of one ticket. */
  async viewWrites(since?: Date): Promise<{ writes: number; tickets: number; maxPerTicket: number }> {
    const [row] = await this.query<{ writes: number; tickets: number; max: number | null }>(
      `SELECT coalesce(sum(n), 0)::int AS writes, count(*)::int AS tickets, max(n)::int AS max
         FROM (SELECT ticket_id, count(*) AS n FROM fault_view_writes WHERE written_at >= $1 GROUP BY ticket_id) AS w`,
      [since ?? new Date(0)],
    );
    return { writes: row.writes, tickets: row.tickets, maxPerTicket: row.max ?? 0 };
  }

  /** Every stored view by ticket id. */
  async views(): Promise<Map<string, StoredView>> {
    const rows = await this.query<{ ticket_id: string; ticket_version: number; status: string; verdict_cause: string; document_hash: string; document: NetworkView }>(
      'SELECT ticket_id, ticket_version, status, verdict_cause, document_hash, document FROM network_views',
    );
    return new Map(
      rows.map((r) => [r.ticket_id, { ticketVersion: r.ticket_version, status: r.status, verdictCause: r.verdict_cause, documentHash: r.document_hash, document: r.document }]),
    );
  }

  /** Reads the whole output topic and checks that the newest message of every ticket is its stored view. */
  async checkOutputTopic(views: Map<string, StoredView>): Promise<OutputTopicCheck> {
    const messages = await readTopic(this.suite.kafka, this.topics.context, 120_000);
    const newest = new Map<string, string>();
    let repeated = 0;
    for (const m of messages) {
      if (m.key === null || m.value === null) continue;
      const hash = hashNetworkView(JSON.parse(m.value) as NetworkView);
      if (newest.get(m.key) === hash) repeated += 1;
      newest.set(m.key, hash);
    }
    const missing: string[] = [];
    const stale: string[] = [];
    for (const [ticketId, view] of views) {
      const published = newest.get(ticketId);
      if (published === undefined) missing.push(ticketId);
      else if (published !== view.documentHash) stale.push(ticketId);
    }
    return { messages: messages.length, tickets: newest.size, missing, stale, repeated };
  }

  /** Messages on the dead-letter topic of the tickets. */
  async deadLetteredTickets(): Promise<number> {
    return (await readTopic(this.suite.kafka, deadLetterTopicOf(this.topics.tickets))).length;
  }

  /** Log lines of this run's correlator processes that contain `text`. */
  countLogLines(text: string): number {
    return this.correlators
      .map((c) => c.process.options.logFile)
      .flatMap((file) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n') : []))
      .filter((line) => line.includes(text)).length;
  }

  /** Stops what still runs of this run (SIGTERM, then SIGKILL) and closes the test's connections. */
  async close(): Promise<void> {
    for (const correlator of this.correlators) if (correlator.running) await correlator.terminate(30_000);
    await this.pool.end().catch(() => undefined);
  }
}
