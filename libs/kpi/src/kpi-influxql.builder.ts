import { CounterName, JudgedKpiName, TimeWindow } from '@cellscope/domain';
import { InfluxSchema, PercentKpiMapping } from './influx-schema';
import { KpiSelection } from './kpi.repository';
import { cellIdRegex, quoteIdentifier, quoteString, timeLiteral, assertCellId } from './influxql-escaping';

/** Column aliases shared by the statements below and the code that reads their results. */
export const KPI_COLUMN = {
  /** Sum (aggregates) or value (raw rows) of a counter. */
  counter: (c: CounterName): string => c,
  /** Number of points carrying a counter. */
  counterCount: (c: CounterName): string => `n_${c}`,
  /** Σ(value·weight) (aggregates) or the value (raw rows) of a percent KPI. */
  percentValue: (k: JudgedKpiName): string => `pv_${k}`,
  /** Σweight (aggregates) or the weight (raw rows) of a percent KPI. */
  percentWeight: (k: JudgedKpiName): string => `pw_${k}`,
  /** Number of points carrying a percent KPI. */
  percentCount: (k: JudgedKpiName): string => `pn_${k}`,
  down: 'down',
} as const;

/** What one statement of a sumWindow request computes. */
export type SumStatementKind = 'sums' | 'weightedPercents' | 'down' | 'rows';

/** A statement of a sumWindow request and what it computes. */
export interface SumStatement {
  kind: SumStatementKind;
  influxql: string;
}

/**
 * Builds the InfluxQL of the KPI repository for one schema mapping. Every identifier, string, regex and time
 * goes through influxql-escaping.ts; cell ids are checked against the id rule before a statement is built.
 */
export class KpiInfluxQlBuilder {
  private readonly measurement: string;
  private readonly tag: string;

  constructor(readonly schema: InfluxSchema) {
    this.measurement = quoteIdentifier(schema.measurement);
    this.tag = quoteIdentifier(schema.tagKey);
  }

  private field(name: string): string {
    return quoteIdentifier(name);
  }

  private timeRange(window: TimeWindow): string {
    return `time >= ${timeLiteral(window.from)} AND time < ${timeLiteral(window.to)}`;
  }

  private cellsMatch(cellIds: readonly string[]): string {
    return `${this.tag} =~ ${cellIdRegex(cellIds)}`;
  }

  /**
   * The statements that sum one chunk of cells over a window, grouped by cell. With `select`, only those counters
   * and percent KPIs are summed, and DOWN intervals are counted only when the selection includes unavailability.
   * Without `countIntervals`, counters get no `count()` column (percent KPIs keep theirs: it is their weight).
   */
  sumStatements(cellIds: readonly string[], window: TimeWindow, select?: KpiSelection, countIntervals = true): SumStatement[] {
    const where = `${this.cellsMatch(cellIds)} AND ${this.timeRange(window)}`;
    const groupBy = `GROUP BY ${this.tag}`;
    const columns: string[] = [];
    const { counters, percents } = this.selected(select);
    const countDown = select === undefined || (select.counters ?? []).includes('unavailS') || (select.percents ?? []).includes('availability');
    for (const c of counters) {
      const f = this.field(this.schema.fields[c] as string);
      columns.push(`sum(${f}) AS ${quoteIdentifier(KPI_COLUMN.counter(c))}`);
      if (countIntervals) columns.push(`count(${f}) AS ${quoteIdentifier(KPI_COLUMN.counterCount(c))}`);
    }
    for (const p of percents) {
      const f = this.field(p.field);
      columns.push(`count(${f}) AS ${quoteIdentifier(KPI_COLUMN.percentCount(p.kpi))}`);
      if (p.weightField === undefined) columns.push(`sum(${f}) AS ${quoteIdentifier(KPI_COLUMN.percentValue(p.kpi))}`);
    }
    const statements: SumStatement[] = [
      { kind: 'sums', influxql: `SELECT ${columns.join(', ')} FROM ${this.measurement} WHERE ${where} ${groupBy}` },
    ];
    const weighted = percents.filter((p): p is Required<PercentKpiMapping> => p.weightField !== undefined);
    if (weighted.length > 0) {
      const inner: string[] = [];
      const outer: string[] = [];
      for (const p of weighted) {
        const v = this.field(p.field);
        const w = this.field(p.weightField);
        const pv = quoteIdentifier(KPI_COLUMN.percentValue(p.kpi));
        const pw = quoteIdentifier(KPI_COLUMN.percentWeight(p.kpi));
        // `v * 0 + w` is null where the value is missing, so weights count only where there is a value.
        inner.push(`${v} * ${w} AS ${pv}`, `${v} * 0 + ${w} AS ${pw}`);
        outer.push(`sum(${pv}) AS ${pv}`, `sum(${pw}) AS ${pw}`);
      }
      statements.push({
        kind: 'weightedPercents',
        influxql: `SELECT ${outer.join(', ')} FROM (SELECT ${inner.join(', ')} FROM ${this.measurement} WHERE ${where} ${groupBy}) ${groupBy}`,
      });
    }
    const down = quoteIdentifier(KPI_COLUMN.down);
    if (!countDown) return statements;
    if (this.schema.downBasis === 'counters') {
      const unavail = this.field(this.schema.fields.unavailS as string);
      const period = this.field(this.schema.fields.periodS as string);
      statements.push({
        kind: 'down',
        influxql:
          `SELECT count("r") AS ${down} FROM (SELECT ${unavail} / ${period} AS "r" FROM ${this.measurement} WHERE ${where} ${groupBy})` +
          ` WHERE "r" >= 0.5 ${groupBy}`,
      });
    } else if (this.schema.downBasis === 'percent') {
      const availability = this.schema.percents.find((p) => p.kpi === 'availability') as PercentKpiMapping;
      const v = this.field(availability.field);
      statements.push({
        kind: 'down',
        influxql: `SELECT count(${v}) AS ${down} FROM ${this.measurement} WHERE ${where} AND ${v} <= 50 ${groupBy}`,
      });
    }
    return statements;
  }

