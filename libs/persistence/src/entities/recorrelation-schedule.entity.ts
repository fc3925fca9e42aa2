import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Row of `recorrelation_schedule`: a ticket to correlate again at dueAt, leased by one correlator at a time. */
@Entity({ name: 'recorrelation_schedule' })
export class RecorrelationScheduleEntity {
  @PrimaryColumn({ name: 'ticket_id', type: 'varchar', length: 64 })
  ticketId: string;

  @Index('ix_recorrelation_schedule_due_at')
  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** While in the future, the entry is claimed by a correlator; null when not claimed since last scheduled. */
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
