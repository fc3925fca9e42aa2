import { Injectable } from '@nestjs/common';
import type { CellRole, NetworkView } from '@cellscope/domain';
import type { Pool, QueryConfig } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { hashNetworkView } from '../network-view-hash';
import {
  ComplaintHotspot,
  NetworkViewRepository,
  SaveViewResult,
  SaveViewsOptions,
  ViewPage,
  ViewSearch,
} from '../ports/network-view.repository';

// The documents come as one JSON array ($11), element n-1 for row n: bound as a single text, it skips the array-literal
// escaping of every document (in node-postgres and in PostgreSQL) that a jsonb[] parameter costs.
const UPSERT_MANY_SQL = `
  INSERT INTO network_views AS v (ticket_id, complaint_no, ticket_version, status, verdict_cause, network_related,
                                  serving_cell_id, msisdn, occurred_at, correlated_at, document, document_hash)
  SELECT u.ticket_id, u.complaint_no, u.ticket_version, u.status, u.verdict_cause, u.network_related, u.serving_cell_id,
         u.msisdn, u.occurred_at, u.correlated_at, $11::jsonb -> (u.n - 1)::int, u.document_hash
  FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::boolean[], $7::text[], $8::text[],
              $9::timestamptz[], $10::timestamptz[], $12::text[])
         WITH ORDINALITY AS u(ticket_id, complaint_no, ticket_version, status, verdict_cause, network_related,
                              serving_cell_id, msisdn, occurred_at, correlated_at, document_hash, n)
  ON CONFLICT (ticket_id) DO UPDATE SET
    complaint_no = EXCLUDED.complaint_no, ticket_version = EXCLUDED.ticket_version, status = EXCLUDED.status,
    verdict_cause = EXCLUDED.verdict_cause, network_related = EXCLUDED.network_related,
    serving_cell_id = EXCLUDED.serving_cell_id, msisdn = EXCLUDED.msisdn, occurred_at = EXCLUDED.occurred_at,
    correlated_at = EXCLUDED.correlated_at, document = EXCLUDED.document, document_hash = EXCLUDED.document_hash
  WHERE v.ticket_version <= EXCLUDED.ticket_version
  RETURNING v.ticket_id`;

const INSERT_CELLS_SQL = `
  INSERT INTO network_view_cells (ticket_id, cell_id, role, occurred_at)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[])`;

const FIRST_SAVE_RACE_ATTEMPTS = 3;

/**
 * The view read behind GET /tickets/{id}/network-view, as a named (prepared) statement: each pooled connection parses
 * and plans it once instead of on every call, which halved the PostgreSQL time per read (pgbench: 0.20 → 0.10 ms)
 * and, sent on the pool directly, skips TypeORM's per-query runner (bench:api, see docs/api.md).
 */
const FIND_VIEW_STATEMENT: Omit<QueryConfig<[string]>, 'values'> = {
  name: 'cellscope_find_network_view',
  text: `SELECT document FROM network_views WHERE ticket_id = $1 OR complaint_no = $1
         ORDER BY (ticket_id = $1) DESC LIMIT 1`,
};

