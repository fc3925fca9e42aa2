import { COUNTER_NAMES, CounterName, JUDGED_KPI_NAMES, JudgedKpiName } from '@cellscope/domain';

/** One KPI that the operator stores only as a percentage, optionally with a weight field (e.g. samples). */
export interface PercentKpiMapping {
  kpi: JudgedKpiName;
  /** Field holding the percentage (0..100) of one interval. */
  field: string;
  /** Field holding the interval's weight; without it every interval weighs 1. */
  weightField?: string;
}

/** Field names of the default schema (kpis.md, "Default InfluxDB schema"). */
export const DEFAULT_COUNTER_FIELDS: Readonly<Record<CounterName, string>> = Object.freeze({
  prbDlUsed: 'prb_dl_used',
  prbDlAvail: 'prb_dl_avail',
  accessSucc: 'access_succ',
  accessAtt: 'access_att',
  dropAbnormal: 'drop_abnormal',
  dropTotal: 'drop_total',
  mrGood: 'mr_good',
  mrTotal: 'mr_total',
  thpDlVolKbit: 'thp_dl_vol_kbit',
  thpDlTimeMs: 'thp_dl_time_ms',
  trafficMb: 'traffic_mb',
  unavailS: 'unavail_s',
  periodS: 'period_s',
});

/**
 * How KPI counters sit in InfluxDB: measurement, the tag holding the cell id, the field of every counter the
 * operator delivers, and KPIs delivered only as percentages. Configuration, not code (INFLUX_SCHEMA_FILE).
 */
export class InfluxSchema {
  /** The default schema of kpis.md: measurement `cell_kpi`, tag `cell_id`, all counters, no percents. */
  static readonly DEFAULT = new InfluxSchema('cell_kpi', 'cell_id', DEFAULT_COUNTER_FIELDS, []);

  constructor(
    readonly measurement: string,
    readonly tagKey: string,
    /** Counter → field. A counter without an entry is not stored by this operator. */
    readonly fields: Readonly<Partial<Record<CounterName, string>>>,
    readonly percents: readonly PercentKpiMapping[],
  ) {}

  /** The counters this schema maps, in COUNTER_NAMES order. */
  get counters(): CounterName[] {
    return COUNTER_NAMES.filter((c) => this.fields[c] !== undefined);
  }

  /**
   * How DOWN intervals are recognised: `counters` (unavail_s / period_s ≥ 0.5) when both are mapped,
   * else `percent` (availability percentage ≤ 50) when availability is a percent KPI, else `none`.
   */
  get downBasis(): 'counters' | 'percent' | 'none' {
    if (this.fields.unavailS !== undefined && this.fields.periodS !== undefined) return 'counters';
    if (this.percents.some((p) => p.kpi === 'availability')) return 'percent';
    return 'none';
  }
}

/** A schema mapping that failed validation; `problems` name the JSON path of every fault. */
export class InfluxSchemaError extends Error {
  readonly code = 'INVALID_INFLUX_SCHEMA';

