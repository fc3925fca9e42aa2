import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RecorrelationScheduleRepository } from '../ports/recorrelation-schedule.repository';

const SCHEDULE_SQL = `
  INSERT INTO recorrelation_schedule AS s (ticket_id, due_at, reason)
  SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[]) ORDER BY 1
  ON CONFLICT (ticket_id) DO UPDATE SET
    due_at = CASE WHEN s.lease_until IS NULL THEN LEAST(s.due_at, EXCLUDED.due_at) ELSE EXCLUDED.due_at END,
    reason = CASE WHEN s.lease_until IS NULL AND s.due_at <= EXCLUDED.due_at THEN s.reason ELSE EXCLUDED.reason END,
    lease_until = NULL,
    updated_at = now()`;

// Wrapped in a CTE so the driver returns the rows (a bare UPDATE comes back as [rows, count]).
const CLAIM_SQL = `
  WITH claimed AS (
    UPDATE recorrelation_schedule AS s SET lease_until = $3, attempts = s.attempts + 1, updated_at = now()
  FROM (
    SELECT ticket_id FROM recorrelation_schedule
    WHERE due_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)
    ORDER BY due_at, ticket_id
    LIMIT $2
    FOR UPDATE SKIP LOCKED
  ) AS due
  WHERE s.ticket_id = due.ticket_id
  RETURNING s.ticket_id, s.due_at
  )
  SELECT ticket_id, due_at FROM claimed ORDER BY due_at, ticket_id`;

/**
 * RecorrelationScheduleRepository on PostgreSQL. Claims lock the due rows with `FOR UPDATE SKIP LOCKED`
 * and set a lease, so concurrent correlators never claim the same entry while its lease runs.
 */
@Injectable()
export class TypeOrmRecorrelationScheduleRepository extends RecorrelationScheduleRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  override async schedule(ticketId: string, dueAt: Date, reason: string): Promise<void> {
    await this.scheduleMany([{ ticketId, dueAt, reason }]);
  }

  override async scheduleMany(entries: readonly { ticketId: string; dueAt: Date; reason: string }[]): Promise<void> {
    if (entries.length === 0) return;
    if (new Set(entries.map((e) => e.ticketId)).size !== entries.length) throw new Error('scheduleMany takes each ticket at most once');
    await this.dataSource.query(SCHEDULE_SQL, [entries.map((e) => e.ticketId), entries.map((e) => e.dueAt), entries.map((e) => e.reason)]);
  }

  override async claimDue(now: Date, limit: number, leaseMs: number): Promise<string[]> {
    if (limit <= 0) return [];
    const rows: { ticket_id: string }[] = await this.dataSource.query(CLAIM_SQL, [
      now,
      limit,
      new Date(now.getTime() + leaseMs),
    ]);
    return rows.map((r) => r.ticket_id);
  }

  override async release(ticketIds: readonly string[], dueAt: Date): Promise<void> {
    if (ticketIds.length === 0) return;
    await this.dataSource.query(
      'UPDATE recorrelation_schedule SET lease_until = NULL, due_at = $2, updated_at = now() WHERE ticket_id = ANY($1::text[])',
      [[...ticketIds], dueAt],
    );
  }

  override async complete(ticketId: string): Promise<void> {
    await this.completeMany([ticketId]);
  }

  override async completeMany(ticketIds: readonly string[]): Promise<void> {
    if (ticketIds.length === 0) return;
    await this.dataSource.query('DELETE FROM recorrelation_schedule WHERE ticket_id = ANY($1::text[])', [[...ticketIds]]);
  }

  override async pendingCount(): Promise<number> {
    const rows: { pending: number }[] = await this.dataSource.query(
      'SELECT count(*)::int AS pending FROM recorrelation_schedule',
    );
    return rows[0]?.pending ?? 0;
  }
}