function isComplaintNoViolation(error: unknown): boolean {
  const { code, constraint } = (error as { driverError?: { code?: string; constraint?: string } }).driverError ?? {};
  return code === '23505' && constraint === 'uq_network_views_complaint_no';
}

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
    const [result] = await this.saveMany([view]);
    return result;
  }

  /**
   * Saves many views in one transaction (one commit for a whole batch): locks the stored rows in ticket order,
   * skips views older than the stored ones, upserts the rest with one statement and rewrites the cell rows of
   * the views whose document changed; `beforeCommit` gets those views before the commit.
   */
  override async saveMany(views: readonly NetworkView[], options: SaveViewsOptions = {}): Promise<SaveViewResult[]> {
    if (views.length === 0) return [];
    if (new Set(views.map((v) => v.ticketId)).size !== views.length) throw new Error('saveMany takes each ticket at most once');
    const hashes = views.map((v) => hashNetworkView(v));
    // Two first saves of one ticket can race past the row locks (there is no row to lock yet); the loser trips the
    // complaint-number constraint, which ON CONFLICT (ticket_id) does not arbitrate. Once the winner has committed,
    // a retry finds and locks its row and follows the version rule. A complaint number held by another ticket
    // fails on every attempt and is thrown.
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.saveManyOnce(views, hashes, options);
      } catch (error) {
        if (attempt >= FIRST_SAVE_RACE_ATTEMPTS || !isComplaintNoViolation(error)) throw error;
      }
    }
  }

  private async saveManyOnce(views: readonly NetworkView[], hashes: readonly string[], options: SaveViewsOptions): Promise<SaveViewResult[]> {
    return this.dataSource.transaction(async (manager) => {
      const ids = views.map((v) => v.ticketId).sort();
      const stored: { ticket_id: string; ticket_version: number; document_hash: string }[] = await manager.query(
        'SELECT ticket_id, ticket_version, document_hash FROM network_views WHERE ticket_id = ANY($1::text[]) ORDER BY ticket_id FOR UPDATE',
        [ids],
      );
      const previous = new Map(stored.map((row) => [row.ticket_id, row] as const));
      const results: SaveViewResult[] = views.map(() => ({ applied: false, changed: false }));
      const writable = views.map((view, i) => ({ view, i, hash: hashes[i] })).filter(({ view }) => {
        const before = previous.get(view.ticketId);
        return before === undefined || before.ticket_version <= view.version;
      });
      if (writable.length === 0) return results;

      const column = <T>(pick: (w: (typeof writable)[number]) => T): T[] => writable.map(pick);
      const documents = column((w) => JSON.stringify(w.view));
      const written: { ticket_id: string }[] = await manager.query(UPSERT_MANY_SQL, [
        column((w) => w.view.ticketId),
        column((w) => w.view.complaintNo),
        column((w) => w.view.version),
        column((w) => w.view.status),
        column((w) => w.view.verdict.cause),
        column((w) => w.view.verdict.networkRelated),
        column((w) => w.view.cells.find((c) => c.role === 'SERVING')?.cellId ?? null),
        column((w) => w.view.msisdn),
        column((w) => w.view.occurredAt),
        column((w) => w.view.correlatedAt),
        `[${documents.join(',')}]`,
        column((w) => w.hash),
      ]);
      // A row is missing when a concurrent save of a newer version got in between.
      const applied = new Set(written.map((row) => row.ticket_id));
      const changedViews: NetworkView[] = [];
      const changedDocuments: string[] = [];
      writable.forEach((w, k) => {
        if (!applied.has(w.view.ticketId)) return;
        const before = previous.get(w.view.ticketId);
        const changed = before === undefined || before.document_hash !== w.hash;
        results[w.i] = { applied: true, changed };
        if (changed) {
          changedViews.push(w.view);
          changedDocuments.push(documents[k]);
        }
      });
      if (changedViews.length > 0) {
        await manager.query('DELETE FROM network_view_cells WHERE ticket_id = ANY($1::text[])', [changedViews.map((v) => v.ticketId)]);
        const rows = changedViews.flatMap((view) => [...rolesByCell(view)].map(([cellId, role]) => ({ view, cellId, role })));
        if (rows.length > 0) {
          await manager.query(INSERT_CELLS_SQL, [
            rows.map((r) => r.view.ticketId),
            rows.map((r) => r.cellId),
            rows.map((r) => r.role),
            rows.map((r) => r.view.occurredAt),
          ]);
        }
        // The row locks are held until the commit, so concurrent saves of a ticket reach beforeCommit in commit order.
        if (options.beforeCommit) await options.beforeCommit(changedViews, changedDocuments);
      }
      return results;
    });
  }

  override async findByTicketIdOrComplaintNo(id: string): Promise<NetworkView | null> {
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool | undefined;
    if (!pool) throw new Error('the PostgreSQL connection pool is closed');
    const result = await pool.query<{ document: NetworkView }, [string]>({ ...FIND_VIEW_STATEMENT, values: [id] });
    return result.rows[0]?.document ?? null;
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
