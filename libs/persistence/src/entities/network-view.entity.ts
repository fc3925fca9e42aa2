import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import type { NetworkView, VerdictCause, ViewStatus } from '@cellscope/domain';

/** Row of `network_views`: the view document of one ticket plus the columns searches filter on. */
@Entity({ name: 'network_views' })
@Unique('uq_network_views_complaint_no', ['complaintNo'])
@Index('ix_network_views_serving_cell_occurred', ['servingCellId', 'occurredAt'])
export class NetworkViewEntity {
  @PrimaryColumn({ name: 'ticket_id', type: 'varchar', length: 64 })
  ticketId: string;

  @Column({ name: 'complaint_no', type: 'varchar', length: 32 })
  complaintNo: string;

  @Column({ name: 'ticket_version', type: 'integer' })
  ticketVersion: number;

  @Index('ix_network_views_status')
  @Column({ type: 'varchar', length: 16 })
  status: ViewStatus;

  @Index('ix_network_views_verdict_cause')
  @Column({ name: 'verdict_cause', type: 'varchar', length: 32 })
  verdictCause: VerdictCause;

  @Column({ name: 'network_related', type: 'boolean', nullable: true })
  networkRelated: boolean | null;

  /** The first SERVING cell (all SERVING cells are in network_view_cells). */
  @Column({ name: 'serving_cell_id', type: 'varchar', length: 64, nullable: true })
  servingCellId: string | null;

  @Index('ix_network_views_msisdn')
  @Column({ type: 'varchar', length: 16 })
  msisdn: string;

  @Index('ix_network_views_occurred_at')
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'correlated_at', type: 'timestamptz' })
  correlatedAt: Date;

  @Column({ type: 'jsonb' })
  document: NetworkView;

  /** sha256 of the canonical document without correlatedAt (see hashNetworkView). */
  @Column({ name: 'document_hash', type: 'char', length: 64 })
  documentHash: string;
}
