import { Injectable } from '@nestjs/common';
import type { TimeWindow, UsageRecord } from '@cellscope/domain';
import { DataSource } from 'typeorm';
import { UsageRecordEntity } from '../entities/usage-record.entity';
import { UsageRepository } from '../ports/usage.repository';

/** Rows per INSERT statement (six bound arrays per statement, whatever the row count). */
const CHUNK_SIZE = 10_000;

const INSERT_SQL = `
  INSERT INTO usage_records (msisdn, cell_id, start_at, end_at, bytes_dl, bytes_ul)
  SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::int8[], $6::int8[])
  ON CONFLICT (msisdn, cell_id, start_at) DO NOTHING`;

function toUsageRecord(row: UsageRecordEntity): UsageRecord {
  const record: UsageRecord = { msisdn: row.msisdn, cellId: row.cellId, start: row.startAt, end: row.endAt };
  if (row.bytesDl !== null) record.bytesDl = Number(row.bytesDl);
  if (row.bytesUl !== null) record.bytesUl = Number(row.bytesUl);
  return record;
}

/** Timestamps are bound as ISO text: exact to the millisecond and independent of the process time zone. */
function toColumnArrays(records: readonly UsageRecord[]): unknown[] {
  return [
    records.map((r) => r.msisdn),
    records.map((r) => r.cellId),
    records.map((r) => r.start.toISOString()),
    records.map((r) => r.end.toISOString()),
    records.map((r) => (r.bytesDl === undefined ? null : Math.round(r.bytesDl))),
    records.map((r) => (r.bytesUl === undefined ? null : Math.round(r.bytesUl))),
  ];
}

/** UsageRepository on PostgreSQL: chunked `unnest` inserts with ON CONFLICT DO NOTHING, indexed overlap lookups. */
@Injectable()
export class TypeOrmUsageRepository extends UsageRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  override async insertMany(records: readonly UsageRecord[]): Promise<void> {
    if (records.length === 0) return;
    if (records.length <= CHUNK_SIZE) {
      await this.dataSource.query(INSERT_SQL, toColumnArrays(records));
      return;
    }
    await this.dataSource.transaction(async (manager) => {
      for (let i = 0; i < records.length; i += CHUNK_SIZE) {
        await manager.query(INSERT_SQL, toColumnArrays(records.slice(i, i + CHUNK_SIZE)));
      }
    });
  }

  override async findForSubscriber(msisdn: string, window: TimeWindow): Promise<UsageRecord[]> {
    const rows = await this.dataSource
      .getRepository(UsageRecordEntity)
      .createQueryBuilder('u')
      .where('u.msisdn = :msisdn', { msisdn })
      .andWhere('u.end_at > :from', { from: window.from })
      .andWhere('u.start_at < :to', { to: window.to })
      .orderBy('u.start_at')
      .addOrderBy('u.cell_id')
      .getMany();
    return rows.map(toUsageRecord);
  }

  override async findForSubscribers(msisdns: readonly string[], window: TimeWindow): Promise<Map<string, UsageRecord[]>> {
    const out = new Map<string, UsageRecord[]>();
    if (msisdns.length === 0) return out;
    const rows = await this.dataSource
      .getRepository(UsageRecordEntity)
      .createQueryBuilder('u')
      .where('u.msisdn = ANY(:msisdns)', { msisdns: [...new Set(msisdns)] })
      .andWhere('u.end_at > :from', { from: window.from })
      .andWhere('u.start_at < :to', { to: window.to })
      .orderBy('u.msisdn')
      .addOrderBy('u.start_at')
      .addOrderBy('u.cell_id')
      .getMany();
    for (const row of rows) {
      const record = toUsageRecord(row);
      const list = out.get(record.msisdn) ?? [];
      list.push(record);
      out.set(record.msisdn, list);
    }
    return out;
  }

  override async findSubscribersOnCells(cellIds: readonly string[], since: Date, limit: number): Promise<string[]> {
    if (cellIds.length === 0 || limit <= 0) return [];
    const rows: { msisdn: string }[] = await this.dataSource.query(
      `SELECT DISTINCT msisdn FROM usage_records
       WHERE cell_id = ANY($1::text[]) AND end_at >= $2
       ORDER BY msisdn LIMIT $3`,
      [[...new Set(cellIds)], since, limit],
    );
    return rows.map((r) => r.msisdn);
  }

  override async deleteEndedBefore(cutoff: Date): Promise<number> {
    const result = await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(UsageRecordEntity)
      .where('end_at < :cutoff', { cutoff })
      .execute();
    return result.affected ?? 0;
  }
}
