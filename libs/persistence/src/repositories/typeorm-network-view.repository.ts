import { Injectable } from '@nestjs/common';
import type { CellRole, NetworkView } from '@cellscope/domain';
import { DataSource } from 'typeorm';
import { hashNetworkView } from '../network-view-hash';
import {
  ComplaintHotspot,
  NetworkViewRepository,
  SaveViewResult,
  ViewPage,
  ViewSearch,
} from '../ports/network-view.repository';

const UPSERT_SQL = `
  INSERT INTO network_views AS v (ticket_id, complaint_no, ticket_version, status, verdict_cause, network_related,
                                  serving_cell_id, msisdn, occurred_at, correlated_at, document, document_hash)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12)
  ON CONFLICT (ticket_id) DO UPDATE SET
    complaint_no = EXCLUDED.complaint_no, ticket_version = EXCLUDED.ticket_version, status = EXCLUDED.status,
    verdict_cause = EXCLUDED.verdict_cause, network_related = EXCLUDED.network_related,
    serving_cell_id = EXCLUDED.serving_cell_id, msisdn = EXCLUDED.msisdn, occurred_at = EXCLUDED.occurred_at,
    correlated_at = EXCLUDED.correlated_at, document = EXCLUDED.document, document_hash = EXCLUDED.document_hash
  WHERE v.ticket_version <= EXCLUDED.ticket_version
  RETURNING 1`;

const INSERT_CELLS_SQL = `
  INSERT INTO network_view_cells (ticket_id, cell_id, role, occurred_at)
  SELECT $1, cell_id, role, $4 FROM unnest($2::text[], $3::text[]) AS u (cell_id, role)`;

/** One role per cell of a view; a cell listed twice counts as SERVING if either entry is. */
function rolesByCell(view: NetworkView): Map<string, CellRole> {
  const roles = new Map<string, CellRole>();
  for (const cell of view.cells) {
    if (roles.get(cell.cellId) !== 'SERVING') roles.set(cell.cellId, cell.role);
  }
  return roles;
}

/**
 * NetworkViewRepository on PostgreSQL: the document as jsonb with a content hash, searchable columns,
 * and one row per view cell in network_view_cells ("by cell" search, hot-spots, complaint clusters).
 */
@Injectable()
export class TypeOrmNetworkViewRepository extends NetworkViewRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  override async save(view: NetworkView): Promise<SaveViewResult> {
    const hash = hashNetworkView(view);
    return this.dataSource.transaction(async (manager) => {
      const stored: { ticket_version: number; document_hash: string }[] = await manager.query(
        'SELECT ticket_version, document_hash FROM network_views WHERE ticket_id = $1 FOR UPDATE',
        [view.ticketId],
      );
      const previous = stored[0];
      if (previous !== undefined && previous.ticket_version > view.version) return { applied: false, changed: false };

      const serving = view.cells.find((c) => c.role === 'SERVING');
      const written: unknown[] = await manager.query(UPSERT_SQL, [
        view.ticketId,
        view.complaintNo,
        view.version,
        view.status,
        view.verdict.cause,
        view.verdict.networkRelated,
        serving?.cellId ?? null,
        view.msisdn,
        view.occurredAt,
        view.correlatedAt,
        JSON.stringify(view),
        hash,
      ]);
      // Empty when a concurrent save of a newer version got in between.
      if (written.length === 0) return { applied: false, changed: false };

      const changed = previous === undefined || previous.document_hash !== hash;
      if (changed) {
        await manager.query('DELETE FROM network_view_cells WHERE ticket_id = $1', [view.ticketId]);
        const roles = rolesByCell(view);
        if (roles.size > 0) {
          await manager.query(INSERT_CELLS_SQL, [view.ticketId, [...roles.keys()], [...roles.values()], view.occurredAt]);
        }
      }
      return { applied: true, changed };
    });
  }

  override async findByTicketIdOrComplaintNo(id: string): Promise<NetworkView | null> {
    const rows: { document: NetworkView }[] = await this.dataSource.query(
      `SELECT document FROM network_views WHERE ticket_id = $1 OR complaint_no = $1
       ORDER BY (ticket_id = $1) DESC LIMIT 1`,
      [id],
    );
    return rows[0]?.document ?? null;
  }

  override async search(query: ViewSearch): Promise<ViewPage> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const bind = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.msisdn !== undefined) conditions.push(`v.msisdn = ${bind(query.msisdn)}`);
    if (query.cellId !== undefined) {
      conditions.push(
        `EXISTS (SELECT 1 FROM network_view_cells c WHERE c.ticket_id = v.ticket_id AND c.cell_id = ${bind(query.cellId)})`,
      );
    }
    if (query.cause !== undefined) conditions.push(`v.verdict_cause = ${bind(query.cause)}`);
    if (query.status !== undefined) conditions.push(`v.status = ${bind(query.status)}`);
    if (query.from !== undefined) conditions.push(`v.occurred_at >= ${bind(query.from)}`);
    if (query.to !== undefined) conditions.push(`v.occurred_at < ${bind(query.to)}`);
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';

    const [counted, items] = await Promise.all([
      this.dataSource.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM network_views v ${where}`, params),
      this.dataSource.query<{ document: NetworkView }[]>(
        `SELECT v.document FROM network_views v ${where}
         ORDER BY v.occurred_at DESC, v.ticket_id ASC
         LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, Math.max(0, query.limit), Math.max(0, query.offset)],
      ),
    ]);
    return { total: counted[0]?.total ?? 0, items: items.map((r) => r.document) };
  }

  override async hotspots(from: Date, to: Date, limit: number): Promise<ComplaintHotspot[]> {
    const rows: { cell_id: string; tickets: number; network_related: number }[] = await this.dataSource.query(
      `SELECT c.cell_id, count(*)::int AS tickets, count(*) FILTER (WHERE v.network_related)::int AS network_related
       FROM network_view_cells c JOIN network_views v ON v.ticket_id = c.ticket_id
       WHERE c.role = 'SERVING' AND c.occurred_at >= $1 AND c.occurred_at < $2
       GROUP BY c.cell_id
       ORDER BY tickets DESC, network_related DESC, c.cell_id ASC
       LIMIT $3`,
      [from, to, Math.max(0, limit)],
    );
    return rows.map((r) => ({ cellId: r.cell_id, tickets: r.tickets, networkRelated: r.network_related }));
  }

  override async findByServingCells(cellIds: readonly string[], from: Date, to: Date): Promise<NetworkView[]> {
    if (cellIds.length === 0) return [];
    const rows: { document: NetworkView }[] = await this.dataSource.query(
      `SELECT v.document FROM network_views v
       WHERE v.ticket_id IN (
         SELECT c.ticket_id FROM network_view_cells c
         WHERE c.cell_id = ANY($1::text[]) AND c.role = 'SERVING' AND c.occurred_at >= $2 AND c.occurred_at < $3)
       ORDER BY v.occurred_at DESC, v.ticket_id ASC`,
      [[...new Set(cellIds)], from, to],
    );
    return rows.map((r) => r.document);
  }
}
