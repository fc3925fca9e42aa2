import { TimeWindow, UsageRecord } from '@cellscope/domain';

/** Port: subscriber-on-cell usage records. Inserting the same (msisdn, cellId, start) twice keeps one row. */
export abstract class UsageRepository {
  /** Stores the records; ones already stored (same msisdn, cellId, start) are left as they are. */
  abstract insertMany(records: readonly UsageRecord[]): Promise<void>;
  /** Records of one subscriber overlapping the window (start < to and end > from), ordered by start. */
  abstract findForSubscriber(msisdn: string, window: TimeWindow): Promise<UsageRecord[]>;
  /** findForSubscriber for many subscribers and one (wide) window in one query, per msisdn. */
  abstract findForSubscribers(msisdns: readonly string[], window: TimeWindow): Promise<Map<string, UsageRecord[]>>;
  /** Distinct subscribers with usage on any of the cells since the given time, at most `limit`. */
  abstract findSubscribersOnCells(cellIds: readonly string[], since: Date, limit: number): Promise<string[]>;
  /** Retention: deletes records that ended before the cutoff; returns how many. */
  abstract deleteEndedBefore(cutoff: Date): Promise<number>;
}
