import { InfluxQueryError, InfluxUnavailableError } from './influx.errors';

/** One series of an InfluxQL result: rows of `values` under `columns` (the first column is `time`). */
export interface InfluxSeries {
  name?: string;
  tags?: Record<string, string>;
  columns: string[];
  values: unknown[][];
}

/** The result of one statement of a (possibly multi-statement) InfluxQL request. */
export interface InfluxStatementResult {
  statementId: number;
  series: InfluxSeries[];
}

interface RawSeries {
  name?: unknown;
  tags?: unknown;
  columns?: unknown;
  values?: unknown;
  partial?: unknown;
}

interface RawStatement {
  statement_id?: unknown;
  series?: unknown;
  error?: unknown;
}

interface OpenStatement {
  result: InfluxStatementResult;
  /** Identity of the last series when it was marked `partial` (its rows continue in the next chunk). */
  openSeriesKey?: string;
}

function seriesKey(name: unknown, tags: unknown): string {
  return `${String(name ?? '')}\u0000${tags === undefined ? '' : JSON.stringify(tags)}`;
}

/**
 * Collects the JSON bodies of one `/query` answer (one body, or one per line with `chunked=true`) into one
 * result per statement. Rows of a series split across chunks (`partial: true`) are joined; several series per
 * statement (GROUP BY) are kept apart. A top-level or statement-level `error` throws InfluxQueryError.
 */
export class InfluxQueryResultCollector {
  private readonly statements = new Map<number, OpenStatement>();

  constructor(private readonly status = 200) {}

  /** Adds one parsed JSON body (one chunk). */
  add(body: unknown): void {
    if (typeof body !== 'object' || body === null) {
      throw new InfluxUnavailableError(`InfluxDB answered a non-object body: ${String(body).slice(0, 200)}`, 1, this.status);
    }
    const b = body as { error?: unknown; results?: unknown };
    if (typeof b.error === 'string') throw new InfluxQueryError(`InfluxDB error: ${b.error}`, this.status);
    if (!Array.isArray(b.results)) return;
    for (const raw of b.results as RawStatement[]) this.addStatement(raw);
  }

  private addStatement(raw: RawStatement): void {
    const id = typeof raw.statement_id === 'number' ? raw.statement_id : 0;
    if (typeof raw.error === 'string') {
      throw new InfluxQueryError(`InfluxDB statement ${id} failed: ${raw.error}`, this.status, id);
    }
    let open = this.statements.get(id);
    if (!open) {
      open = { result: { statementId: id, series: [] } };
      this.statements.set(id, open);
    }
    if (!Array.isArray(raw.series)) return;
    for (const s of raw.series as RawSeries[]) {
      const key = seriesKey(s.name, s.tags);
      const values = Array.isArray(s.values) ? (s.values as unknown[][]) : [];
      const last = open.result.series[open.result.series.length - 1];
      if (open.openSeriesKey === key && last) {
        for (const row of values) last.values.push(row);
      } else {
        open.result.series.push({
          ...(typeof s.name === 'string' ? { name: s.name } : {}),
          ...(s.tags && typeof s.tags === 'object' ? { tags: s.tags as Record<string, string> } : {}),
          columns: Array.isArray(s.columns) ? (s.columns as string[]) : [],
          values: values.slice(),
        });
      }
      open.openSeriesKey = s.partial === true ? key : undefined;
    }
  }

  /** The collected results, ordered by statement id. */
  results(): InfluxStatementResult[] {
    return [...this.statements.values()].map((s) => s.result).sort((a, b) => a.statementId - b.statementId);
  }
}
