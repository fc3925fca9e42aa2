import { parseInfluxSchema, InfluxSchema } from './influx-schema';
import { InvalidCellIdError } from './invalid-cell-id.error';
import { KpiInfluxQlBuilder } from './kpi-influxql.builder';

const window = { from: new Date(1_000_000), to: new Date(8_200_000) };

describe('KpiInfluxQlBuilder', () => {
  const builder = new KpiInfluxQlBuilder(InfluxSchema.DEFAULT);

  it('sums every counter with a count, grouped by cell, over the half-open window', () => {
    const [sums, down] = builder.sumStatements(['a.b', 'c'], window);
    expect(sums.kind).toBe('sums');
    expect(sums.influxql).toContain('sum("prb_dl_used") AS "prbDlUsed", count("prb_dl_used") AS "n_prbDlUsed"');
    expect(sums.influxql).toContain('FROM "cell_kpi" WHERE "cell_id" =~ /^(a\\.b|c)$/ AND time >= 1000000ms AND time < 8200000ms GROUP BY "cell_id"');
    expect(down).toEqual({
      kind: 'down',
      influxql:
        'SELECT count("r") AS "down" FROM (SELECT "unavail_s" / "period_s" AS "r" FROM "cell_kpi" WHERE "cell_id" =~ /^(a\\.b|c)$/' +
        ' AND time >= 1000000ms AND time < 8200000ms GROUP BY "cell_id") WHERE "r" >= 0.5 GROUP BY "cell_id"',
    });
  });

  it('adds a weighted-percent subquery and a percent DOWN count for percent schemas', () => {
    const schema = parseInfluxSchema({
      fields: { trafficMb: 'vol' },
      percent: [
        { kpi: 'availability', field: 'av"pct', weightField: 'av_w' },
        { kpi: 'dropRate', field: 'drop_pct' },
      ],
    });
    const statements = new KpiInfluxQlBuilder(schema).sumStatements(['x'], window);
    expect(statements.map((s) => s.kind)).toEqual(['sums', 'weightedPercents', 'down']);
    expect(statements[0].influxql).toContain('count("drop_pct") AS "pn_dropRate", sum("drop_pct") AS "pv_dropRate"');
    expect(statements[1].influxql).toContain('"av\\"pct" * "av_w" AS "pv_availability", "av\\"pct" * 0 + "av_w" AS "pw_availability"');
    expect(statements[2].influxql).toContain('count("av\\"pct") AS "down"');
    expect(statements[2].influxql).toContain('AND "av\\"pct" <= 50 GROUP BY');
  });

  it('reads one cell by an escaped string literal and the newest rows with ORDER BY time DESC LIMIT 1', () => {
    expect(builder.seriesStatement('a:b', window)).toContain(`WHERE "cell_id" = 'a:b' AND time >= 1000000ms AND time < 8200000ms`);
    const latest = builder.latestStatement(new Date(3_600_000), 3_600_000, { counters: ['unavailS', 'periodS'] });
    expect(latest).toBe(
      'SELECT "unavail_s" AS "unavailS", "period_s" AS "periodS" FROM "cell_kpi" WHERE time > 0ms AND time <= 3600000ms' +
        ' GROUP BY "cell_id" ORDER BY time DESC LIMIT 1',
    );
    // Every mapped field: a row carrying any of them dates the data (the contract's PARTIAL row).
    expect(builder.newestPointStatement(['z'])).toMatch(/^SELECT "prb_dl_used" AS "prbDlUsed", .*"period_s" AS "periodS" FROM "cell_kpi" WHERE "cell_id" =~ \/\^\(z\)\$\/ ORDER BY time DESC LIMIT 1$/);
  });

  it('refuses ids outside the rule and empty selections', () => {
    expect(() => builder.sumStatements(["a') OR 1=1"], window)).toThrow(InvalidCellIdError);
    expect(() => builder.seriesStatement('a/b', window)).toThrow(InvalidCellIdError);
    expect(() => builder.windowRowsStatement(['a', '.*'], window)).toThrow(InvalidCellIdError);
    expect(() => builder.latestStatement(new Date(0), 1, { counters: [], percents: [] })).toThrow(RangeError);
  });
});
