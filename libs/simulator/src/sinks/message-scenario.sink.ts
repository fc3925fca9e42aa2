import { Cell, CellKpiInterval, UsageRecord } from '@cellscope/domain';
import { MessagePublisher, OutboundMessage } from '@cellscope/messaging';
import { TicketEvent } from '../model/simulated-ticket';
import { ScenarioDataKind, ScenarioSink } from './scenario-sink';

/** Topics of the contract inputs (contracts.md "Kafka inputs"). */
export interface ScenarioTopics {
  cells: string;
  usage: string;
  tickets: string;
}

/** The default topic names of contracts.md. */
export const CONTRACT_TOPICS: ScenarioTopics = Object.freeze({
  cells: 'network.cells.v1',
  usage: 'network.user-cell-usage.v1',
  tickets: 'complaints.tickets.v1',
});

/** Options of MessageScenarioSink. */
export interface MessageScenarioSinkOptions {
  topics?: Partial<ScenarioTopics>;
  /** Messages per publish call (default 1,000). */
  batchSize?: number;
  /** Called once by close(), e.g. to disconnect a Kafka producer the caller created for this sink. */
  onClose?: () => Promise<void>;
}

/**
 * Sink on the MessagePublisher port: cells, usage records and ticket versions as JSON messages on the contract
 * topics, keyed by cellId, msisdn and ticketId (contracts.md). With KafkaMessagePublisher it writes to Kafka,
 * with the InProcessBus to the embedded mode. KPI intervals have no topic: they go to a KPI store
 * (KpiWriterScenarioSink).
 */
export class MessageScenarioSink extends ScenarioSink {
  readonly accepts: readonly ScenarioDataKind[] = ['cells', 'usage', 'tickets'];
  readonly topics: ScenarioTopics;
  private readonly batchSize: number;
  private closed = false;

  constructor(
    private readonly publisher: MessagePublisher,
    private readonly options: MessageScenarioSinkOptions = {},
  ) {
    super();
    this.topics = { ...CONTRACT_TOPICS, ...(options.topics ?? {}) };
    this.batchSize = Math.max(1, options.batchSize ?? 1000);
  }

  async cells(cells: readonly Cell[]): Promise<void> {
    await this.send(this.topics.cells, cells, (cell) => ({ key: cell.cellId, value: JSON.stringify(cell) }));
  }

  async usage(records: readonly UsageRecord[]): Promise<void> {
    await this.send(this.topics.usage, records, (r) => ({
      key: r.msisdn,
      value: JSON.stringify({ msisdn: r.msisdn, cellId: r.cellId, start: r.start.toISOString(), end: r.end.toISOString(), bytesDl: r.bytesDl, bytesUl: r.bytesUl }),
    }));
  }

  async kpis(_intervals: readonly CellKpiInterval[]): Promise<void> {
    // No KPI topic in the contracts: KPI intervals travel through the KPI store.
  }

  async tickets(events: readonly TicketEvent[]): Promise<void> {
    await this.send(this.topics.tickets, events, (event) => ({ key: event.ticketId, value: JSON.stringify(event) }));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.options.onClose?.();
  }

  private async send<T>(topic: string, items: readonly T[], toMessage: (item: T) => OutboundMessage): Promise<void> {
    for (let i = 0; i < items.length; i += this.batchSize) {
      await this.publisher.publish(topic, items.slice(i, i + this.batchSize).map(toMessage));
    }
  }
}
