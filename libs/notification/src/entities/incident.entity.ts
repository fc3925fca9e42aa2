import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { IncidentKind, IncidentState } from '@cellscope/domain';

/** Row of `incidents`: a cell or site outage, or a suspected complaint cluster, as the notifier tracks it. */
@Entity({ name: 'incidents' })
@Check('ck_incidents_kind', `"kind" IN ('CELL_OUTAGE', 'SITE_OUTAGE', 'COMPLAINT_CLUSTER')`)
@Check('ck_incidents_state', `"state" IN ('OPEN', 'RESOLVED')`)
@Index('ix_incidents_opened_at', ['openedAt'])
export class IncidentEntity {
  @PrimaryColumn({ name: 'incident_id', type: 'varchar', length: 64 })
  incidentId: string;

  @Column({ type: 'varchar', length: 32 })
  kind: IncidentKind;

  @Column({ type: 'varchar', length: 16 })
  state: IncidentState;

  @Column({ name: 'site_id', type: 'varchar', length: 64, nullable: true })
  siteId: string | null;

  @Column({ name: 'cell_ids', type: 'text', array: true })
  cellIds: string[];

  @Column({ type: 'varchar', length: 16 })
  cause: 'OUTAGE' | 'SUSPECTED';

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  /** Start of the newest KPI interval counted for the incident (a replayed tick changes nothing). */
  @Column({ name: 'last_interval_at', type: 'timestamptz', nullable: true })
  lastIntervalAt: Date | null;

  @Column({ name: 'healthy_intervals', type: 'integer', default: 0 })
  healthyIntervals: number;

  /** The SITE_OUTAGE that took this CELL_OUTAGE over (closed without a recovery). */
  @Column({ name: 'absorbed_by', type: 'varchar', length: 64, nullable: true })
  absorbedBy: string | null;

  /** Distinct subscribers found affected when the incident opened (before opt-outs and caps). */
  @Column({ name: 'affected_subscribers', type: 'integer', default: 0 })
  affectedSubscribers: number;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
