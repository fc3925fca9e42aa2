import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReadinessProbe } from './readiness-probe';

/** PostgreSQL (external or embedded) is ready when the app's DataSource answers `SELECT 1`. */
@Injectable()
export class PostgresReadinessProbe extends ReadinessProbe {
  readonly name = 'postgres';

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async check(): Promise<Record<string, unknown>> {
    if (!this.dataSource.isInitialized) throw new Error('the database connection is not initialised');
    await this.dataSource.query('SELECT 1');
    return {};
  }
}
