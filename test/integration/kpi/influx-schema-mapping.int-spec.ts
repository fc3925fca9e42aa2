import { Test } from '@nestjs/testing';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigModule, loadConfig } from '@cellscope/config';
import { InfluxHttpClient, InfluxKpiRepository, InfluxKpiWriter, KpiModule, KpiRepository, KpiWriter, parseInfluxSchema } from '@cellscope/kpi';
import { createInfluxTestDatabase, InfluxTestDatabase } from '@cellscope/testing/kpi/influx-test-database';
import { kpiInterval, kpiTime } from '@cellscope/testing/kpi/kpi-interval.factory';

describe('non-default schema mapping (real InfluxDB)', () => {
  let db: InfluxTestDatabase;

  beforeEach(async () => {
    db = await createInfluxTestDatabase('it_kpi_mapping');
  });

  afterEach(async () => {
    await db.drop();
  });

  it('writes and reads through KpiModule with the mapping of INFLUX_SCHEMA_FILE, under the operator names', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cellscope-it-schema-')), 'schema.json');
    writeFileSync(
      path,
      JSON.stringify({
        measurement: 'lte_pm_15m',
        tagKey: 'ecgi',
        fields: { accessSucc: 'RRC.ConnEstab.Succ', accessAtt: 'RRC.ConnEstab.Att', trafficMb: 'DRB.Vol.MB', unavailS: 'Cell.Unavail.s', periodS: 'Gran.s' },
        percent: [{ kpi: 'goodCoverageRate', field: 'MR.Cov.Pct', weightField: 'MR.Samples' }],
      }),
    );
    const config = loadConfig({ CELLSCOPE_KPI_STORE: 'influx', INFLUX_URL: db.url, INFLUX_DATABASE: db.database, INFLUX_SCHEMA_FILE: path });
    const module = await Test.createTestingModule({ imports: [ConfigModule.forRoot(config), KpiModule.forRoot()] }).compile();
    const writer = module.get(KpiWriter);
    const repository = module.get(KpiRepository);
    expect((await module.get(InfluxHttpClient).ping()).version).toMatch(/^\d/);

    await writer.write([
      kpiInterval('460-00-1', kpiTime(0), { accessSucc: 990, accessAtt: 1000, trafficMb: 10, unavailS: 0, periodS: 900, prbDlUsed: 5 }, {
        goodCoverageRate: { weightedSum: 96 * 4000, weight: 4000 },
      }),
      kpiInterval('460-00-1', kpiTime(1), { accessSucc: 950, accessAtt: 1000, trafficMb: 20, unavailS: 600, periodS: 900 }, {
        goodCoverageRate: { weightedSum: 80 * 1000, weight: 1000 },
      }),
    ]);

    const [raw] = await db.client.query('SELECT * FROM "lte_pm_15m"');
    expect(raw.series[0].columns.sort()).toEqual(['DRB.Vol.MB', 'Gran.s', 'MR.Cov.Pct', 'MR.Samples', 'RRC.ConnEstab.Att', 'RRC.ConnEstab.Succ', 'Cell.Unavail.s', 'ecgi', 'time'].sort());
    const [measurements] = await db.client.query('SHOW MEASUREMENTS');
    expect(measurements.series[0].values).toEqual([['lte_pm_15m']]);

    const sums = (await repository.sumWindow(['460-00-1'], { from: kpiTime(0), to: kpiTime(2) })).get('460-00-1');
    expect(sums?.counters).toEqual({ accessSucc: 1940, accessAtt: 2000, trafficMb: 30, unavailS: 600, periodS: 1800 });
    expect(sums?.intervals).toBe(2);
    expect(sums?.downIntervals).toBe(1);
    expect(sums?.percents?.goodCoverageRate?.weight).toBe(5000);
    expect(sums?.percents?.goodCoverageRate?.weightedSum).toBeCloseTo(96 * 4000 + 80 * 1000, 6);
    await module.close();
  });

  it('handles a percent-only operator: sums, DOWN from the availability percentage, series and scan', async () => {
    const schema = parseInfluxSchema({
      measurement: 'kpi_pct',
      tagKey: 'cell',
      fields: { trafficMb: 'traffic' },
      percent: [
        { kpi: 'availability', field: 'avail_pct' },
        { kpi: 'accessSuccessRate', field: 'rrc_sr_pct', weightField: 'rrc_att' },
        { kpi: 'dropRate', field: 'drop_pct', weightField: 'rel_total' },
      ],
    });
    expect(schema.downBasis).toBe('percent');
    const writer = new InfluxKpiWriter(db.client, schema);
    const pct = (availability: number, sr: number, att: number) => ({
      availability: { weightedSum: availability, weight: 1 },
      accessSuccessRate: { weightedSum: sr * att, weight: att },
      dropRate: { weightedSum: 0.5 * 200, weight: 200 },
    });
    await writer.write([
      kpiInterval('P1', kpiTime(0), { trafficMb: 100 }, pct(100, 99, 1000)),
      kpiInterval('P1', kpiTime(1), { trafficMb: 50 }, pct(30, 90, 500)),
      kpiInterval('P1', kpiTime(2), { trafficMb: 0 }, pct(50, 95, 100)),
      kpiInterval('P1', kpiTime(3), {}, pct(80, 98, 400)),
    ]);
    const [raw] = await db.client.query('SELECT "avail_pct", "rrc_sr_pct", "rrc_att" FROM "kpi_pct" WHERE "cell" = \'P1\'');
    expect(raw.series[0].values.map((r) => r.slice(1))).toEqual([
      [100, 99, 1000],
      [30, 90, 500],
      [50, 95, 100],
      [80, 98, 400],
    ]);

    for (const sumStrategy of ['rows', 'aggregate'] as const) {
      const repository = new InfluxKpiRepository(db.client, schema, { sumStrategy });
      const p1 = (await repository.sumWindow(['P1'], { from: kpiTime(0), to: kpiTime(4) })).get('P1');
      expect(p1?.intervals).toBe(4);
      expect(p1?.downIntervals).toBe(2);
      expect(p1?.counters).toEqual({ trafficMb: 150 });
      expect(p1?.percents?.availability).toEqual({ weightedSum: 260, weight: 4 });
      expect(p1?.percents?.accessSuccessRate?.weight).toBe(2000);
      expect(p1?.percents?.accessSuccessRate?.weightedSum).toBeCloseTo(99 * 1000 + 90 * 500 + 95 * 100 + 98 * 400, 6);
      expect(p1?.percents?.dropRate?.weightedSum).toBeCloseTo(400, 6);
    }
    const repository = new InfluxKpiRepository(db.client, schema);
    const series = await repository.series('P1', { from: kpiTime(0), to: kpiTime(4) });
    expect(series.map((i) => i.percents?.availability?.weightedSum)).toEqual([100, 30, 50, 80]);
    expect(series[3].counters).toEqual({});
    const [latest] = await repository.latestIntervals(kpiTime(4), 60 * 60_000, { counters: [], percents: ['availability'] });
    expect(latest.time.toISOString()).toBe(kpiTime(3).toISOString());
    expect(latest.percents).toEqual({ availability: { weightedSum: 80, weight: 1 } });
  });
});
