import { MemoryKpiStore } from '@cellscope/kpi';
import { InProcessBus, MessagePublisher, OutboundMessage } from '@cellscope/messaging';
import { parseCellRecord, parseTicketEvent, parseUsageRecord } from '@cellscope/contracts';
import { CountingScenarioSink } from './counting-scenario.sink';
import { FanOutScenarioSink } from './fan-out-scenario.sink';
import { KpiWriterScenarioSink } from './kpi-writer-scenario.sink';
import { MemoryScenarioSink } from './memory-scenario.sink';
import { CONTRACT_TOPICS, MessageScenarioSink } from './message-scenario.sink';
import { ScenarioSink } from './scenario-sink';
import { contractScenario, describeScenarioSinkContract } from './scenario-sink.contract';
import { deliverScenario } from './scenario-delivery';

const everything = { from: new Date('2000-01-01T00:00:00Z'), to: new Date('2100-01-01T00:00:00Z') };

async function storedIntervals(store: MemoryKpiStore, cellIds: readonly string[]): Promise<number> {
  const sums = await store.sumWindow(cellIds, everything);
  return [...sums.values()].reduce((n, s) => n + s.intervals, 0);
}

const allCellIds = contractScenario().cells.map((c) => c.cellId);

describeScenarioSinkContract('MemoryScenarioSink', async () => {
  const sink = new MemoryScenarioSink();
  return {
    sink,
    readBack: async () => ({
      cells: sink.received.cells.length,
      usage: sink.received.usage.length,
      kpis: sink.received.kpis.length,
      tickets: sink.received.tickets.length,
    }),
  };
});

describeScenarioSinkContract('CountingScenarioSink', async () => {
  const sink = new CountingScenarioSink();
  return { sink, readBack: async () => sink.counts };
});

describeScenarioSinkContract('MessageScenarioSink on the InProcessBus', async () => {
  const bus = new InProcessBus({ chunkSize: 200, retainPerTopic: 1_000_000 });
  const sink = new MessageScenarioSink(bus);
  return {
    sink,
    readBack: async () => ({
      cells: bus.messagesOf(CONTRACT_TOPICS.cells).length,
      usage: bus.messagesOf(CONTRACT_TOPICS.usage).length,
      tickets: bus.messagesOf(CONTRACT_TOPICS.tickets).length,
    }),
  };
});

describeScenarioSinkContract('KpiWriterScenarioSink on the MemoryKpiStore', async () => {
  const store = new MemoryKpiStore();
  return { sink: new KpiWriterScenarioSink(store, { batchSize: 100 }), readBack: async () => ({ kpis: await storedIntervals(store, allCellIds) }) };
});

describeScenarioSinkContract('FanOutScenarioSink (bus + KPI store)', async () => {
  const bus = new InProcessBus({ chunkSize: 200, retainPerTopic: 1_000_000 });
  const store = new MemoryKpiStore();
  return {
    sink: new FanOutScenarioSink([new MessageScenarioSink(bus, { topics: { usage: 'usage.test' } }), new KpiWriterScenarioSink(store)]),
    readBack: async () => ({
      cells: bus.messagesOf(CONTRACT_TOPICS.cells).length,
      usage: bus.messagesOf('usage.test').length,
      kpis: await storedIntervals(store, allCellIds),
      tickets: bus.messagesOf(CONTRACT_TOPICS.tickets).length,
    }),
  };
});

