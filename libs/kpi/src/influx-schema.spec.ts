import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COUNTER_NAMES } from '@cellscope/domain';
import { DEFAULT_COUNTER_FIELDS, InfluxSchema, InfluxSchemaError, parseInfluxSchema } from './influx-schema';
import { loadInfluxSchema } from './influx-schema.loader';

function problemsOf(json: unknown): readonly string[] {
  try {
    parseInfluxSchema(json);
  } catch (e) {
    expect(e).toBeInstanceOf(InfluxSchemaError);
    return (e as InfluxSchemaError).problems;
  }
  throw new Error('expected InfluxSchemaError');
}

describe('parseInfluxSchema', () => {
  it('an empty object is the default schema of kpis.md', () => {
    const schema = parseInfluxSchema({});
    expect(schema.measurement).toBe('cell_kpi');
    expect(schema.tagKey).toBe('cell_id');
    expect(schema.fields).toEqual(DEFAULT_COUNTER_FIELDS);
    expect(schema.counters).toEqual([...COUNTER_NAMES]);
    expect(schema.percents).toEqual([]);
    expect(schema.downBasis).toBe('counters');
    expect(InfluxSchema.DEFAULT.fields.periodS).toBe('period_s');
  });

  it('takes another measurement, tag key, field names and percent KPIs', () => {
    const schema = parseInfluxSchema({
      measurement: 'pm_15',
      tagKey: 'eci',
      fields: { accessSucc: 'rrc_succ', accessAtt: 'rrc_att', trafficMb: 'vol_mb' },
      percent: [
        { kpi: 'availability', field: 'avail_pct', weightField: 'avail_s' },
        { kpi: 'dropRate', field: 'drop_pct' },
      ],
    });
    expect(schema.measurement).toBe('pm_15');
    expect(schema.tagKey).toBe('eci');
    expect(schema.counters).toEqual(['accessSucc', 'accessAtt', 'trafficMb']);
    expect(schema.fields.prbDlUsed).toBeUndefined();
    expect(schema.percents).toEqual([
      { kpi: 'availability', field: 'avail_pct', weightField: 'avail_s' },
      { kpi: 'dropRate', field: 'drop_pct' },
    ]);
    expect(schema.downBasis).toBe('percent');
  });

  it('a percent KPI may weigh by a counter field', () => {
    const schema = parseInfluxSchema({ percent: [{ kpi: 'availability', field: 'avail_pct', weightField: 'period_s' }] });
    expect(schema.percents[0].weightField).toBe('period_s');
    expect(schema.downBasis).toBe('counters');
  });

  it('has no DOWN basis without the counters or an availability percent', () => {
    expect(parseInfluxSchema({ fields: { trafficMb: 'traffic_mb' } }).downBasis).toBe('none');
  });

  it.each([
    [null, '$: must be a JSON object'],
    [[], '$: must be a JSON object'],
    [{ measurment: 'x' }, '$.measurment: unknown key'],
    [{ measurement: '' }, '$.measurement: must be 1..255 characters'],
    [{ measurement: 'a\nb' }, '$.measurement: must be 1..255 characters'],
    [{ tagKey: 7 }, '$.tagKey: must be a string'],
    [{ tagKey: 'time' }, '$.tagKey: "time" is reserved'],
    [{ fields: [] }, '$.fields: must be an object'],
    [{ fields: { prbUsed: 'x' } }, '$.fields.prbUsed: unknown counter'],
    [{ fields: { prbDlUsed: 'x', prbDlAvail: 'x' } }, '$.fields.prbDlAvail: field "x" is already mapped to prbDlUsed'],
    [{ fields: { prbDlUsed: 'cell_id' } }, '$.tagKey: "cell_id" is also used as a field'],
    [{ fields: {} }, '$: maps no counter and no percent KPI'],
    [{ percent: {} }, '$.percent: must be an array'],
    [{ percent: [{ kpi: 'dailyTrafficGb', field: 'x' }] }, '$.percent[0].kpi: must be one of'],
    [{ percent: [{ kpi: 'dropRate' }] }, '$.percent[0].field: must be a string'],
    [{ percent: [{ kpi: 'dropRate', field: 'drop_pct', weight: 'w' }] }, '$.percent[0].weight: unknown key'],
    [{ percent: [{ kpi: 'dropRate', field: 'drop_total' }] }, '$.percent[0].field: "drop_total" is already a counter field'],
    [{ percent: [{ kpi: 'dropRate', field: 'a', weightField: 'a' }] }, '$.percent[0].weightField: must differ from field'],
    [
      { percent: [{ kpi: 'dropRate', field: 'a' }, { kpi: 'dropRate', field: 'b' }] },
      '$.percent[1].kpi: dropRate is mapped twice',
    ],
  ])('rejects %j naming the path', (json, problem) => {
    expect(problemsOf(json).some((p) => p.startsWith(problem))).toBe(true);
  });

  it('reports every problem at once', () => {
    const problems = problemsOf({ measurement: 1, tagKey: 2, fields: { nope: 'x' } });
    expect(problems.length).toBeGreaterThanOrEqual(3);
    expect(new InfluxSchemaError(problems).message).toContain('$.measurement');
  });
});

describe('loadInfluxSchema', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cellscope-schema-'));

  it('is the default schema without INFLUX_SCHEMA_FILE', () => {
    expect(loadInfluxSchema({})).toBe(InfluxSchema.DEFAULT);
    expect(loadInfluxSchema({ INFLUX_SCHEMA_FILE: '' })).toBe(InfluxSchema.DEFAULT);
  });

  it('reads and validates the file', () => {
    const path = join(dir, 'schema.json');
    writeFileSync(path, JSON.stringify({ measurement: 'op_kpi', tagKey: 'cgi' }));
    const schema = loadInfluxSchema({ INFLUX_SCHEMA_FILE: path });
    expect(schema.measurement).toBe('op_kpi');
    expect(schema.tagKey).toBe('cgi');
  });

  it('names the file and the path of the problem', () => {
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify({ fields: { nope: 'x' } }));
    expect(() => loadInfluxSchema({ INFLUX_SCHEMA_FILE: path })).toThrow(`INFLUX_SCHEMA_FILE ${path}: $.fields.nope: unknown counter`);
    expect(() => loadInfluxSchema({ INFLUX_SCHEMA_FILE: join(dir, 'missing.json') })).toThrow(InfluxSchemaError);
    writeFileSync(join(dir, 'broken.json'), '{ not json');
    expect(() => loadInfluxSchema({ INFLUX_SCHEMA_FILE: join(dir, 'broken.json') })).toThrow(/broken\.json/);
  });
});
