import { buildScenario } from '../scenario';
import { deliverScenario, DeliveryCounts } from './scenario-delivery';
import { SCENARIO_DATA_KINDS, ScenarioDataKind, ScenarioSink } from './scenario-sink';

/** A sink under test and a way to count what reached its destination. */
export interface ScenarioSinkHarness {
  sink: ScenarioSink;
  /**
   * Counts what arrived at the destination, per accepted kind (reading from Kafka, InfluxDB, memory…). Gets the
   * counts expected so far so that an asynchronous destination can wait for them (and report less on timeout).
   */
  readBack(expected: Readonly<Record<ScenarioDataKind, number>>): Promise<Partial<Record<ScenarioDataKind, number>>>;
  cleanup?(): Promise<void>;
}

/** The small scenario every sink must deliver (about 25 cells, 3 hours of data, a few tickets). */
export function contractScenario() {
  return buildScenario({ seed: 'sink-contract', now: new Date('2026-03-04T12:00:00Z'), sites: 8, subscribers: 40, tickets: 6, historyHours: 4 });
}

const only = (accepts: readonly ScenarioDataKind[], counts: DeliveryCounts): Record<ScenarioDataKind, number> =>
  Object.fromEntries(SCENARIO_DATA_KINDS.map((k) => [k, accepts.includes(k) ? counts[k] : 0])) as Record<ScenarioDataKind, number>;

/** The behaviour every ScenarioSink adapter shows; invoked from each adapter's spec. */
export function describeScenarioSinkContract(name: string, factory: () => Promise<ScenarioSinkHarness>): void {
  describe(`ScenarioSink contract: ${name}`, () => {
    let harness: ScenarioSinkHarness;

    beforeEach(async () => {
      harness = await factory();
    });

    afterEach(async () => {
      await harness.sink.close();
      await harness.cleanup?.();
    });

    it('declares what it accepts', () => {
      expect(harness.sink.accepts.length).toBeGreaterThan(0);
      for (const kind of harness.sink.accepts) expect(SCENARIO_DATA_KINDS).toContain(kind);
    });

    it('accepts empty batches of every kind and delivers nothing for them', async () => {
      await harness.sink.cells([]);
      await harness.sink.usage([]);
      await harness.sink.kpis([]);
      await harness.sink.tickets([]);
      const zero = { cells: 0, usage: 0, kpis: 0, tickets: 0 };
      const read = await harness.readBack(zero);
      for (const kind of harness.sink.accepts) expect(read[kind] ?? 0).toBe(0);
    });

    it('delivers a whole scenario, in batches, every accepted item exactly once', async () => {
      const scenario = contractScenario();
      const counts = await deliverScenario(scenario, harness.sink, { batchSize: 37 });
      const expected = only(harness.sink.accepts, {
        cells: scenario.cells.length,
        usage: scenario.usage.length,
        kpis: scenario.kpis.length,
        tickets: scenario.ticketEvents.length,
      });
      expect(counts).toEqual(expected);
      for (const kind of harness.sink.accepts) expect(expected[kind]).toBeGreaterThan(0);
      const read = await harness.readBack(expected);
      for (const kind of harness.sink.accepts) expect({ kind, n: read[kind] }).toEqual({ kind, n: expected[kind] });
    });

    it('can be closed twice', async () => {
      await harness.sink.close();
      await expect(harness.sink.close()).resolves.toBeUndefined();
    });
  });
}
