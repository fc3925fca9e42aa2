import { Logger } from '@nestjs/common';
import { loadConfig } from '@cellscope/config';
import { MemoryKpiStore } from '@cellscope/kpi';
import { InProcessBus, MessagePublisher, OutboundMessage } from '@cellscope/messaging';
import { buildScenario } from '../scenario';
import { CONTRACT_TOPICS } from '../sinks/message-scenario.sink';
import { IngestWatermark } from './ingest-watermark';
import { SimulationClock } from './simulation-clock';
import { SimulationDriver, SimulationStoppedError } from './simulation-driver.service';

const START = new Date('2026-03-04T12:00:00Z');
const SEED = 'driver-unit';
const HISTORY_HOURS = 4;
const everything = { from: new Date('2000-01-01T00:00:00Z'), to: new Date('2100-01-01T00:00:00Z') };

/** Publishes to the bus; can be told to fail the next publish on a topic (a broker outage). */
class FlakyPublisher extends MessagePublisher {
  failNextOn?: string;
  constructor(readonly bus: InProcessBus) {
    super();
  }
  async publish(topic: string, messages: readonly OutboundMessage[]): Promise<void> {
    if (this.failNextOn === topic) {
      this.failNextOn = undefined;
      throw new Error(`broker unavailable for ${topic}`);
    }
    await this.bus.publish(topic, messages);
  }
}

/** Answers the ingest checks itself and records what was on the bus when it was asked. */
class ScriptedWatermark extends IngestWatermark {
  ingested = true;
  readonly askedWith: { cells: number; usage: number; tickets: number; kpis: number }[] = [];
  constructor(
    private readonly bus: InProcessBus,
    private readonly store: MemoryKpiStore,
  ) {
    super(undefined as never, undefined as never, undefined as never);
  }
  override async cellsStored(): Promise<boolean> {
    this.askedWith.push({
      cells: this.bus.messagesOf(CONTRACT_TOPICS.cells).length,
      usage: this.bus.messagesOf(CONTRACT_TOPICS.usage).length,
      tickets: this.bus.messagesOf(CONTRACT_TOPICS.tickets).length,
      kpis: (await this.store.latestIntervals(new Date('2100-01-01T00:00:00Z'), 1e15)).length,
    });
    return this.ingested;
  }
  override async usageStored(): Promise<boolean> {
    return this.ingested;
  }
  override async viewsStored(): Promise<boolean> {
    return true;
  }
}

