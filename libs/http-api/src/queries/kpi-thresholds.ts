import { Injectable } from '@nestjs/common';
import { AppConfig } from '@cellscope/config';
import { DEFAULT_THRESHOLDS, mergeThresholds, ThresholdTable } from '@cellscope/domain';

/** The threshold table the API judges KPIs with: the defaults of kpis.md merged with CELLSCOPE_THRESHOLDS. */
@Injectable()
export class KpiThresholds {
  readonly table: ThresholdTable;

  constructor(config: AppConfig) {
    const overrides: unknown = config.CELLSCOPE_THRESHOLDS ? JSON.parse(config.CELLSCOPE_THRESHOLDS) : undefined;
    this.table = mergeThresholds(DEFAULT_THRESHOLDS, overrides, 'CELLSCOPE_THRESHOLDS');
  }
}
