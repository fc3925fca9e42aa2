import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IncidentChange, IncidentPage, IncidentRepository, IncidentSearch, StoredIncident } from '../ports/incident.repository';
import { INCIDENT_COLUMNS, IncidentRow, saveIncidentChanges, toStoredIncident } from './incident-rows';

/** IncidentRepository on PostgreSQL (`incidents`): one bulk upsert per save, indexed look-ups of open incidents. */
@Injectable()
export class TypeOrmIncidentRepository extends IncidentRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  override async save(changes: readonly IncidentChange[]): Promise<void> {
    await saveIncidentChanges(this.dataSource, changes);
  }

  override async findOpen(): Promise<StoredIncident[]> {
    const rows: IncidentRow[] = await this.dataSource.query(
      `SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE state = 'OPEN' ORDER BY incident_id`,
    );
    return rows.map(toStoredIncident);
  }

  override async findById(incidentId: string): Promise<StoredIncident | null> {
    const rows: IncidentRow[] = await this.dataSource.query(`SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE incident_id = $1`, [
      incidentId,
    ]);
    return rows[0] ? toStoredIncident(rows[0]) : null;
  }

  override async findAbsorbedInto(incidentIds: readonly string[]): Promise<StoredIncident[]> {
    if (incidentIds.length === 0) return [];
    const rows: IncidentRow[] = await this.dataSource.query(
      `SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE absorbed_by = ANY($1::text[]) ORDER BY incident_id`,
      [[...incidentIds]],
    );
    return rows.map(toStoredIncident);
  }

  override async search(query: IncidentSearch): Promise<IncidentPage> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (condition: string, value: unknown) => {
      params.push(value);
      where.push(condition.replace('?', `$${params.length}`));
    };
    if (query.state !== undefined) add('state = ?', query.state);
    if (query.kind !== undefined) add('kind = ?', query.kind);
    if (query.from !== undefined) add('opened_at >= ?', query.from);
    if (query.to !== undefined) add('opened_at < ?', query.to);
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }]: { total: number }[] = await this.dataSource.query(`SELECT count(*)::int AS total FROM incidents ${filter}`, params);
    const rows: IncidentRow[] = await this.dataSource.query(
      `SELECT ${INCIDENT_COLUMNS} FROM incidents ${filter}
       ORDER BY opened_at DESC, incident_id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, Math.max(0, query.limit), Math.max(0, query.offset)],
    );
    return { total, items: rows.map(toStoredIncident) };
  }
}
