import { Injectable } from '@nestjs/common';
import type { Ticket } from '@cellscope/domain';
import { DataSource, EntityManager } from 'typeorm';
import { TicketEntity } from '../entities/ticket.entity';
import { StoredTicket, TicketRepository, TicketUpsertResult } from '../ports/ticket.repository';

interface UpsertRow {
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

/** TicketRepository on PostgreSQL: one versioned `INSERT … ON CONFLICT … WHERE stored.version < new.version`. */
@Injectable()
export class TypeOrmTicketRepository extends TicketRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  override async upsert(ticket: Ticket): Promise<TicketUpsertResult> {
    return this.upsertWith(this.dataSource.manager, ticket);
  }

  /** Upserts the tickets in order in one transaction (one commit for a batch); one result per ticket. */
  override async upsertMany(tickets: readonly Ticket[]): Promise<TicketUpsertResult[]> {
    if (tickets.length === 0) return [];
    return this.dataSource.transaction(async (manager) => {
      const results: TicketUpsertResult[] = [];
      for (const ticket of tickets) results.push(await this.upsertWith(manager, ticket));
      return results;
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
