import { InfluxQueryError } from './influx.errors';
import { InfluxQueryResultCollector } from './influx-query-result';

const series = (cell: string, values: unknown[][], partial?: boolean) => ({
  name: 'cell_kpi',
  tags: { cell_id: cell },
  columns: ['time', 'v'],
  values,
  ...(partial ? { partial: true } : {}),
});

describe('InfluxQueryResultCollector', () => {
  it('joins rows of a series split across chunks and keeps GROUP BY series apart', () => {
    const collector = new InfluxQueryResultCollector();
    collector.add({ results: [{ statement_id: 0, series: [series('a', [[0, 1]], true)], partial: true }] });
    collector.add({ results: [{ statement_id: 0, series: [series('a', [[900, 2]])], partial: true }] });
    collector.add({ results: [{ statement_id: 0, series: [series('b', [[0, 3]])] }] });
    collector.add({ results: [{ statement_id: 1, series: [{ name: 'm', columns: ['time', 'v'], values: [[0, 9]] }] }] });

    const [first, second] = collector.results();
    expect(first.statementId).toBe(0);
    expect(first.series.map((s) => [s.tags?.cell_id, s.values])).toEqual([
      ['a', [[0, 1], [900, 2]]],
      ['b', [[0, 3]]],
    ]);
    expect(second.series[0].values).toEqual([[0, 9]]);
  });

  it('does not join a finished series with a later one of the same name', () => {
    const collector = new InfluxQueryResultCollector();
    collector.add({ results: [{ statement_id: 0, series: [series('a', [[0, 1]])] }] });
    collector.add({ results: [{ statement_id: 0, series: [series('a', [[900, 2]])] }] });
    expect(collector.results()[0].series).toHaveLength(2);
  });

  it('keeps statements without series, ordered by id', () => {
    const collector = new InfluxQueryResultCollector();
    collector.add({ results: [{ statement_id: 1 }, { statement_id: 0, series: [series('a', [[0, 1]])] }] });
    expect(collector.results().map((r) => [r.statementId, r.series.length])).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('throws InfluxQueryError for statement-level and top-level errors', () => {
    const collector = new InfluxQueryResultCollector(200);
    collector.add({ results: [{ statement_id: 0, series: [] }] });
    let error: unknown;
    try {
      collector.add({ results: [{ statement_id: 1, error: 'database not found: x' }] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InfluxQueryError);
    expect((error as InfluxQueryError).statementId).toBe(1);
    expect((error as InfluxQueryError).message).toContain('database not found: x');
    expect(() => new InfluxQueryResultCollector(200).add({ error: 'boom' })).toThrow(InfluxQueryError);
  });
});
