import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Row of `sms_opt_outs`: a subscriber who asked for no proactive SMS (MSISDN without a leading +). */
@Entity({ name: 'sms_opt_outs' })
export class SmsOptOutEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  msisdn: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
