import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { NetworkViewEntity } from './network-view.entity';
import type { CellRole } from '@cellscope/domain';

/** Row of `network_view_cells`: one cell of a stored view, for "by cell", hot-spot and serving-cell queries. */
@Entity({ name: 'network_view_cells' })
@Index('ix_network_view_cells_cell_role_occurred', ['cellId', 'role', 'occurredAt'])
export class NetworkViewCellEntity {
  @PrimaryColumn({ name: 'ticket_id', type: 'varchar', length: 64 })
  ticketId: string;

  /** The view this row belongs to (rows go when the view goes). */
  @ManyToOne(() => NetworkViewEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'fk_network_view_cells_ticket' })
  view?: NetworkViewEntity;

  @PrimaryColumn({ name: 'cell_id', type: 'varchar', length: 64 })
  cellId: string;

  @Column({ type: 'varchar', length: 16 })
  role: CellRole;

  /** Copy of the view's occurredAt, so time-bounded cell queries need no join. */
  @Index('ix_network_view_cells_occurred_at')
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;
}
