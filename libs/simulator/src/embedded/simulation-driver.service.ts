import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { AppConfig, Clock } from '@cellscope/config';
import { VERDICT_CAUSES, VerdictCause } from '@cellscope/domain';
import { KpiWriter } from '@cellscope/kpi';
import { MessagePublisher } from '@cellscope/messaging';
import { SimulatedTicket } from '../model/simulated-ticket';
import { SeedInput } from '../random/seeded-random';
import { buildScenario } from '../scenario';
import { ScenarioDelta, ScenarioStream } from '../scenario-stream';
import { FanOutScenarioSink } from '../sinks/fan-out-scenario.sink';
import { KpiWriterScenarioSink } from '../sinks/kpi-writer-scenario.sink';
import { MessageScenarioSink } from '../sinks/message-scenario.sink';
import { deliverScenario } from '../sinks/scenario-delivery';
import { IngestWatermark } from './ingest-watermark';

/** What the history delivery handed over (the live stream continues from `now`). */
export interface SimulationHistory {
  seed: SeedInput;
  /** Start of the history and the simulated present at start-up. */
  from: Date;
  now: Date;
  cells: number;
  kpiIntervals: number;
  usageRecords: number;
  /** Complaints reported in the history, with their ground truth (`expected`). */
  tickets: readonly SimulatedTicket[];
  /** Ticket versions sent (updates included). */
  ticketEvents: number;
  /** Tickets per expected verdict cause. */
  expectedByCause: Record<VerdictCause, number>;
  /** Whether the cells and the complainants' usage were seen stored before the tickets were sent (false: timed out). */
  ingestedBeforeTickets: boolean;
}

/** Timing of the driver (tests shorten it). */
export interface SimulationDriverTiming {
  /** Real time between two steps of the live stream (default 1 s). */
  tickMs: number;
  /** Longest wait for cells and usage to be ingested before tickets are sent (default 5 min for the history). */
  historyIngestTimeoutMs: number;
  /** The same for a step of the live stream (default 60 s). */
  liveIngestTimeoutMs: number;
}

const DEFAULT_TIMING: SimulationDriverTiming = { tickMs: 1000, historyIngestTimeoutMs: 5 * 60_000, liveIngestTimeoutMs: 60_000 };
const MINUTE_MS = 60_000;

/** Thrown by start() when the application shuts down before the history is delivered. */
export class SimulationStoppedError extends Error {
  constructor() {
    super('the simulation was stopped');
    this.name = 'SimulationStoppedError';
  }
}

/** A numeric seed text is the number (as the sim CLI reads `--seed`), anything else the text. */
function seedOf(text: string): SeedInput {
  return /^-?\d+$/.test(text) ? Number(text) : text;
}

/**
 * The in-process simulation (embedded mode, SIMULATOR_ENABLED): builds the seeded scenario ending at Clock.now(),
 * delivers the cell inventory and the complainants' usage first (on the input topics through the MessagePublisher,
 * so the very handlers the Kafka consumers use ingest them), waits until they are stored, writes the KPI history
 * through the KpiWriter, then sends the tickets the same way, then the other subscribers' usage. Then it streams
 * live data (KPI intervals with their PM delay, usage blocks, new tickets and updates) as the clock advances; with
 * a SimulationClock at SIMULATOR_SPEED the whole process runs on the accelerated time line. Works on the in-process
 * bus and memory store as on Kafka and InfluxDB. Nothing delivered is retained: memory stays flat while it streams.
 */
