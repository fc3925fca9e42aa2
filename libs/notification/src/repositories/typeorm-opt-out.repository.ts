import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OptOut, OptOutRepository } from '../ports/opt-out.repository';
import { normalizeMsisdn } from '../policy/msisdn-normalization';

/** OptOutRepository on PostgreSQL (`sms_opt_outs`, keyed by the MSISDN without a leading +). */
@Injectable()
export class TypeOrmOptOutRepository extends OptOutRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  override async add(msisdn: string, at: Date): Promise<OptOut> {
    const normalized = normalizeMsisdn(msisdn);
    // The no-op update makes RETURNING give the stored row when it already exists.
    const rows: { msisdn: string; created_at: Date }[] = await this.dataSource.query(
      `INSERT INTO sms_opt_outs AS o (msisdn, created_at) VALUES ($1, $2)
       ON CONFLICT (msisdn) DO UPDATE SET created_at = o.created_at
       RETURNING msisdn, created_at`,
      [normalized, at],
    );
    return { msisdn: rows[0].msisdn, since: rows[0].created_at };
  }

  override async remove(msisdn: string): Promise<boolean> {
    const rows: { msisdn: string }[] = await this.dataSource.query(
      'WITH removed AS (DELETE FROM sms_opt_outs WHERE msisdn = $1 RETURNING msisdn) SELECT msisdn FROM removed',
      [normalizeMsisdn(msisdn)],
    );
    return rows.length > 0;
  }

  override async find(msisdn: string): Promise<OptOut | null> {
    const rows: { msisdn: string; created_at: Date }[] = await this.dataSource.query(
      'SELECT msisdn, created_at FROM sms_opt_outs WHERE msisdn = $1',
      [normalizeMsisdn(msisdn)],
    );
    return rows[0] ? { msisdn: rows[0].msisdn, since: rows[0].created_at } : null;
  }

  override async findOptedOut(msisdns: readonly string[]): Promise<Set<string>> {
    if (msisdns.length === 0) return new Set();
    const rows: { msisdn: string }[] = await this.dataSource.query('SELECT msisdn FROM sms_opt_outs WHERE msisdn = ANY($1::text[])', [
      [...new Set(msisdns.map(normalizeMsisdn))],
    ]);
    const stored = new Set(rows.map((r) => r.msisdn));
    return new Set(msisdns.filter((m) => stored.has(normalizeMsisdn(m))));
  }
}
