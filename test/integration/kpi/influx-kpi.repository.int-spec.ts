import { InfluxKpiRepository, InfluxKpiWriter, InfluxSchema, parseInfluxSchema } from '@cellscope/kpi';
import { describeKpiRepositoryContract } from '@cellscope/kpi/kpi-repository.contract';
import { createInfluxTestDatabase } from '@cellscope/testing/kpi/influx-test-database';

for (const sumStrategy of ['rows', 'aggregate'] as const) {
  describeKpiRepositoryContract(`InfluxKpiRepository (default schema, ${sumStrategy} sums, real InfluxDB)`, async () => {
    const db = await createInfluxTestDatabase('it_kpi_contract');
    return {
      repository: new InfluxKpiRepository(db.client, InfluxSchema.DEFAULT, { cellsPerStatement: 500, cellsPerRequest: 1000, sumStrategy }),
      writer: new InfluxKpiWriter(db.client, InfluxSchema.DEFAULT, { batchSize: 1000 }),
      cleanup: db.drop,
    };
  });
}

// One cell per statement and two statements per request: every read splits into chunks and requests (the freshness
// read's first chunk bounds the others), with the same answers as above.
describeKpiRepositoryContract('InfluxKpiRepository (one cell per statement, real InfluxDB)', async () => {
  const db = await createInfluxTestDatabase('it_kpi_chunked');
  return {
    repository: new InfluxKpiRepository(db.client, InfluxSchema.DEFAULT, { cellsPerStatement: 1, cellsPerRequest: 2, statementsPerRequest: 2 }),
    writer: new InfluxKpiWriter(db.client, InfluxSchema.DEFAULT, { batchSize: 1000 }),
    cleanup: db.drop,
  };
});

/** Another operator's naming: other measurement, tag key and fields, plus two KPIs stored as percentages. */
const operatorSchema = parseInfluxSchema({
  measurement: 'pm 15min,eutrancell',
  tagKey: 'EutranCell"Id',
  fields: {
    prbDlUsed: 'DL.PRB.Used',
    prbDlAvail: 'DL.PRB.Avail',
    accessSucc: 'RRC.Succ',
    accessAtt: 'RRC.Att',
    dropAbnormal: 'ERAB.Rel.Abnorm',
    dropTotal: 'ERAB.Rel',
    mrGood: 'MR.Good',
    mrTotal: 'MR.Total',
    thpDlVolKbit: 'Thp.Vol',
    thpDlTimeMs: 'Thp.Time',
    trafficMb: 'Traffic MB',
    unavailS: "Unavail's",
    periodS: 'Period\\S',
  },
  percent: [
    { kpi: 'availability', field: 'Avail.Pct', weightField: 'Avail.Weight' },
    { kpi: 'goodCoverageRate', field: 'Cov=Pct' },
  ],
});

for (const sumStrategy of ['rows', 'aggregate'] as const) {
  describeKpiRepositoryContract(`InfluxKpiRepository (operator schema with percents, ${sumStrategy} sums, real InfluxDB)`, async () => {
    const db = await createInfluxTestDatabase('it_kpi_operator');
    return {
      repository: new InfluxKpiRepository(db.client, operatorSchema, { cellsPerStatement: 400, cellsPerRequest: 800, sumStrategy }),
      writer: new InfluxKpiWriter(db.client, operatorSchema, { batchSize: 700 }),
      cleanup: db.drop,
    };
  }, {
    percents: [
      { kpi: 'availability', weighted: true },
      { kpi: 'goodCoverageRate', weighted: false },
    ],
    downFromAvailabilityPercent: false,
  });
}
