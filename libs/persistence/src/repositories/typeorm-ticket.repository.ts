import { Injectable } from '@nestjs/common';
import type { Ticket } from '@cellscope/domain';
import { DataSource, EntityManager } from 'typeorm';
import { TicketEntity } from '../entities/ticket.entity';
import { StoredTicket, TicketRepository, TicketUpsertResult } from '../ports/ticket.repository';

interface UpsertRow {
  ticket_id: string;
  complaint_no: string;
  version: number;
  applied: boolean;
}

const UPSERT_SQL = `
  WITH upserted AS (
    INSERT INTO tickets AS t (ticket_id, version, status, msisdn, reported_at, occurred_at, symptom, description,
                              location_lat, location_lon, location_address, cell_ids, subscriber, region)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::text[], $13::jsonb, $14)
    ON CONFLICT (ticket_id) DO UPDATE SET
      version = EXCLUDED.version, status = EXCLUDED.status, msisdn = EXCLUDED.msisdn,
      reported_at = EXCLUDED.reported_at, occurred_at = EXCLUDED.occurred_at, symptom = EXCLUDED.symptom,
      description = EXCLUDED.description, location_lat = EXCLUDED.location_lat, location_lon = EXCLUDED.location_lon,
      location_address = EXCLUDED.location_address, cell_ids = EXCLUDED.cell_ids, subscriber = EXCLUDED.subscriber,
      region = EXCLUDED.region, updated_at = now()
    WHERE t.version < EXCLUDED.version
    RETURNING t.complaint_no, t.version
  )
  SELECT complaint_no, version, true AS applied FROM upserted
  UNION ALL
  SELECT complaint_no, version, false AS applied FROM tickets
  WHERE ticket_id = $1 AND NOT EXISTS (SELECT 1 FROM upserted)`;

/** The batch's tickets as one bound array per column (unnest); the per-ticket columns in the order of UPSERT_SQL. */
const TICKET_COLUMNS = `
  unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::text[], $8::text[],
         $9::float8[], $10::float8[], $11::text[], $12::text[], $13::jsonb[], $14::text[])
    AS i(ticket_id, version, status, msisdn, reported_at, occurred_at, symptom, description, location_lat, location_lon,
         location_address, cell_ids, subscriber, region)`;

/**
 * Inserts the tickets of a batch that are not stored yet (at most one row per ticket), in ticket order; a ticket
 * that exists, or that a concurrent transaction inserts meanwhile, is left to the update below.
 */
const INSERT_NEW_SQL = `
  INSERT INTO tickets (ticket_id, version, status, msisdn, reported_at, occurred_at, symptom, description,
                       location_lat, location_lon, location_address, cell_ids, subscriber, region)
  SELECT i.ticket_id, i.version, i.status, i.msisdn, i.reported_at, i.occurred_at, i.symptom, i.description,
         i.location_lat, i.location_lon, i.location_address, i.cell_ids::text[], i.subscriber, i.region
  FROM ${TICKET_COLUMNS}
  WHERE NOT EXISTS (SELECT 1 FROM tickets t WHERE t.ticket_id = i.ticket_id)
  ORDER BY i.ticket_id
  ON CONFLICT (ticket_id) DO NOTHING
  RETURNING ticket_id, complaint_no, version`;

/** Locks the stored rows of the other tickets (in ticket order) and reads their version before the update. */
const LOCK_STORED_SQL = `
  SELECT ticket_id, complaint_no, version FROM tickets WHERE ticket_id = ANY($1::text[]) ORDER BY ticket_id FOR UPDATE`;

/** Overwrites stored tickets with newer versions (at most one row per ticket; the rows are locked already). */
const UPDATE_NEWER_SQL = `
  UPDATE tickets AS t SET
    version = i.version, status = i.status, msisdn = i.msisdn, reported_at = i.reported_at, occurred_at = i.occurred_at,
    symptom = i.symptom, description = i.description, location_lat = i.location_lat, location_lon = i.location_lon,
    location_address = i.location_address, cell_ids = i.cell_ids::text[], subscriber = i.subscriber, region = i.region,
    updated_at = now()
  FROM ${TICKET_COLUMNS}
  WHERE t.ticket_id = i.ticket_id AND t.version < i.version`;

/** A text[] literal ('{"a","b\\"c"}') for one ticket's cell ids, bound as one element of a text[] column. */
function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/** The bound arrays of TICKET_COLUMNS for these tickets. */
function ticketColumns(tickets: readonly Ticket[]): unknown[] {
  return [
    tickets.map((t) => t.ticketId),
    tickets.map((t) => t.version),
    tickets.map((t) => t.status),
    tickets.map((t) => t.msisdn),
    tickets.map((t) => t.reportedAt.toISOString()),
    tickets.map((t) => t.occurredAt.toISOString()),
    tickets.map((t) => t.symptom ?? null),
    tickets.map((t) => t.description ?? null),
    tickets.map((t) => t.location?.lat ?? null),
    tickets.map((t) => t.location?.lon ?? null),
    tickets.map((t) => t.location?.address ?? null),
    tickets.map((t) => (t.cellIds === undefined ? null : textArrayLiteral(t.cellIds))),
    tickets.map((t) => (t.subscriber === undefined ? null : JSON.stringify(t.subscriber))),
    tickets.map((t) => t.region ?? null),
  ];
}

