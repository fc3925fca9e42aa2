import { Injectable } from '@nestjs/common';
import {
  BASELINE_DAYS,
  baselineWindow,
  Cell,
  CellKpiInterval,
  computeKpiValues,
  isCellDown,
  JUDGED_KPI_NAMES,
  JudgedKpiName,
  KpiComputation,
  KpiUnit,
  KpiValue,
  sumIntervals,
} from '@cellscope/domain';
import { KpiRepository } from '@cellscope/kpi';
import { CellRepository } from '@cellscope/persistence';
import { ApiException } from '../errors/api.exception';
import { CellDetails, DegradedCell, DegradedCellList, KpiSeries } from './cell-read-models';
import { KpiThresholds } from './kpi-thresholds';

/** How far back "the latest interval" is looked for: PM data arrives 30–60 minutes late (kpis.md). */
export const LATEST_INTERVAL_LOOKBACK_MS = 2 * 60 * 60 * 1000;
/** Longest KPI series one request may ask for. */
export const MAX_SERIES_RANGE_MS = 7 * 24 * 60 * 60 * 1000;

/** Read side of cells and their KPIs, shared by REST and gRPC. */
@Injectable()
export class CellQueryService {
  constructor(
    private readonly cells: CellRepository,
    private readonly kpis: KpiRepository,
    private readonly thresholds: KpiThresholds,
  ) {}

  /** A cell with its latest interval at or before `at` judged; NOT_FOUND when the cell is not in the inventory. */
  async getCell(cellId: string, at: Date): Promise<CellDetails> {
    const cell = await this.findCell(cellId);
    const [series, baseline] = await Promise.all([
      this.kpis.series(cellId, { from: new Date(at.getTime() - LATEST_INTERVAL_LOOKBACK_MS), to: at }),
      this.kpis.sumWindow([cellId], baselineWindow(at, BASELINE_DAYS)),
    ]);
    const latest = series.length > 0 ? series[series.length - 1] : undefined;
    const computed = computeKpiValues(
      latest ? sumIntervals(cellId, [latest]) : undefined,
      baseline.get(cellId),
      BASELINE_DAYS,
      cell.networkType,
      this.thresholds.table,
    );
    return { cell, intervalStart: latest ? latest.time.toISOString() : null, kpis: computed.kpis, findings: computed.findings };
  }

  /** The judged 15-minute series of a cell in [from, to); the range must be positive and at most 7 days. */
  async kpiSeries(cellId: string, from: Date, to: Date): Promise<KpiSeries> {
    if (to.getTime() <= from.getTime()) throw ApiException.invalid([{ field: 'to', message: 'to must be later than from' }]);
    if (to.getTime() - from.getTime() > MAX_SERIES_RANGE_MS) {
      throw ApiException.invalid([{ field: 'to', message: 'to must be at most 7 days after from' }]);
    }
    const cell = await this.findCell(cellId);
    const intervals = await this.kpis.series(cellId, { from, to });
    const table = this.thresholds.table[cell.networkType];
    const thresholds = {} as KpiSeries['thresholds'];
    for (const kpi of JUDGED_KPI_NAMES) {
      thresholds[kpi] = { warn: table[kpi].warn, bad: table[kpi].bad, unit: unitOf(kpi) };
    }
    return {
      cellId,
      networkType: cell.networkType,
      from: from.toISOString(),
      to: to.toISOString(),
      thresholds,
      intervals: intervals.map((interval) => ({
        time: interval.time.toISOString(),
        down: isCellDown(interval),
        kpis: judgedOnly(this.judge(cell, interval)),
      })),
    };
  }

  /** Cells with a BAD KPI (or DOWN) in their latest interval at or before `at`, worst first. */
  async degradedCells(at: Date): Promise<DegradedCellList> {
    const latest = await this.kpis.latestIntervals(at, LATEST_INTERVAL_LOOKBACK_MS);
    const judged = latest.map((interval) => ({ interval, cellId: interval.cellId }));
    const inventory = new Map((await this.cells.findByIds(judged.map((j) => j.cellId))).map((c) => [c.cellId, c]));
    const degraded: DegradedCell[] = [];
    for (const { interval } of judged) {
      const cell = inventory.get(interval.cellId);
      if (!cell) continue;
      const computed = this.judge(cell, interval);
      if (!JUDGED_KPI_NAMES.some((kpi) => computed.kpis[kpi].status === 'BAD')) continue;
      degraded.push({
        cellId: cell.cellId,
        name: cell.name,
        siteId: cell.siteId,
        siteType: cell.siteType,
        networkType: cell.networkType,
        intervalStart: interval.time.toISOString(),
        kpis: computed.kpis,
        findings: computed.findings,
      });
    }
    degraded.sort((a, b) => badCount(b) - badCount(a) || a.cellId.localeCompare(b.cellId));
    return { at: at.toISOString(), cells: degraded };
  }

  private judge(cell: Cell, interval: CellKpiInterval): KpiComputation {
    return computeKpiValues(sumIntervals(cell.cellId, [interval]), undefined, BASELINE_DAYS, cell.networkType, this.thresholds.table);
  }

  private async findCell(cellId: string): Promise<Cell> {
    const [cell] = await this.cells.findByIds([cellId]);
    if (!cell) throw ApiException.notFound(`no cell ${cellId}`);
    return cell;
  }
}

function judgedOnly(computed: KpiComputation): Record<JudgedKpiName, KpiValue> {
  const out = {} as Record<JudgedKpiName, KpiValue>;
  for (const kpi of JUDGED_KPI_NAMES) out[kpi] = computed.kpis[kpi];
  return out;
}

function unitOf(kpi: JudgedKpiName): KpiUnit {
  return kpi === 'userDlThroughputMbps' ? 'Mbit/s' : '%';
}

function badCount(cell: DegradedCell): number {
  return JUDGED_KPI_NAMES.filter((kpi) => cell.kpis[kpi].status === 'BAD').length;
}
