import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CellStatus, NetworkType, SiteType } from '@cellscope/domain';

/** Row of `cells`: one sector of the cell inventory (CellRecord). */
@Entity({ name: 'cells' })
@Index('ix_cells_lat_lon', ['lat', 'lon'])
export class CellEntity {
  @PrimaryColumn({ name: 'cell_id', type: 'varchar', length: 64 })
  cellId: string;

  @Column({ type: 'text' })
  name: string;

  @Index('ix_cells_site_id')
  @Column({ name: 'site_id', type: 'varchar', length: 64 })
  siteId: string;

  @Column({ name: 'site_name', type: 'text', nullable: true })
  siteName: string | null;

  @Column({ name: 'site_type', type: 'varchar', length: 16 })
  siteType: SiteType;

  @Column({ name: 'network_type', type: 'varchar', length: 4 })
  networkType: NetworkType;

  @Column({ type: 'varchar', length: 32, nullable: true })
  band: string | null;

  @Column({ type: 'double precision' })
  lat: number;

  @Column({ type: 'double precision' })
  lon: number;

  @Column({ type: 'smallint', nullable: true })
  azimuth: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  region: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  vendor: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: CellStatus;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
