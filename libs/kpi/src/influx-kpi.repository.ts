import { Injectable, Optional } from '@nestjs/common';
import { CellKpiInterval, CellKpiSums, CounterSums, JudgedKpiName, PercentSums, TimeWindow } from '@cellscope/domain';
import { InfluxHttpClient } from './influx-http.client';
import { InfluxSeries, InfluxStatementResult } from './influx-query-result';
import { InfluxSchema, PercentKpiMapping } from './influx-schema';
import { assertCellId, assertCellIds } from './influxql-escaping';
import { KPI_COLUMN, KpiInfluxQlBuilder, SumStatementKind } from './kpi-influxql.builder';
import { dataThroughFor, KPI_INTERVAL_MS } from './kpi-interval';
import { KpiRepository, KpiSelection, KpiWindowQuery } from './kpi.repository';

/**
 * How sumWindow gets its sums: `aggregate` = InfluxQL `sum()`/`count()` per field GROUP BY cell (plus a subquery
 * for DOWN intervals); `rows` = the raw rows of the window, summed here (one iterator per series in InfluxDB,
 * far cheaper than one per aggregate on 1.x for short windows); `auto` = `rows` while one statement (cells per
 * statement × intervals in the window) returns at most `rowsStrategyMaxRows` rows, else `aggregate`.
 */
export type SumStrategy = 'auto' | 'aggregate' | 'rows';

/** Tuning of InfluxKpiRepository. */
export interface InfluxKpiRepositoryOptions {
  /**
   * Cell ids per statement (one anchored regex). Default 50: InfluxDB 1.x matches a short alternation of literals
   * through its tag index, a long one by running the regex over every tag value. Measured on the bench:correlate data
   * (10,000 cells), 1,000 cells' newest point: 220 ms in 500-id statements, 55–65 ms in 100-id, 37–85 ms in 50-id;
   * one hour of rows of 500 cells: 160–240 ms in one statement, 60 ms in ten.
   */
  cellsPerStatement?: number;
  /** Cell ids per HTTP request (several statements separated by `;`). Default 5,000. */
  cellsPerRequest?: number;
  /** Requests in flight at once when a call needs several. Default 2. */
  concurrency?: number;
  /** Default `auto`. */
  sumStrategy?: SumStrategy;
  /** `auto` picks `rows` while one statement returns at most this many rows (cells × intervals). Default 100,000. */
  rowsStrategyMaxRows?: number;
  /** Statements packed into one HTTP request by sumWindows. Default 200. */
  statementsPerRequest?: number;
  /**
   * Raw rows a request may return before it is fetched with `chunked=true` (streamed, parsed while it arrives);
   * smaller answers come in one body, which costs InfluxDB and this process less. Default 20,000.
   */
  chunkedAnswerMinRows?: number;
}

/** One HTTP request of a sumWindow call: its InfluxQL, what each statement computes, and whether it streams. */
export interface SumWindowRequest {
  kinds: SumStatementKind[];
  influxql: string;
  /** Many raw rows are fetched with `chunked=true`: the server streams them and parsing overlaps the transfer. */
  chunked: boolean;
}

/** One statement of a sum request: what it computes and how many raw rows it may return (0 for aggregates). */
interface SumStatementPlan {
  kind: SumStatementKind;
  influxql: string;
  rows: number;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  });
  await Promise.all(runners);
  return results;
}

/** True when the window is non-empty; throws on invalid Dates. */
function isNonEmptyWindow(window: TimeWindow): boolean {
  const from = window.from.getTime();
  const to = window.to.getTime();
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw new RangeError('window.from and window.to must be valid Dates');
  return from < to;
}

function columnIndex(series: InfluxSeries): Map<string, number> {
  return new Map(series.columns.map((c, i) => [c, i]));
}