async function eventually(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function setUp() {
  let wall = 0;
  const clock = new SimulationClock({ start: START, speed: 60, wall: () => wall });
  const bus = new InProcessBus({ chunkSize: 200, retainPerTopic: 10_000_000 });
  const publisher = new FlakyPublisher(bus);
  const store = new MemoryKpiStore();
  const watermark = new ScriptedWatermark(bus, store);
  const config = loadConfig({}, { SIMULATOR_SEED: SEED, SIMULATOR_HISTORY_HOURS: HISTORY_HOURS, SIMULATOR_SPEED: 60 });
  const driver = new SimulationDriver(config, clock, publisher, store, watermark);
  driver.useTiming({ tickMs: 5, historyIngestTimeoutMs: 60_000, liveIngestTimeoutMs: 1000 });
  const storedIntervals = async () => [...(await store.sumWindow(buildScenario({ seed: SEED, now: START, historyHours: HISTORY_HOURS }).cells.map((c) => c.cellId), everything)).values()].reduce((n, s) => n + s.intervals, 0);
  return { clock, bus, publisher, store, watermark, driver, storedIntervals, advanceWall: (ms: number) => (wall += ms) };
}

describe('SimulationDriver', () => {
  const expected = buildScenario({ seed: SEED, now: START, historyHours: HISTORY_HOURS });

  beforeAll(() => Logger.overrideLogger(false));

  it("delivers the inventory and the complainants' usage, waits until they are ingested, writes the KPIs, sends the tickets, then the other usage", async () => {
    const { bus, watermark, driver, storedIntervals } = setUp();
    const history = await driver.start();
    await driver.beforeApplicationShutdown();

    expect(expected.tickets.length).toBeGreaterThan(0);
    const complainants = new Set(expected.ticketEvents.map((e) => e.msisdn));
    const complainantUsage = expected.usage.filter((r) => complainants.has(r.msisdn)).length;
    expect(complainantUsage).toBeGreaterThan(0);
    expect(complainantUsage).toBeLessThan(expected.usage.length);
    expect(watermark.askedWith[0]).toEqual({ cells: expected.cells.length, usage: complainantUsage, tickets: 0, kpis: 0 });
    expect(bus.messagesOf(CONTRACT_TOPICS.usage).length).toBe(expected.usage.length);
    expect(bus.messagesOf(CONTRACT_TOPICS.tickets).length).toBe(expected.ticketEvents.length);
    expect(await storedIntervals()).toBe(expected.kpis.length);
    expect(history.tickets.map((t) => t.ticketId)).toEqual(expected.tickets.map((t) => t.ticketId));
    expect(history.now).toEqual(START);
    expect(history.ingestedBeforeTickets).toBe(true);
    const byCause = Object.values(history.expectedByCause).reduce((a, b) => a + b, 0);
    expect(byCause).toBe(expected.tickets.length);
    const firstTicket = JSON.parse(bus.messagesOf(CONTRACT_TOPICS.tickets)[0].value!.toString('utf8'));
    expect(firstTicket).toEqual(expected.ticketEvents[0]);
  });

  it('streams what arrives as the clock advances: snapshot plus live steps is the whole story', async () => {
    const { bus, driver, storedIntervals, advanceWall } = setUp();
    await driver.start();
    advanceWall(3 * 60_000); // 3 real minutes at 60× = 3 simulated hours
    const until = new Date(START.getTime() + 3 * 3_600_000);
    await eventually(() => driver.cursor?.getTime() === until.getTime());
    await driver.beforeApplicationShutdown();

    const live = buildScenario({ seed: SEED, now: START, historyHours: HISTORY_HOURS }).stream().advanceTo(until);
    expect(live.kpis.length).toBeGreaterThan(0);
    expect(live.usage.length).toBeGreaterThan(0);
    expect(await storedIntervals()).toBe(expected.kpis.length + live.kpis.length);
    expect(bus.messagesOf(CONTRACT_TOPICS.usage).length).toBe(expected.usage.length + live.usage.length);
    expect(bus.messagesOf(CONTRACT_TOPICS.tickets).length).toBe(expected.ticketEvents.length + live.ticketEvents.length);
  });

  it('delivers a live step again when it failed, before simulated time moves on', async () => {
    const { bus, publisher, driver, advanceWall } = setUp();
    await driver.start();
    publisher.failNextOn = CONTRACT_TOPICS.usage;
    advanceWall(2 * 60_000);
    const until = new Date(START.getTime() + 2 * 3_600_000);
    await eventually(() => driver.cursor?.getTime() === until.getTime() && publisher.failNextOn === undefined);
    await eventually(async () => {
      const live = buildScenario({ seed: SEED, now: START, historyHours: HISTORY_HOURS }).stream().advanceTo(until);
      return bus.messagesOf(CONTRACT_TOPICS.usage).length === expected.usage.length + live.usage.length;
    });
    await driver.beforeApplicationShutdown();
  });

  it('gives up the history with SimulationStoppedError when the application shuts down while it waits', async () => {
    const { bus, watermark, driver } = setUp();
    watermark.ingested = false;
    const starting = driver.start();
    await eventually(() => watermark.askedWith.length > 0);
    await driver.beforeApplicationShutdown();
    await expect(starting).rejects.toBeInstanceOf(SimulationStoppedError);
    expect(bus.messagesOf(CONTRACT_TOPICS.tickets).length).toBe(0);
  });

  it('starts only once', async () => {
    const { driver } = setUp();
    await driver.start();
    await expect(driver.start()).rejects.toThrow('already started');
    await driver.beforeApplicationShutdown();
  });
});