/** Maps a row to the stored ticket; absent optional fields stay absent (never null). */
function toStoredTicket(row: TicketEntity): StoredTicket {
  const ticket: StoredTicket = {
    ticketId: row.ticketId,
    complaintNo: row.complaintNo,
    version: row.version,
    status: row.status,
    msisdn: row.msisdn,
    reportedAt: row.reportedAt,
    occurredAt: row.occurredAt,
    receivedAt: row.receivedAt,
  };
  if (row.symptom !== null) ticket.symptom = row.symptom;
  if (row.description !== null) ticket.description = row.description;
  if (row.locationLat !== null && row.locationLon !== null) {
    ticket.location = { lat: row.locationLat, lon: row.locationLon };
    if (row.locationAddress !== null) ticket.location.address = row.locationAddress;
  }
  if (row.cellIds !== null) ticket.cellIds = row.cellIds;
  if (row.subscriber !== null) ticket.subscriber = row.subscriber;
  if (row.region !== null) ticket.region = row.region;
  return ticket;
}

/**
 * TicketRepository on PostgreSQL: one versioned `INSERT … ON CONFLICT … WHERE stored.version < new.version` per
 * ticket; batches insert new tickets and update newer versions set-based (`unnest`).
 */
@Injectable()
export class TypeOrmTicketRepository extends TicketRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  override async upsert(ticket: Ticket): Promise<TicketUpsertResult> {
    return this.upsertWith(this.dataSource.manager, ticket);
  }

  /**
   * Upserts the tickets in order in one transaction with a fixed number of statements, whatever the batch size:
   * per ticket only its newest version (the first message carrying it) is written, then the result of every message
   * is derived as if the batch had been upserted one by one. New tickets are inserted with one statement; the rows of
   * the others are locked and read (their version before the batch), and the newer ones updated with one statement.
   */
  override async upsertMany(tickets: readonly Ticket[]): Promise<TicketUpsertResult[]> {
    if (tickets.length === 0) return [];
    const newest = new Map<string, Ticket>();
    for (const ticket of tickets) {
      const kept = newest.get(ticket.ticketId);
      if (kept === undefined || ticket.version > kept.version) newest.set(ticket.ticketId, ticket);
    }
    const candidates = [...newest.values()];
    const before = await this.dataSource.transaction(async (manager) => {
      /** Per ticket: the stored version before this batch (null = new) and its complaint number. */
      const stored = new Map<string, { version: number | null; complaintNo: string }>();
      const inserted: { ticket_id: string; complaint_no: string }[] = await manager.query(INSERT_NEW_SQL, ticketColumns(candidates));
      for (const row of inserted) stored.set(row.ticket_id, { version: null, complaintNo: row.complaint_no });
      const others = candidates.filter((t) => !stored.has(t.ticketId));
      if (others.length === 0) return stored;
      const locked: UpsertRow[] = await manager.query(LOCK_STORED_SQL, [others.map((t) => t.ticketId)]);
      for (const row of locked) stored.set(row.ticket_id, { version: row.version, complaintNo: row.complaint_no });
      const newer = others.filter((t) => {
        const prior = stored.get(t.ticketId);
        if (prior === undefined) throw new Error(`Ticket ${t.ticketId} vanished during upsert`);
        return (prior.version ?? 0) < t.version;
      });
      if (newer.length > 0) await manager.query(UPDATE_NEWER_SQL, ticketColumns(newer));
      return stored;
    });
    // The stored version each message of the batch found and left, in message order.
    const current = new Map<string, number | null>([...before].map(([id, s]) => [id, s.version]));
    return tickets.map((ticket) => {
      const version = current.get(ticket.ticketId) ?? null;
      const applied = version === null || ticket.version > version;
      if (applied) current.set(ticket.ticketId, ticket.version);
      const complaintNo = (before.get(ticket.ticketId) as { complaintNo: string }).complaintNo;
      return { applied, complaintNo, storedVersion: applied ? ticket.version : (version as number) };
    });
  }

  private async upsertWith(manager: EntityManager, ticket: Ticket): Promise<TicketUpsertResult> {
    const rows: UpsertRow[] = await manager.query(UPSERT_SQL, [
      ticket.ticketId,
      ticket.version,
      ticket.status,
      ticket.msisdn,
      ticket.reportedAt,
      ticket.occurredAt,
      ticket.symptom ?? null,
      ticket.description ?? null,
      ticket.location?.lat ?? null,
      ticket.location?.lon ?? null,
      ticket.location?.address ?? null,
      ticket.cellIds ?? null,
      ticket.subscriber === undefined ? null : JSON.stringify(ticket.subscriber),
      ticket.region ?? null,
    ]);
    const row =
      rows[0] ??
      // A concurrent insert committed after this statement's snapshot: read it now.
      (await manager.query<UpsertRow[]>(
        'SELECT complaint_no, version, false AS applied FROM tickets WHERE ticket_id = $1',
        [ticket.ticketId],
      ))[0];
    if (row === undefined) throw new Error(`Ticket ${ticket.ticketId} vanished during upsert`);
    return { applied: row.applied, complaintNo: row.complaint_no, storedVersion: row.version };
  }

  override async findByTicketIdOrComplaintNo(id: string): Promise<StoredTicket | null> {
    const rows = await this.dataSource.getRepository(TicketEntity).find({
      where: [{ ticketId: id }, { complaintNo: id }],
      take: 2,
    });
    // A work-order number wins over an equal complaint number of another ticket.
    const row = rows.find((r) => r.ticketId === id) ?? rows[0];
    return row === undefined ? null : toStoredTicket(row);
  }

  override async findManyByIds(ticketIds: readonly string[]): Promise<StoredTicket[]> {
    if (ticketIds.length === 0) return [];
    const rows = await this.dataSource
      .getRepository(TicketEntity)
      .createQueryBuilder('t')
      .where('t.ticket_id = ANY(:ids)', { ids: [...new Set(ticketIds)] })
      .orderBy('t.ticket_id')
      .getMany();
    return rows.map(toStoredTicket);
  }
}