  /** The counters and percent KPIs a read covers: the schema's, narrowed by `select`. */
  selected(select?: KpiSelection): { counters: CounterName[]; percents: PercentKpiMapping[] } {
    return {
      counters: this.schema.counters.filter((c) => select?.counters === undefined || select.counters.includes(c)),
      percents: this.schema.percents.filter((p) => select?.percents === undefined || select.percents.includes(p.kpi)),
    };
  }

  /** The mapped fields of raw rows, aliased with KPI_COLUMN names. */
  private rawColumns(select?: KpiSelection): string {
    const { counters, percents } = this.selected(select);
    const columns: string[] = [];
    for (const c of counters) columns.push(`${this.field(this.schema.fields[c] as string)} AS ${quoteIdentifier(KPI_COLUMN.counter(c))}`);
    for (const p of percents) {
      columns.push(`${this.field(p.field)} AS ${quoteIdentifier(KPI_COLUMN.percentValue(p.kpi))}`);
      if (p.weightField !== undefined) columns.push(`${this.field(p.weightField)} AS ${quoteIdentifier(KPI_COLUMN.percentWeight(p.kpi))}`);
    }
    if (columns.length === 0) throw new RangeError('the selection maps no field of the schema');
    return columns.join(', ');
  }

  /** Raw rows of one chunk of cells in a window, one series per cell (sums computed by the caller). */
  windowRowsStatement(cellIds: readonly string[], window: TimeWindow): string {
    return `SELECT ${this.rawColumns()} FROM ${this.measurement} WHERE ${this.cellsMatch(cellIds)} AND ${this.timeRange(window)} GROUP BY ${this.tag}`;
  }

  /** Raw rows of one cell in a window, oldest first. */
  seriesStatement(cellId: string, window: TimeWindow): string {
    assertCellId(cellId);
    return `SELECT ${this.rawColumns()} FROM ${this.measurement} WHERE ${this.tag} = ${quoteString(cellId)} AND ${this.timeRange(window)}`;
  }

  /** The newest row of every cell with a point in (at − lookback, at], narrowed to the selected values. */
  latestStatement(at: Date, lookbackMs: number, select?: KpiSelection): string {
    const from = new Date(at.getTime() - lookbackMs);
    return (
      `SELECT ${this.rawColumns(select)} FROM ${this.measurement} WHERE time > ${timeLiteral(from)} AND time <= ${timeLiteral(at)}` +
      ` GROUP BY ${this.tag} ORDER BY time DESC LIMIT 1`
    );
  }

  /** The newest row over all cells, or over one chunk of cells; at or after `since` when given. */
  newestPointStatement(cellIds?: readonly string[], since?: Date): string {
    const conditions: string[] = [];
    if (cellIds !== undefined) conditions.push(this.cellsMatch(cellIds));
    if (since !== undefined) conditions.push(`time >= ${timeLiteral(since)}`);
    const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
    return `SELECT ${this.rawColumns()} FROM ${this.measurement}${where} ORDER BY time DESC LIMIT 1`;
  }
}