function numberAt(row: unknown[], index: number | undefined): number | undefined {
  if (index === undefined) return undefined;
  const value = row[index];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * KpiRepository on InfluxDB through InfluxQL over the v1 HTTP API. Many cells per request (an anchored regex per
 * chunk of ids, several statements per request); sums from `sum()` per field GROUP BY the cell tag or from the
 * window's raw rows (see SumStrategy); the newest interval per cell with `ORDER BY time DESC LIMIT 1`.
 */
@Injectable()
export class InfluxKpiRepository extends KpiRepository {
  private readonly builder: KpiInfluxQlBuilder;
  private readonly cellsPerStatement: number;
  private readonly cellsPerRequest: number;
  private readonly concurrency: number;
  private readonly sumStrategy: SumStrategy;
  private readonly rowsStrategyMaxRows: number;
  private readonly statementsPerRequest: number;
  private readonly chunkedAnswerMinRows: number;

  constructor(
    private readonly client: InfluxHttpClient,
    private readonly schema: InfluxSchema = InfluxSchema.DEFAULT,
    @Optional() options: InfluxKpiRepositoryOptions = {},
  ) {
    super();
    this.builder = new KpiInfluxQlBuilder(schema);
    this.cellsPerStatement = Math.max(1, options.cellsPerStatement ?? 50);
    this.cellsPerRequest = Math.max(this.cellsPerStatement, options.cellsPerRequest ?? 5_000);
    this.concurrency = Math.max(1, options.concurrency ?? 2);
    this.sumStrategy = options.sumStrategy ?? 'auto';
    this.rowsStrategyMaxRows = Math.max(1, options.rowsStrategyMaxRows ?? 100_000);
    this.statementsPerRequest = Math.max(1, options.statementsPerRequest ?? 200);
    this.chunkedAnswerMinRows = Math.max(0, options.chunkedAnswerMinRows ?? 20_000);
  }

  /** The statements that sum these cells over the window (rows or aggregate strategy, chunked by cells). */
  private sumStatementsFor(
    cellIds: readonly string[],
    window: TimeWindow,
    select?: KpiSelection,
    countIntervals = true,
  ): SumStatementPlan[][] {
    const unique = [...new Set(assertCellIds(cellIds))];
    const intervals = Math.max(1, Math.ceil((window.to.getTime() - window.from.getTime()) / KPI_INTERVAL_MS));
    const statementCells = Math.min(this.cellsPerStatement, unique.length);
    // A narrowed read (a long baseline) is always aggregated on the server: one row per cell.
    const useRows =
      select === undefined &&
      (this.sumStrategy === 'rows' || (this.sumStrategy === 'auto' && statementCells * intervals <= this.rowsStrategyMaxRows));
    return chunk(unique, this.cellsPerRequest).map((requestIds) =>
      chunk(requestIds, this.cellsPerStatement).flatMap((ids): SumStatementPlan[] =>
        useRows
          ? [{ kind: 'rows' as const, influxql: this.builder.windowRowsStatement(ids, window), rows: ids.length * intervals }]
          : this.builder.sumStatements(ids, window, select, countIntervals).map((st) => ({ ...st, rows: 0 })),
      ),
    );
  }

  /** The InfluxQL that sumWindow sends for these cells and window, one entry per HTTP request (benchmarks, logs). */
  sumWindowRequests(cellIds: readonly string[], window: TimeWindow): SumWindowRequest[] {
    return this.sumStatementsFor(cellIds, window).map((statements) => ({
      kinds: statements.map((st) => st.kind),
      influxql: statements.map((st) => st.influxql).join('; '),
      chunked: this.wantsChunked(statements),
    }));
  }

  /** Whether a request's raw rows are many enough to be streamed (`chunked=true`). */
  private wantsChunked(statements: readonly { rows: number }[]): boolean {
    const rows = statements.reduce((total, st) => total + st.rows, 0);
    return rows > 0 && rows >= this.chunkedAnswerMinRows;
  }

  override async sumWindow(cellIds: readonly string[], window: TimeWindow): Promise<Map<string, CellKpiSums>> {
    const [sums] = await this.sumWindows([{ cellIds, window }]);
    return sums;
  }

  /**
   * Sums for several (cells, window) queries in as few HTTP requests as possible: the statements of all queries
   * are packed into requests of at most `statementsPerRequest` statements and `cellsPerRequest` cells, so a batch
   * of tickets with different windows costs about one round trip instead of one per window.
   */
  override async sumWindows(queries: readonly KpiWindowQuery[]): Promise<Map<string, CellKpiSums>[]> {
    type Part = SumStatementPlan & { query: number; cells: number };
    const parts: Part[] = [];
    queries.forEach((q, query) => {
      assertCellIds(q.cellIds);
      if (!isNonEmptyWindow(q.window) || q.cellIds.length === 0) return;
      for (const statements of this.sumStatementsFor(q.cellIds, q.window, q.select, q.countIntervals ?? true)) {
        const cells = new Set(q.cellIds).size;
        for (const st of statements) parts.push({ query, ...st, cells: Math.min(cells, this.cellsPerStatement) });
      }
    });
    const requests: Part[][] = [];
    let current: Part[] = [];
    let cells = 0;
    for (const part of parts) {
      if (current.length > 0 && (current.length >= this.statementsPerRequest || cells + part.cells > this.cellsPerRequest)) {
        requests.push(current);
        current = [];
        cells = 0;
      }
      current.push(part);
      cells += part.cells;
    }
    if (current.length > 0) requests.push(current);

    const accumulators = queries.map(() => ({ sums: new Map<string, CellKpiSums>(), down: new Map<string, number>(), weighted: new Map<string, InfluxSeries>() }));
    const answers = await mapLimited(requests, this.concurrency, (r) =>
      this.client.query(r.map((p) => p.influxql).join('; '), { chunked: this.wantsChunked(r) }),
    );
    answers.forEach((results, r) => {
      for (const result of results) {
        const part = requests[r][result.statementId];
        if (!part) continue;
        const acc = accumulators[part.query];
        for (const series of result.series) {
          const cellId = series.tags?.[this.schema.tagKey];
          if (cellId === undefined || series.values.length === 0) continue;
          if (part.kind === 'rows') {
            const cell = this.sumRows(cellId, series);
            if (cell) acc.sums.set(cellId, cell);
          } else if (part.kind === 'sums') {
            const cell = this.decodeSums(cellId, series);
            if (cell) acc.sums.set(cellId, cell);
          } else if (part.kind === 'down') {
            acc.down.set(cellId, numberAt(series.values[0], columnIndex(series).get(KPI_COLUMN.down)) ?? 0);
          } else if (part.kind === 'weightedPercents') {
            acc.weighted.set(cellId, series);
          }
        }
      }
    });
    return accumulators.map(({ sums, down, weighted }) => {
      for (const [cellId, cell] of sums) {
        if (down.has(cellId)) cell.downIntervals = down.get(cellId) as number;
        const w = weighted.get(cellId);
        if (w) this.addWeightedPercents(cell, w);
        if (cell.percents && Object.keys(cell.percents).length === 0) delete cell.percents;
      }
      return sums;
    });
  }

  /** Aggregate strategy: one row of `sum`/`count` columns (a counter without its count column: the sum alone). */
  private decodeSums(cellId: string, series: InfluxSeries): CellKpiSums | undefined {
    const columns = columnIndex(series);
    const row = series.values[0];
    const counters: CounterSums = {};
    let intervals = 0;
    let uncounted = false;
    for (const c of this.schema.counters) {
      const sum = numberAt(row, columns.get(KPI_COLUMN.counter(c)));
      const countIndex = columns.get(KPI_COLUMN.counterCount(c));
      if (countIndex === undefined) {
        if (sum === undefined) continue;
        counters[c] = sum;
        uncounted = true;
        continue;
      }
      const count = numberAt(row, countIndex) ?? 0;
      if (count === 0) continue;
      intervals = Math.max(intervals, count);
      if (sum !== undefined) counters[c] = sum;
    }
    const percents: Partial<Record<JudgedKpiName, PercentSums>> = {};
    for (const p of this.schema.percents) {
      const count = numberAt(row, columns.get(KPI_COLUMN.percentCount(p.kpi))) ?? 0;
      if (count === 0) continue;
      intervals = Math.max(intervals, count);
      if (p.weightField === undefined) {
        const sum = numberAt(row, columns.get(KPI_COLUMN.percentValue(p.kpi)));
        if (sum !== undefined) percents[p.kpi] = { weightedSum: sum, weight: count };
      }
    }
    if (intervals === 0 && !uncounted) return undefined;
    return { cellId, counters, percents, intervals, downIntervals: 0 };
  }

  private addWeightedPercents(cell: CellKpiSums, series: InfluxSeries): void {
    const columns = columnIndex(series);
    const row = series.values[0];
    for (const p of this.schema.percents) {
      if (p.weightField === undefined) continue;
      const weightedSum = numberAt(row, columns.get(KPI_COLUMN.percentValue(p.kpi)));
      const weight = numberAt(row, columns.get(KPI_COLUMN.percentWeight(p.kpi)));
      if (weightedSum !== undefined && weight !== undefined) (cell.percents ??= {})[p.kpi] = { weightedSum, weight };
    }
  }

  /**
   * Rows strategy: the window's rows of one cell summed with the same rules as the aggregate statements, straight
   * from the row arrays (no interval objects: this runs for up to `rowsStrategyMaxRows` rows per statement).
   */
  private sumRows(cellId: string, series: InfluxSeries): CellKpiSums | undefined {
    const columns = columnIndex(series);
    const counterIndexes = this.schema.counters.map((c) => [c, columns.get(KPI_COLUMN.counter(c))] as const);
    const percentIndexes = this.schema.percents.map(
      (p) => [p, columns.get(KPI_COLUMN.percentValue(p.kpi)), columns.get(KPI_COLUMN.percentWeight(p.kpi))] as const,
    );
    const unavailIndex = columns.get(KPI_COLUMN.counter('unavailS'));
    const periodIndex = columns.get(KPI_COLUMN.counter('periodS'));
    const availabilityIndex = columns.get(KPI_COLUMN.percentValue('availability'));
    const downBasis = this.schema.downBasis;
    const counters: CounterSums = {};
    const percents: Partial<Record<JudgedKpiName, PercentSums>> = {};
    let intervals = 0;
    let downIntervals = 0;
    for (const row of series.values) {
      let values = 0;
      for (const [c, index] of counterIndexes) {
        const value = numberAt(row, index);
        if (value === undefined) continue;
        counters[c] = (counters[c] ?? 0) + value;
        values++;
      }
      for (const [p, valueIndex, weightIndex] of percentIndexes) {
        const value = numberAt(row, valueIndex);
        if (value === undefined) continue;
        values++;
        const weight = p.weightField === undefined ? 1 : numberAt(row, weightIndex);
        if (weight === undefined) continue;
        const sum = (percents[p.kpi] ??= { weightedSum: 0, weight: 0 });
        sum.weightedSum += value * weight;
        sum.weight += weight;
      }
      if (values === 0) continue;
      intervals++;
      if (downBasis === 'counters') {
        const unavail = numberAt(row, unavailIndex);
        const period = numberAt(row, periodIndex);
        if (unavail !== undefined && period !== undefined && period !== 0 && unavail / period >= 0.5) downIntervals++;
      } else if (downBasis === 'percent') {
        const availability = numberAt(row, availabilityIndex);
        if (availability !== undefined && availability <= 50) downIntervals++;
      }
    }
    if (intervals === 0) return undefined;
    const cell: CellKpiSums = { cellId, counters, intervals, downIntervals };
    if (Object.keys(percents).length > 0) cell.percents = percents;
    return cell;
  }

  /** Decodes raw rows (aliased with KPI_COLUMN names) into intervals; rows without any selected value are dropped. */
  private decodeRows(
    cellId: string,
    series: InfluxSeries,
    counters: readonly (keyof CounterSums)[],
    percents: readonly PercentKpiMapping[],
  ): CellKpiInterval[] {
    const columns = columnIndex(series);
    const timeIndex = columns.get('time') ?? 0;
    const counterIndexes = counters.map((c) => [c, columns.get(KPI_COLUMN.counter(c))] as const);
    const percentIndexes = percents.map((p) => [p, columns.get(KPI_COLUMN.percentValue(p.kpi)), columns.get(KPI_COLUMN.percentWeight(p.kpi))] as const);
    const intervals: CellKpiInterval[] = [];
    for (const row of series.values) {
      const time = row[timeIndex];
      if (typeof time !== 'number') continue;
      const interval: CellKpiInterval = { cellId, time: new Date(time), counters: {} };
      let values = 0;
      for (const [c, index] of counterIndexes) {
        const value = numberAt(row, index);
        if (value === undefined) continue;
        interval.counters[c] = value;
        values++;
      }
      for (const [p, valueIndex, weightIndex] of percentIndexes) {
        const value = numberAt(row, valueIndex);
        if (value === undefined) continue;
        const weight = p.weightField === undefined ? 1 : numberAt(row, weightIndex);
        if (weight === undefined) continue;
        (interval.percents ??= {})[p.kpi] = { weightedSum: value * weight, weight };
        values++;
      }
      if (values > 0) intervals.push(interval);
    }
    return intervals;
  }

  override async series(cellId: string, window: TimeWindow): Promise<CellKpiInterval[]> {
    assertCellId(cellId);
    if (!isNonEmptyWindow(window)) return [];
    const [result] = await this.client.query(this.builder.seriesStatement(cellId, window));
    const intervals = (result?.series ?? []).flatMap((s) => this.decodeRows(cellId, s, this.schema.counters, this.schema.percents));
    return intervals.sort((a, b) => a.time.getTime() - b.time.getTime());
  }

  override async latestIntervals(at: Date, lookbackMs: number, select?: KpiSelection): Promise<CellKpiInterval[]> {
    if (!(lookbackMs > 0)) throw new RangeError(`lookbackMs must be > 0, got ${lookbackMs}`);
    const { counters, percents } = this.builder.selected(select);
    if (counters.length === 0 && percents.length === 0) return [];
    const [result] = await this.client.query(this.builder.latestStatement(at, lookbackMs, select), { chunked: true });
    return this.decodeLatest(result, counters, percents);
  }

  private decodeLatest(
    result: InfluxStatementResult | undefined,
    counters: readonly (keyof CounterSums)[],
    percents: readonly PercentKpiMapping[],
  ): CellKpiInterval[] {
    const latest: CellKpiInterval[] = [];
    for (const series of result?.series ?? []) {
      const cellId = series.tags?.[this.schema.tagKey];
      if (cellId === undefined) continue;
      const [newest] = this.decodeRows(cellId, series, counters, percents);
      if (newest) latest.push(newest);
    }
    return latest;
  }

  override async dataThrough(cellIds?: readonly string[], since?: Date): Promise<Date | null> {
    if (cellIds === undefined) return dataThroughFor(await this.newestPoint([this.builder.newestPointStatement(undefined, since)]));
    const unique = [...new Set(assertCellIds(cellIds))];
    if (unique.length === 0) return null;
    const [first, ...rest] = chunk(unique, this.cellsPerStatement);
    // The answer is a maximum: once the first chunk has named its newest point, the other chunks are searched only
    // after it, so a series with nothing newer costs InfluxDB a seek instead of decoding its newest block for every
    // field (bench:correlate: influxd 20.2 → 18.7 CPU-s per run, docs/performance.md). Points are written with ms
    // precision, so nothing lies between the newest point and 1 ms after it.
    const newestInFirst = await this.newestPoint([this.builder.newestPointStatement(first, since)]);
    if (rest.length === 0) return dataThroughFor(newestInFirst);
    const after = newestInFirst === null ? since : new Date(Math.max(newestInFirst + 1, since?.getTime() ?? -Infinity));
    const newestInRest = await this.newestPoint(rest.map((ids) => this.builder.newestPointStatement(ids, after)));
    return dataThroughFor(newestInRest ?? newestInFirst);
  }

  /** The time of the newest point the statements return (epoch ms), null when none; requests packed like sums. */
  private async newestPoint(statements: readonly string[]): Promise<number | null> {
    const requests = chunk(statements, Math.max(1, Math.floor(this.cellsPerRequest / this.cellsPerStatement)));
    const answers = await mapLimited(requests, this.concurrency, (r) => this.client.query(r.join('; ')));
    let newest: number | null = null;
    for (const results of answers) {
      for (const result of results) {
        for (const series of result.series) {
          const timeIndex = series.columns.indexOf('time');
          for (const row of series.values) {
            const time = row[timeIndex];
            if (typeof time === 'number' && (newest === null || time > newest)) newest = time;
          }
        }
      }
    }
    return newest;
  }
}