  constructor(readonly problems: readonly string[]) {
    super(`Invalid InfluxDB schema mapping:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'InfluxSchemaError';
  }
}

/** 1..255 characters, none of them a control character (U+0000..U+001F, U+007F). */
function isValidName(value: string): boolean {
  if (value.length === 0 || value.length > 255) return false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return false;
  }
  return true;
}
const ROOT_KEYS = ['measurement', 'tagKey', 'fields', 'percent'];
const PERCENT_KEYS = ['kpi', 'field', 'weightField'];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkName(value: unknown, path: string, problems: string[]): string | undefined {
  if (typeof value !== 'string') {
    problems.push(`${path}: must be a string`);
    return undefined;
  }
  if (!isValidName(value)) {
    problems.push(`${path}: must be 1..255 characters without control characters`);
    return undefined;
  }
  if (value === 'time') {
    problems.push(`${path}: "time" is reserved by InfluxDB`);
    return undefined;
  }
  return value;
}

function checkKeys(value: Record<string, unknown>, allowed: readonly string[], path: string, problems: string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) problems.push(`${path}.${key}: unknown key (allowed: ${allowed.join(', ')})`);
  }
}

function parseFields(value: unknown, problems: string[]): Partial<Record<CounterName, string>> {
  if (value === undefined) return { ...DEFAULT_COUNTER_FIELDS };
  if (!isPlainObject(value)) {
    problems.push('$.fields: must be an object mapping counter names to field names');
    return {};
  }
  const fields: Partial<Record<CounterName, string>> = {};
  const seen = new Map<string, string>();
  for (const [counter, field] of Object.entries(value)) {
    const path = `$.fields.${counter}`;
    if (!(COUNTER_NAMES as readonly string[]).includes(counter)) {
      problems.push(`${path}: unknown counter (allowed: ${COUNTER_NAMES.join(', ')})`);
      continue;
    }
    const name = checkName(field, path, problems);
    if (name === undefined) continue;
    const previous = seen.get(name);
    if (previous !== undefined) problems.push(`${path}: field "${name}" is already mapped to ${previous}`);
    seen.set(name, counter);
    fields[counter as CounterName] = name;
  }
  return fields;
}

function parsePercents(value: unknown, counterFields: ReadonlySet<string>, problems: string[]): PercentKpiMapping[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push('$.percent: must be an array of { kpi, field, weightField? }');
    return [];
  }
  const percents: PercentKpiMapping[] = [];
  const kpis = new Set<string>();
  value.forEach((entry: unknown, i) => {
    const path = `$.percent[${i}]`;
    if (!isPlainObject(entry)) {
      problems.push(`${path}: must be an object { kpi, field, weightField? }`);
      return;
    }
    checkKeys(entry, PERCENT_KEYS, path, problems);
    const kpi = entry.kpi;
    if (typeof kpi !== 'string' || !(JUDGED_KPI_NAMES as readonly string[]).includes(kpi)) {
      problems.push(`${path}.kpi: must be one of ${JUDGED_KPI_NAMES.join(', ')}`);
    } else if (kpis.has(kpi)) {
      problems.push(`${path}.kpi: ${kpi} is mapped twice`);
    }
    const field = checkName(entry.field, `${path}.field`, problems);
    if (field !== undefined && counterFields.has(field)) problems.push(`${path}.field: "${field}" is already a counter field`);
    const weightField = entry.weightField === undefined ? undefined : checkName(entry.weightField, `${path}.weightField`, problems);
    if (field !== undefined && weightField !== undefined && field === weightField) {
      problems.push(`${path}.weightField: must differ from field`);
    }
    if (typeof kpi === 'string') kpis.add(kpi);
    if (field !== undefined && typeof kpi === 'string') {
      percents.push({ kpi: kpi as JudgedKpiName, field, ...(weightField !== undefined ? { weightField } : {}) });
    }
  });
  return percents;
}

/**
 * Validates a schema mapping read from JSON. Every key is optional: `measurement` (default `cell_kpi`),
 * `tagKey` (default `cell_id`), `fields` (counter → field; when given it lists ALL counters the operator stores,
 * when absent the default fields of kpis.md apply), `percent` ([{ kpi, field, weightField? }]).
 * Throws InfluxSchemaError naming the path of every problem.
 */
export function parseInfluxSchema(json: unknown): InfluxSchema {
  const problems: string[] = [];
  if (!isPlainObject(json)) throw new InfluxSchemaError(['$: must be a JSON object']);
  checkKeys(json, ROOT_KEYS, '$', problems);
  const measurement = json.measurement === undefined ? InfluxSchema.DEFAULT.measurement : checkName(json.measurement, '$.measurement', problems);
  const tagKey = json.tagKey === undefined ? InfluxSchema.DEFAULT.tagKey : checkName(json.tagKey, '$.tagKey', problems);
  const fields = parseFields(json.fields, problems);
  const counterFields = new Set(Object.values(fields));
  if (tagKey !== undefined && counterFields.has(tagKey)) problems.push(`$.tagKey: "${tagKey}" is also used as a field`);
  const percents = parsePercents(json.percent, counterFields, problems);
  for (const [i, p] of percents.entries()) {
    if (p.field === tagKey || p.weightField === tagKey) problems.push(`$.percent[${i}]: "${tagKey}" is the tag key, not a field`);
  }
  if (Object.keys(fields).length === 0 && percents.length === 0) problems.push('$: maps no counter and no percent KPI');
  if (problems.length > 0 || measurement === undefined || tagKey === undefined) throw new InfluxSchemaError(problems);
  return new InfluxSchema(measurement, tagKey, Object.freeze(fields), Object.freeze(percents));
}