@Injectable()
export class SimulationDriver implements BeforeApplicationShutdown {
  private readonly logger = new Logger(SimulationDriver.name);
  private readonly messages: MessageScenarioSink;
  private readonly sink: FanOutScenarioSink;
  private timing: SimulationDriverTiming = DEFAULT_TIMING;
  private stream?: ScenarioStream;
  private pending?: ScenarioDelta;
  private timer?: NodeJS.Timeout;
  private inFlight?: Promise<void>;
  private started = false;
  private stopped = false;

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    publisher: MessagePublisher,
    kpiWriter: KpiWriter,
    private readonly watermark: IngestWatermark,
  ) {
    this.messages = new MessageScenarioSink(publisher, {
      topics: { cells: config.TOPIC_CELLS, usage: config.TOPIC_USAGE, tickets: config.TOPIC_TICKETS },
    });
    this.sink = new FanOutScenarioSink([this.messages, new KpiWriterScenarioSink(kpiWriter)]);
  }

  /** Changes the timing (before start()). */
  useTiming(timing: Partial<SimulationDriverTiming>): void {
    this.timing = { ...this.timing, ...timing };
  }

  /** Simulated time up to which live data has been delivered (null before start). */
  get cursor(): Date | null {
    return this.stream?.cursor ?? null;
  }

  /**
   * Builds the scenario, delivers its history (inventory and the complainants' usage; once those are stored the
   * KPIs, then the tickets; then the rest of the usage) and starts the live stream. Resolves when the history is handed over; the tickets are correlated
   * asynchronously (see waitForViews). Rejects with SimulationStoppedError when the application shuts down first.
   */
  async start(): Promise<SimulationHistory> {
    if (this.started) throw new Error('the simulation driver was already started');
    this.started = true;
    const begun = Date.now();
    const now = new Date(Math.floor(this.clock.now().getTime() / MINUTE_MS) * MINUTE_MS);
    const seed = seedOf(this.config.SIMULATOR_SEED);
    const scenario = buildScenario({ seed, now, historyHours: this.config.SIMULATOR_HISTORY_HOURS });
    this.logger.log(
      `scenario (seed ${seed}) built in ${Date.now() - begun} ms: ${scenario.cells.length} cells, ${scenario.subscribers.length} subscribers, ` +
        `${scenario.kpis.length} KPI intervals, ${scenario.usage.length} usage records, ${scenario.tickets.length} tickets ` +
        `from ${scenario.from.toISOString()} to ${now.toISOString()}`,
    );
    const progress = (line: string) => this.logger.log(line);
    const counts = { kpis: scenario.kpis.length, usage: scenario.usage.length };
    // A ticket is correlated with its own subscriber's usage only (and the inventory and KPIs): deliver that usage
    // first, the tickets once it is stored, and the rest of the usage (outage recipients, later tickets) after them.
    // The panel fills in seconds instead of waiting for all usage. The big arrays are let go once handed over (the
    // KPI store and the bus keep their own copies).
    const ticketSubscribers = new Set(scenario.ticketEvents.map((e) => e.msisdn));
    const ticketUsage = scenario.usage.filter((r) => ticketSubscribers.has(r.msisdn));
    const otherUsage = scenario.usage.filter((r) => !ticketSubscribers.has(r.msisdn));
    scenario.usage = [];

    await deliverScenario({ cells: scenario.cells, kpis: [], usage: ticketUsage, ticketEvents: [] }, this.sink, { progress });
    this.throwIfStopped();
    const ingested = await this.watermark.waitFor(
      async () => (await this.watermark.cellsStored(scenario.cells)) && (await this.watermark.usageStored(ticketUsage)),
      { timeoutMs: this.timing.historyIngestTimeoutMs, cancelled: () => this.stopped },
    );
    this.throwIfStopped();
    // KPIs go in now rather than first: an outage detection tick right at start-up then finds no outage yet, and
    // the next one finds it together with the subscribers to notify.
    await deliverScenario({ kpis: scenario.kpis, usage: [], ticketEvents: [] }, this.sink, { progress });
    scenario.kpis = [];
    this.throwIfStopped();
    const seconds = () => ((Date.now() - begun) / 1000).toFixed(1);
    if (ingested) this.logger.log(`cells and the complainants' usage ingested after ${seconds()} s; sending ${scenario.ticketEvents.length} ticket versions`);
    else this.logger.warn(`cells and usage not all ingested within ${this.timing.historyIngestTimeoutMs} ms; sending the tickets anyway`);
    await deliverScenario({ kpis: [], usage: [], ticketEvents: scenario.ticketEvents }, this.messages);
    this.throwIfStopped();
    await deliverScenario({ kpis: [], usage: otherUsage, ticketEvents: [] }, this.sink, { progress });
    this.throwIfStopped();

    const expectedByCause = Object.fromEntries(VERDICT_CAUSES.map((c) => [c, 0])) as Record<VerdictCause, number>;
    for (const ticket of scenario.tickets) expectedByCause[ticket.expected.cause]++;
    const history: SimulationHistory = {
      seed,
      from: scenario.from,
      now,
      cells: scenario.cells.length,
      kpiIntervals: counts.kpis,
      usageRecords: counts.usage,
      tickets: scenario.tickets,
      ticketEvents: scenario.ticketEvents.length,
      expectedByCause,
      ingestedBeforeTickets: ingested,
    };
    // Only the stream is kept: the snapshot's arrays (KPIs, usage) become garbage once this returns.
    this.stream = scenario.stream();
    this.logger.log(`history delivered in ${seconds()} s; streaming live data at ${this.config.SIMULATOR_SPEED}× real time`);
    this.arm();
    return history;
  }

  /** Resolves true once every ticket version of the history has a view (false on timeout or shutdown). */
  waitForViews(history: SimulationHistory, timeoutMs: number): Promise<boolean> {
    const events = history.tickets.flatMap((t) => t.emissions.filter((e) => e.at.getTime() <= history.now.getTime()).map((e) => e.event));
    return this.watermark.waitFor(() => this.watermark.viewsStored(events), { timeoutMs, cancelled: () => this.stopped });
  }

  /** Stops the live stream and waits for the step in flight (before the consumers and the database stop). */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.inFlight?.catch(() => undefined);
  }

  private throwIfStopped(): void {
    if (this.stopped) throw new SimulationStoppedError();
  }

  private arm(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.inFlight = this.step()
        .catch((error: unknown) => this.logger.warn(`live step failed, retried next tick: ${(error as Error).message}`))
        .finally(() => {
          this.inFlight = undefined;
          this.arm();
        });
    }, this.timing.tickMs);
    this.timer.unref?.();
  }

  /** Delivers what arrived since the last step; a step that failed is delivered again before time moves on. */
  private async step(): Promise<void> {
    const stream = this.stream;
    if (!stream || this.stopped) return;
    const delta = this.pending ?? stream.advanceTo(new Date(Math.max(stream.cursor.getTime(), this.clock.now().getTime())));
    this.pending = delta;
    await this.deliverLive(delta);
    this.pending = undefined;
  }

  private async deliverLive(delta: ScenarioDelta): Promise<void> {
    await deliverScenario({ kpis: delta.kpis, usage: delta.usage, ticketEvents: [] }, this.sink);
    if (delta.ticketEvents.length > 0) {
      if (delta.usage.length > 0) {
        const ingested = await this.watermark.waitFor(() => this.watermark.usageStored(delta.usage), {
          timeoutMs: this.timing.liveIngestTimeoutMs,
          cancelled: () => this.stopped,
        });
        if (!ingested && !this.stopped) this.logger.warn('usage of this step not ingested in time; sending its tickets anyway');
      }
      await deliverScenario({ kpis: [], usage: [], ticketEvents: delta.ticketEvents }, this.messages);
    }
    const arrived = delta.kpis.length + delta.usage.length + delta.ticketEvents.length;
    if (arrived > 0 || delta.faultsStarted.length > 0) {
      const faults = delta.faultsStarted.map((f) => `${f.kind} ${f.siteId}`).join(', ');
      this.logger.log(
        `live ${delta.to.toISOString()}: +${delta.kpis.length} KPI intervals, +${delta.usage.length} usage, +${delta.ticketEvents.length} ticket versions` +
          (delta.newTickets.length > 0 ? ` (${delta.newTickets.length} new)` : '') +
          (faults ? `; fault started: ${faults}` : ''),
      );
    }
  }
}
