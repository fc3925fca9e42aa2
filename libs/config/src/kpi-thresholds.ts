import { DEFAULT_THRESHOLDS, mergeThresholds, ThresholdTable } from '@cellscope/domain';
import { AppConfig } from './app-config';
import { ConfigError } from './load-config';

/** The thresholds in force: the defaults of kpis.md with CELLSCOPE_THRESHOLDS applied (injectable). */
export class KpiThresholds {
  constructor(readonly table: ThresholdTable) {}

  /** Builds the table from configuration; a bad override stops start-up naming CELLSCOPE_THRESHOLDS. */
  static fromConfig(config: AppConfig): KpiThresholds {
    if (!config.CELLSCOPE_THRESHOLDS) return new KpiThresholds(DEFAULT_THRESHOLDS);
    let parsed: unknown;
    try {
      parsed = JSON.parse(config.CELLSCOPE_THRESHOLDS);
    } catch (e) {
      throw new ConfigError([{ variable: 'CELLSCOPE_THRESHOLDS', message: `not JSON: ${(e as Error).message}` }]);
    }
    try {
      return new KpiThresholds(mergeThresholds(DEFAULT_THRESHOLDS, parsed));
    } catch (e) {
      throw new ConfigError([{ variable: 'CELLSCOPE_THRESHOLDS', message: (e as Error).message }]);
    }
  }
}
