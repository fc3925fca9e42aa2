import { Point } from '@influxdata/influxdb-client';
import { escapeRegexLiteral, InfluxKpiRepository, InfluxKpiWriter, InvalidCellIdError, quoteIdentifier, quoteString } from '@cellscope/kpi';
import { createInfluxTestDatabase, InfluxTestDatabase, listInfluxDatabases } from '@cellscope/testing/kpi/influx-test-database';
import { healthyCounters, kpiInterval, kpiTime } from '@cellscope/testing/kpi/kpi-interval.factory';

const HOSTILE_IDS = [
  "a'b",
  'a"b',
  'a\\b',
  'a/b',
  '.*',
  'a|b',
  ') OR 1=1',
  "x') OR 1=1 --",
  '; DROP DATABASE x',
  'a\nb',
  '/^.*$/',
  '',
];

describe('InfluxQL injection (real InfluxDB)', () => {
  let db: InfluxTestDatabase;
  let repository: InfluxKpiRepository;
  let writer: InfluxKpiWriter;
  const window = { from: kpiTime(0), to: kpiTime(4) };

  beforeAll(async () => {
    db = await createInfluxTestDatabase('it_kpi_injection');
    repository = new InfluxKpiRepository(db.client);
    writer = new InfluxKpiWriter(db.client);
    await writer.write([
      kpiInterval('a.b', kpiTime(0), healthyCounters(1)),
      kpiInterval('aXb', kpiTime(0), healthyCounters(2)),
      kpiInterval('a:b', kpiTime(1), healthyCounters(3)),
      kpiInterval('a-b', kpiTime(2), healthyCounters(4)),
      kpiInterval('ab', kpiTime(3), healthyCounters(5)),
    ]);
  });

  afterAll(async () => {
    await db.drop();
  });

  it.each(HOSTILE_IDS)('rejects %j with InvalidCellIdError in every read and write', async (id) => {
    await expect(repository.sumWindow(['a.b', id], window)).rejects.toBeInstanceOf(InvalidCellIdError);
    await expect(repository.series(id, window)).rejects.toBeInstanceOf(InvalidCellIdError);
    await expect(repository.dataThrough([id])).rejects.toBeInstanceOf(InvalidCellIdError);
    await expect(writer.write([kpiInterval(id, kpiTime(0))])).rejects.toBeInstanceOf(InvalidCellIdError);
  });

  it('an id with regex metacharacters inside the rule only ever matches itself', async () => {
    for (const strategy of ['rows', 'aggregate'] as const) {
      const repo = new InfluxKpiRepository(db.client, undefined, { sumStrategy: strategy });
      const sums = await repo.sumWindow(['a.b'], window);
      expect([...sums.keys()]).toEqual(['a.b']);
      expect(sums.get('a.b')?.counters.prbDlUsed).toBe(healthyCounters(1).prbDlUsed);
      const colon = await repo.sumWindow(['a:b', 'a-b'], window);
      expect([...colon.keys()].sort()).toEqual(['a-b', 'a:b']);
    }
    expect((await repository.series('a.b', window)).map((i) => i.cellId)).toEqual(['a.b']);
    expect((await repository.dataThrough(['a.b']))?.toISOString()).toBe(kpiTime(1).toISOString());
    expect((await repository.dataThrough(['a-b']))?.toISOString()).toBe(kpiTime(3).toISOString());
  });

  it('defence in depth: the escaping alone keeps hostile values literal on the real InfluxQL parser', async () => {
    const hostile = HOSTILE_IDS.filter((id) => id !== '' && !id.includes('\n'));
    const lines = hostile.map((id, i) => new Point('raw_tags').tag('t', id).floatField('v', i).timestamp(new Date(i)).toLineProtocol({ convertTime: (d) => String((d as Date).getTime()) }));
    await db.client.write(lines.join('\n'));
    for (const [i, id] of hostile.entries()) {
      const [byString] = await db.client.query(`SELECT "v" FROM "raw_tags" WHERE "t" = ${quoteString(id)}`);
      expect(byString.series.flatMap((s) => s.values.map((r) => r[1]))).toEqual([i]);
      const [byRegex] = await db.client.query(`SELECT "v" FROM "raw_tags" WHERE "t" =~ /^(${escapeRegexLiteral(id)})$/`);
      expect(byRegex.series.flatMap((s) => s.values.map((r) => r[1]))).toEqual([i]);
    }
    const [byIdentifier] = await db.client.query(`SELECT ${quoteIdentifier('v')} FROM ${quoteIdentifier('raw_tags')} WHERE "t" = ${quoteString("x' OR \"t\" =~ /.*/ OR \"t\" = '")}`);
    expect(byIdentifier.series).toEqual([]);
  });

  it('the database and all its data are still there after the attempts', async () => {
    expect(await listInfluxDatabases(db.client)).toContain(db.database);
    const sums = await repository.sumWindow(['a.b', 'aXb', 'a:b', 'a-b', 'ab'], window);
    expect(sums.size).toBe(5);
  });
});
