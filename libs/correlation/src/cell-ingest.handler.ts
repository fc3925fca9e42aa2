import { Injectable } from '@nestjs/common';
import { AppConfig } from '@cellscope/config';
import { parseCellRecord } from '@cellscope/contracts';
import { Cell } from '@cellscope/domain';
import { decodeJsonMessage, InboundMessage, MessageOutcome, TopicHandler } from '@cellscope/messaging';
import { CellRepository } from '@cellscope/persistence';

/** Consumes `network.cells.v1`: validates CellRecords and upserts the inventory (the latest record of a cell wins). */
@Injectable()
export class CellIngestHandler implements TopicHandler {
  constructor(
    private readonly config: AppConfig,
    private readonly cells: CellRepository,
  ) {}

  get topic(): string {
    return this.config.TOPIC_CELLS;
  }

  async handleBatch(messages: readonly InboundMessage[]): Promise<MessageOutcome[]> {
    const latest = new Map<string, Cell>();
    const outcomes = messages.map((message): MessageOutcome => {
      const decoded = decodeJsonMessage(message, parseCellRecord);
      if (!decoded.ok) return { status: 'dead-letter', error: decoded.error };
      latest.delete(decoded.value.cellId);
      latest.set(decoded.value.cellId, decoded.value);
      return { status: 'processed' };
    });
    if (latest.size > 0) await this.cells.upsertMany([...latest.values()]);
    return outcomes;
  }
}
