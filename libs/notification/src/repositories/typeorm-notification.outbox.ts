import { Injectable } from '@nestjs/common';
import { Language, NotificationKind, SmsNotification } from '@cellscope/domain';
import { DataSource } from 'typeorm';
import { LeadershipLostError } from '../leadership/leadership-lost.error';
import { LeadershipFence } from '../ports/leader-lock';
import { NotificationOutbox, NotifiedSubscriber, OutboxBatch } from '../ports/notification-outbox';
import { saveIncidentChanges, SqlRunner } from './incident-rows';

interface NotificationRow {
  notification_id: string;
  msisdn: string;
  kind: NotificationKind;
  incident_id: string | null;
  ticket_id: string | null;
  language: Language;
  text: string;
  cell_ids: string[];
  created_at: Date;
  not_before: Date;
}

const FENCE_SQL = `
  SELECT count(*)::int AS held FROM pg_locks
  WHERE locktype = 'advisory' AND classid = $1 AND objid = $2 AND objsubid = 2 AND granted AND pid = $3
    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;

const INSERT_SQL = `
  INSERT INTO sms_notifications (notification_id, msisdn, kind, incident_id, ticket_id, language, text, cell_ids, created_at, not_before)
  SELECT n.notification_id, n.msisdn, n.kind, n.incident_id, n.ticket_id, n.language, n.text, n.cell_ids, n.created_at, n.not_before
  FROM jsonb_to_recordset($1::jsonb) AS n(notification_id text, msisdn text, kind text, incident_id text, ticket_id text,
       language text, text text, cell_ids text[], created_at timestamptz, not_before timestamptz)
  ON CONFLICT (notification_id) DO NOTHING
  RETURNING notification_id`;

const CLAIM_SQL = `
  SELECT notification_id, msisdn, kind, incident_id, ticket_id, language, text, cell_ids, created_at, not_before
  FROM sms_notifications WHERE published_at IS NULL
  ORDER BY created_at, notification_id
  LIMIT $1
  FOR UPDATE SKIP LOCKED`;

/** Rows per INSERT statement. */
const INSERT_CHUNK = 5_000;

function toSmsNotification(row: NotificationRow): SmsNotification {
  const notification: SmsNotification = {
    notificationId: row.notification_id,
    msisdn: row.msisdn,
    kind: row.kind,
    language: row.language,
    text: row.text,
    cellIds: row.cell_ids,
    createdAt: row.created_at.toISOString(),
    notBefore: row.not_before.toISOString(),
  };
  if (row.incident_id !== null) notification.incidentId = row.incident_id;
  if (row.ticket_id !== null) notification.ticketId = row.ticket_id;
  return notification;
}

async function assertFence(runner: SqlRunner, fence: LeadershipFence): Promise<void> {
  const rows = (await runner.query(FENCE_SQL, [fence.classId, fence.objId, fence.holderPid])) as { held: number }[];
  if (rows[0]?.held !== 1) throw new LeadershipLostError(`leader lock no longer held by session ${fence.holderPid}; nothing written`);
}

/**
 * NotificationOutbox on PostgreSQL (`sms_notifications` + `incidents`): record() is one transaction (fence check,
 * incident upsert, `INSERT … ON CONFLICT (notification_id) DO NOTHING`); publishPending() claims rows with
 * `FOR UPDATE SKIP LOCKED` and keeps that transaction open while the batch is sent, so two publishers never send the
 * same row at once and a publisher that dies before marking leaves its rows unpublished (they are sent again).
 */
@Injectable()
export class TypeOrmNotificationOutbox extends NotificationOutbox {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  override async record(batch: OutboxBatch): Promise<string[]> {
    if (batch.incidents.length === 0 && batch.notifications.length === 0) return [];
    return this.dataSource.transaction(async (manager) => {
      if (batch.fence) await assertFence(manager, batch.fence);
      await saveIncidentChanges(manager, batch.incidents);
      const inserted: string[] = [];
      for (let i = 0; i < batch.notifications.length; i += INSERT_CHUNK) {
        const rows = batch.notifications.slice(i, i + INSERT_CHUNK).map((n) => ({
          notification_id: n.notificationId,
          msisdn: n.msisdn,
          kind: n.kind,
          incident_id: n.incidentId ?? null,
          ticket_id: n.ticketId ?? null,
          language: n.language,
          text: n.text,
          cell_ids: n.cellIds,
          created_at: n.createdAt,
          not_before: n.notBefore,
        }));
        const result: { notification_id: string }[] = await manager.query(INSERT_SQL, [JSON.stringify(rows)]);
        for (const row of result) inserted.push(row.notification_id);
      }
      return inserted;
    });
  }

  override async existingIds(notificationIds: readonly string[]): Promise<Set<string>> {
    if (notificationIds.length === 0) return new Set();
    const rows: { notification_id: string }[] = await this.dataSource.query(
      'SELECT notification_id FROM sms_notifications WHERE notification_id = ANY($1::text[])',
      [[...new Set(notificationIds)]],
    );
    return new Set(rows.map((r) => r.notification_id));
  }

  override async countCreatedSince(msisdns: readonly string[], since: Date): Promise<Map<string, number>> {
    if (msisdns.length === 0) return new Map();
    const rows: { msisdn: string; n: number }[] = await this.dataSource.query(
      `SELECT msisdn, count(*)::int AS n FROM sms_notifications
       WHERE msisdn = ANY($1::text[]) AND created_at >= $2 GROUP BY msisdn`,
      [[...new Set(msisdns)], since],
    );
    return new Map(rows.map((r) => [r.msisdn, r.n]));
  }

  override async recipientsOf(incidentIds: readonly string[], kinds: readonly NotificationKind[]): Promise<NotifiedSubscriber[]> {
    if (incidentIds.length === 0 || kinds.length === 0) return [];
    const rows: { msisdn: string; language: Language }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (msisdn) msisdn, language FROM sms_notifications
       WHERE incident_id = ANY($1::text[]) AND kind = ANY($2::text[])
       ORDER BY msisdn, created_at, notification_id`,
      [[...new Set(incidentIds)], [...new Set(kinds)]],
    );
    return rows.map((r) => ({ msisdn: r.msisdn, language: r.language }));
  }

  override async publishPending(limit: number, at: Date, send: (batch: SmsNotification[]) => Promise<void>): Promise<number> {
    if (limit <= 0) return 0;
    return this.dataSource.transaction(async (manager) => {
      const rows: NotificationRow[] = await manager.query(CLAIM_SQL, [limit]);
      if (rows.length === 0) return 0;
      await send(rows.map(toSmsNotification));
      await manager.query('UPDATE sms_notifications SET published_at = $2 WHERE notification_id = ANY($1::text[])', [
        rows.map((r) => r.notification_id),
        at,
      ]);
      return rows.length;
    });
  }

  override async pendingCount(): Promise<number> {
    const rows: { pending: number }[] = await this.dataSource.query(
      'SELECT count(*)::int AS pending FROM sms_notifications WHERE published_at IS NULL',
    );
    return rows[0]?.pending ?? 0;
  }
}
