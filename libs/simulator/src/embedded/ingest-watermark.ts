import { Injectable } from '@nestjs/common';
import { Cell, UsageRecord } from '@cellscope/domain';
import { isTransientError } from '@cellscope/messaging';
import { CellRepository, NetworkViewRepository, UsageRepository } from '@cellscope/persistence';
import { TicketEvent } from '../model/simulated-ticket';
import { latestPerKey } from './latest-per-key';

/** How IngestWatermark.waitFor polls. */
export interface WatermarkWait {
  /** Gives up (resolves false) after this long. */
  timeoutMs: number;
  /** Pause between checks (default 250 ms). */
  pollMs?: number;
  /** Stops waiting (resolves false) as soon as this returns true, e.g. on shutdown. */
  cancelled?: () => boolean;
}

/** Distinct keys whose latest item is checked: enough to cover every partition of a keyed topic. */
export const INGEST_SAMPLE_KEYS = 64;
/** Cell ids per inventory lookup. */
const CELL_LOOKUP_CHUNK = 1000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Tells the simulation driver when what it published has been ingested, whatever the transport (Kafka or the
 * in-process bus): it looks in the stores the ingest handlers write to. Cells: every delivered cellId is in the
 * inventory. Usage records and tickets: the latest record of each of the last 64 subscribers (the latest view of
 * each of the last 64 tickets) is stored; topics are keyed by msisdn and ticketId and partitions are handled in
 * order, so that covers every partition (see latestPerKey).
 */
@Injectable()
export class IngestWatermark {
  constructor(
    private readonly cells: CellRepository,
    private readonly usage: UsageRepository,
    private readonly views: NetworkViewRepository,
  ) {}

  /** True when every given cell is in the inventory. */
  async cellsStored(cells: readonly Cell[]): Promise<boolean> {
    const ids = [...new Set(cells.map((c) => c.cellId))];
    for (let i = 0; i < ids.length; i += CELL_LOOKUP_CHUNK) {
      const chunk = ids.slice(i, i + CELL_LOOKUP_CHUNK);
      if ((await this.cells.findByIds(chunk)).length < chunk.length) return false;
    }
    return true;
  }

  /**
   * True when the given usage records (published in this order) have been stored. Passing only
   * `latestPerKey(records, msisdn, INGEST_SAMPLE_KEYS)` of them gives the same answer.
   */
  async usageStored(records: readonly UsageRecord[]): Promise<boolean> {
    const sample = latestPerKey(records, (r) => r.msisdn, INGEST_SAMPLE_KEYS);
    const found = await Promise.all(
      sample.map(async (record) => {
        const stored = await this.usage.findForSubscriber(record.msisdn, { from: record.start, to: record.end });
        return stored.some((s) => s.cellId === record.cellId && s.start.getTime() === record.start.getTime());
      }),
    );
    return found.every(Boolean);
  }

  /** True when the given ticket versions (published in this order) have been correlated into views. */
  async viewsStored(events: readonly TicketEvent[]): Promise<boolean> {
    const sample = latestPerKey(events, (e) => e.ticketId, INGEST_SAMPLE_KEYS);
    const found = await Promise.all(
      sample.map(async (event) => {
        const view = await this.views.findByTicketIdOrComplaintNo(event.ticketId);
        return view !== null && view.ticketId === event.ticketId && view.version >= event.version;
      }),
    );
    return found.every(Boolean);
  }

  /**
   * Polls `check` until it returns true (→ true), the time is up or the wait is cancelled (→ false). A check that
   * fails for a transient reason (database briefly unavailable) counts as "not yet"; any other failure is thrown.
   */
  async waitFor(check: () => Promise<boolean>, wait: WatermarkWait): Promise<boolean> {
    const deadline = Date.now() + wait.timeoutMs;
    for (;;) {
      if (wait.cancelled?.()) return false;
      try {
        if (await check()) return true;
      } catch (error) {
        if (!isTransientError(error)) throw error;
      }
      if (Date.now() >= deadline) return false;
      await sleep(Math.min(wait.pollMs ?? 250, Math.max(0, deadline - Date.now())));
    }
  }
}
