/** Port: the durable schedule of tickets to correlate again (late PM data, manual requests). */
export abstract class RecorrelationScheduleRepository {
  /**
   * Schedules (or reschedules) a ticket; the earliest due time wins. A claimed entry (see claimDue) takes the new
   * due time as given and is released: that is how its claimer puts it back after correlating.
   */
  abstract schedule(ticketId: string, dueAt: Date, reason: string): Promise<void>;
  /** schedule() for a batch (each ticket at most once) in one statement. */
  abstract scheduleMany(entries: readonly { ticketId: string; dueAt: Date; reason: string }[]): Promise<void>;
  /**
   * Claims up to `limit` due entries for this worker for `leaseMs` (other workers skip them meanwhile);
   * returns their ticket ids. Safe with several correlator instances.
   */
  abstract claimDue(now: Date, limit: number, leaseMs: number): Promise<string[]>;
  /**
   * Gives claimed entries back before their lease ends, due at `dueAt` (their re-correlation failed, e.g. a
   * dependency was down), so the next claim after `dueAt` takes them; ids no longer on the schedule are ignored.
   */
  abstract release(ticketIds: readonly string[], dueAt: Date): Promise<void>;
  /** Removes a ticket from the schedule (its view is FINAL). */
  abstract complete(ticketId: string): Promise<void>;
  /** complete() for a batch in one statement. */
  abstract completeMany(ticketIds: readonly string[]): Promise<void>;
  /** Number of scheduled tickets, claimed or not. */
  abstract pendingCount(): Promise<number>;
}
