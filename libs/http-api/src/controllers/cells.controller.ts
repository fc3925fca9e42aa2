import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiPermission } from '../auth/api-permission';
import { RequirePermission } from '../auth/require-permission.decorator';
import { ApiErrorDto, CellDetailsDto, DegradedCellListDto, KpiSeriesDto } from '../dto/api-responses.dto';
import { parseTimestamp } from '../dto/parse-timestamp';
import { CellIdParam } from '../dto/request-params.dto';
import { AtQuery, KpiSeriesQuery } from '../dto/request-queries.dto';
import { CellDetails, DegradedCellList, KpiSeries } from '../queries/cell-read-models';
import { CellQueryService } from '../queries/cell-query.service';
import { API_PREFIX, ApiController } from './api-endpoint.decorator';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Cells: inventory with latest KPIs, KPI series, degraded cells. */
@ApiController('cells')
@Controller(`${API_PREFIX}/cells`)
export class CellsController {
  constructor(private readonly cells: CellQueryService) {}

  /** Cells with a BAD KPI in their latest interval (declared before `:cellId` so `degraded` is not taken for an id). */
  @Get('degraded')
  @RequirePermission(ApiPermission.READ_NETWORK)
  @ApiOperation({ summary: 'Cells with at least one BAD KPI in their latest interval at or before `at` (noc, admin)' })
  @ApiOkResponse({ type: DegradedCellListDto })
  degraded(@Query() query: AtQuery): Promise<DegradedCellList> {
    return this.cells.degradedCells(parseTimestamp(query.at, 'at') ?? new Date());
  }

  /** One cell with its latest interval judged. */
  @Get(':cellId')
  @RequirePermission(ApiPermission.READ_CELLS)
  @ApiOperation({ summary: 'Cell inventory record and latest 15-minute KPIs judged against the thresholds' })
  @ApiOkResponse({ type: CellDetailsDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  cell(@Param() params: CellIdParam, @Query() query: AtQuery): Promise<CellDetails> {
    return this.cells.getCell(params.cellId, parseTimestamp(query.at, 'at') ?? new Date());
  }

  /** The 15-minute KPI series of a cell. */
  @Get(':cellId/kpis')
  @RequirePermission(ApiPermission.READ_CELLS)
  @ApiOperation({ summary: '15-minute KPI series with computed, judged values per interval (at most 7 days)' })
  @ApiOkResponse({ type: KpiSeriesDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  kpis(@Param() params: CellIdParam, @Query() query: KpiSeriesQuery): Promise<KpiSeries> {
    const to = parseTimestamp(query.to, 'to') ?? new Date();
    const from = parseTimestamp(query.from, 'from') ?? new Date(to.getTime() - DAY_MS);
    return this.cells.kpiSeries(params.cellId, from, to);
  }
}
