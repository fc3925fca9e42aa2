import { JUDGED_KPI_NAMES, JudgedKpiName, NETWORK_TYPES, NetworkType } from '../model';
import { KpiThreshold, ThresholdDirection, ThresholdTable } from './thresholds';

/** A threshold override that does not fit the expected shape; `path` names the offending entry. */
export class ThresholdOverrideError extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`${path} ${problem}`);
    this.name = 'ThresholdOverrideError';
  }
}

const DIRECTIONS: readonly ThresholdDirection[] = ['HIGHER_IS_WORSE', 'LOWER_IS_WORSE'];
const FIELDS = ['warn', 'bad', 'direction', 'inclusive'] as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergeOne(base: KpiThreshold, override: unknown, path: string): KpiThreshold {
  if (!isPlainObject(override)) throw new ThresholdOverrideError(path, 'must be an object like {"warn":70,"bad":80}');
  const merged: KpiThreshold = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const at = `${path}.${key}`;
    if (!(FIELDS as readonly string[]).includes(key)) {
      throw new ThresholdOverrideError(at, `is not a threshold field (expected one of ${FIELDS.join(', ')})`);
    }
    if (key === 'warn' || key === 'bad') {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new ThresholdOverrideError(at, 'must be a finite number');
      merged[key] = value;
    } else if (key === 'direction') {
      if (!DIRECTIONS.includes(value as ThresholdDirection)) {
        throw new ThresholdOverrideError(at, `must be one of ${DIRECTIONS.join(', ')}`);
      }
      merged.direction = value as ThresholdDirection;
    } else {
      if (typeof value !== 'boolean') throw new ThresholdOverrideError(at, 'must be true or false');
      merged.inclusive = value;
    }
  }
  const ordered = merged.direction === 'HIGHER_IS_WORSE' ? merged.bad >= merged.warn : merged.bad <= merged.warn;
  if (!ordered) {
    const relation = merged.direction === 'HIGHER_IS_WORSE' ? '≥' : '≤';
    throw new ThresholdOverrideError(
      path,
      `has bad ${merged.bad} and warn ${merged.warn}: with direction ${merged.direction} bad must be ${relation} warn`,
    );
  }
  return merged;
}

/**
 * Applies an override object (parsed from JSON, e.g. CELLSCOPE_THRESHOLDS) to a threshold table and returns a new
 * table. Shape: `{ "<4G|5G>": { "<judged KPI>": { warn?, bad?, direction?, inclusive? } } }`; every level is
 * optional, unknown keys are rejected. `undefined`/`null` leaves `base` unchanged.
 * Throws ThresholdOverrideError naming the bad path (prefixed by `label`).
 */
export function mergeThresholds(base: ThresholdTable, overrides: unknown, label = 'thresholds'): ThresholdTable {
  const result = {} as ThresholdTable;
  for (const networkType of NETWORK_TYPES) {
    result[networkType] = {} as Record<JudgedKpiName, KpiThreshold>;
    for (const kpi of JUDGED_KPI_NAMES) result[networkType][kpi] = { ...base[networkType][kpi] };
  }
  if (overrides === undefined || overrides === null) return result;
  if (!isPlainObject(overrides)) throw new ThresholdOverrideError(label, 'must be a JSON object keyed by network type (4G, 5G)');
  for (const [networkType, perKpi] of Object.entries(overrides)) {
    const ntPath = `${label}.${networkType}`;
    if (!(NETWORK_TYPES as readonly string[]).includes(networkType)) {
      throw new ThresholdOverrideError(ntPath, `is not a network type (expected one of ${NETWORK_TYPES.join(', ')})`);
    }
    if (!isPlainObject(perKpi)) throw new ThresholdOverrideError(ntPath, 'must be an object keyed by KPI name');
    for (const [kpi, override] of Object.entries(perKpi)) {
      const kpiPath = `${ntPath}.${kpi}`;
      if (!(JUDGED_KPI_NAMES as readonly string[]).includes(kpi)) {
        throw new ThresholdOverrideError(kpiPath, `is not a judged KPI (expected one of ${JUDGED_KPI_NAMES.join(', ')})`);
      }
      const nt = networkType as NetworkType;
      const name = kpi as JudgedKpiName;
      result[nt][name] = mergeOne(result[nt][name], override, kpiPath);
    }
  }
  return result;
}
