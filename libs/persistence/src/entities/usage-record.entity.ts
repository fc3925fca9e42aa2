import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Row of `usage_records`: time one subscriber spent on one cell; (msisdn, cell_id, start_at) is unique. */
@Entity({ name: 'usage_records' })
@Index('ix_usage_records_msisdn_end_start', ['msisdn', 'endAt', 'startAt'])
@Index('ix_usage_records_cell_end', ['cellId', 'endAt'])
export class UsageRecordEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  msisdn: string;

  @PrimaryColumn({ name: 'cell_id', type: 'varchar', length: 64 })
  cellId: string;

  @PrimaryColumn({ name: 'start_at', type: 'timestamptz' })
  startAt: Date;

  @Column({ name: 'end_at', type: 'timestamptz' })
  endAt: Date;

  /** bigint: node-postgres returns it as a string. */
  @Column({ name: 'bytes_dl', type: 'bigint', nullable: true })
  bytesDl: string | null;

  @Column({ name: 'bytes_ul', type: 'bigint', nullable: true })
  bytesUl: string | null;
}