describe('MessageScenarioSink', () => {
  it('publishes contract-valid JSON keyed per contract, in batches of the configured size', async () => {
    const calls: { topic: string; messages: readonly OutboundMessage[] }[] = [];
    class RecordingPublisher extends MessagePublisher {
      async publish(topic: string, messages: readonly OutboundMessage[]): Promise<void> {
        calls.push({ topic, messages });
      }
    }
    const scenario = contractScenario();
    const sink = new MessageScenarioSink(new RecordingPublisher(), { batchSize: 50 });
    await deliverScenario(scenario, sink);
    expect(Math.max(...calls.map((c) => c.messages.length))).toBe(50);
    const on = (topic: string) => calls.filter((c) => c.topic === topic).flatMap((c) => c.messages);
    const cells = on('network.cells.v1');
    const usage = on('network.user-cell-usage.v1');
    const tickets = on('complaints.tickets.v1');
    expect(cells.map((m) => m.key)).toEqual(scenario.cells.map((c) => c.cellId));
    expect(usage.map((m) => m.key)).toEqual(scenario.usage.map((u) => u.msisdn));
    expect(tickets.map((m) => m.key)).toEqual(scenario.ticketEvents.map((t) => t.ticketId));
    for (const m of cells) expect(parseCellRecord(JSON.parse(m.value)).ok).toBe(true);
    for (const m of tickets) expect(parseTicketEvent(JSON.parse(m.value)).ok).toBe(true);
    const parsed = usage.map((m) => parseUsageRecord(JSON.parse(m.value)));
    expect(parsed.every((p) => p.ok)).toBe(true);
    expect(parsed.map((p) => (p.ok ? +p.value.start : 0))).toEqual(scenario.usage.map((u) => +u.start));
  });

  it('calls onClose once', async () => {
    let closed = 0;
    const sink = new MessageScenarioSink(new InProcessBus(), { onClose: async () => void closed++ });
    await sink.close();
    await sink.close();
    expect(closed).toBe(1);
  });
});

describe('deliverScenario', () => {
  it('sends the inventory first and the tickets last, skips kinds the sink does not take, and reports progress', async () => {
    const order: string[] = [];
    class OrderSink extends ScenarioSink {
      readonly accepts = ['cells', 'usage', 'tickets'] as const;
      async cells() {
        order.push('cells');
      }
      async usage() {
        order.push('usage');
      }
      async kpis() {
        order.push('kpis');
      }
      async tickets() {
        order.push('tickets');
      }
      async close() {}
    }
    const lines: string[] = [];
    let clock = 0;
    const scenario = contractScenario();
    const counts = await deliverScenario(scenario, new OrderSink(), { batchSize: 20, progress: (l) => lines.push(l), clock: () => (clock += 10) });
    expect(counts.kpis).toBe(0);
    expect(order).not.toContain('kpis');
    expect(order[0]).toBe('cells');
    expect(order[order.length - 1]).toBe('tickets');
    expect(order.lastIndexOf('cells')).toBeLessThan(order.indexOf('usage'));
    expect(order.lastIndexOf('usage')).toBeLessThan(order.indexOf('tickets'));
    const percents = lines.map((l) => Number(/(\d+)%/.exec(l)![1]));
    expect(lines.length).toBeGreaterThanOrEqual(5);
    expect(percents[percents.length - 1]).toBe(100);
    for (let i = 1; i < percents.length - 1; i++) expect(percents[i] - percents[i - 1]).toBeGreaterThanOrEqual(9);
    expect(lines.every((l) => /^\[sim\]\s+\d+% [\d,]+\/[\d,]+ \((cells|usage|tickets)\) [\d.]+ s$/.test(l))).toBe(true);
  });
});

describe('FanOutScenarioSink', () => {
  it('closes every sink even when one fails, and reports the failure', async () => {
    const counting = new CountingScenarioSink();
    let closed = false;
    const failing = new MessageScenarioSink(new InProcessBus(), {
      onClose: async () => {
        throw new Error('broker gone');
      },
    });
    const tracking = new KpiWriterScenarioSink(new MemoryKpiStore(), { onClose: async () => void (closed = true) });
    const fanOut = new FanOutScenarioSink([counting, failing, tracking]);
    expect(fanOut.accepts).toEqual(['cells', 'usage', 'kpis', 'tickets']);
    await expect(fanOut.close()).rejects.toThrow('broker gone');
    expect(closed).toBe(true);
  });
});
