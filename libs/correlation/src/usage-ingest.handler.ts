import { Injectable } from '@nestjs/common';
import { AppConfig } from '@cellscope/config';
import { parseUsageRecord } from '@cellscope/contracts';
import { UsageRecord } from '@cellscope/domain';
import { decodeJsonMessage, InboundMessage, MessageOutcome, TopicHandler } from '@cellscope/messaging';
import { UsageRepository } from '@cellscope/persistence';

/** Consumes `network.user-cell-usage.v1`: validates UsageRecords and stores them (a duplicate is kept once). */
@Injectable()
export class UsageIngestHandler implements TopicHandler {
  constructor(
    private readonly config: AppConfig,
    private readonly usage: UsageRepository,
  ) {}

  get topic(): string {
    return this.config.TOPIC_USAGE;
  }

  async handleBatch(messages: readonly InboundMessage[]): Promise<MessageOutcome[]> {
    const valid: UsageRecord[] = [];
    const outcomes = messages.map((message): MessageOutcome => {
      const decoded = decodeJsonMessage(message, parseUsageRecord);
      if (!decoded.ok) return { status: 'dead-letter', error: decoded.error };
      valid.push(decoded.value);
      return { status: 'processed' };
    });
    if (valid.length > 0) await this.usage.insertMany(valid);
    return outcomes;
  }
}
