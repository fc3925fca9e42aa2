import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { IncidentListPage, IncidentQueryService, IncidentSummary } from '@cellscope/notification';
import { ApiPermission } from '../auth/api-permission';
import { RequirePermission } from '../auth/require-permission.decorator';
import { API_PREFIX, ApiController } from '../controllers/api-endpoint.decorator';
import { ApiErrorDto } from '../dto/api-responses.dto';
import { parseTimestamp } from '../dto/parse-timestamp';
import { ApiException } from '../errors/api.exception';
import { IncidentDto, IncidentIdParam, IncidentPageDto, IncidentsQuery } from './incidents.dto';

/** Incidents (cell and site outages, complaint clusters): affected cells listed, affected subscribers counted. */
@ApiController('incidents')
@Controller(`${API_PREFIX}/incidents`)
export class IncidentsController {
  constructor(private readonly incidents: IncidentQueryService) {}

  /** Incidents by state, kind and openedAt range, newest first. */
  @Get()
  @RequirePermission(ApiPermission.READ_INCIDENTS)
  @ApiOperation({ summary: 'List incidents by state, kind and openedAt range [from, to), newest first' })
  @ApiOkResponse({ type: IncidentPageDto })
  list(@Query() query: IncidentsQuery): Promise<IncidentListPage> {
    const from = parseTimestamp(query.from, 'from');
    const to = parseTimestamp(query.to, 'to');
    if (from && to && to.getTime() <= from.getTime()) throw ApiException.invalid([{ field: 'to', message: 'to must be later than from' }]);
    return this.incidents.list({ state: query.state, kind: query.kind, from, to, page: query.page, limit: query.limit });
  }

  /** One incident. */
  @Get(':incidentId')
  @RequirePermission(ApiPermission.READ_INCIDENTS)
  @ApiOperation({ summary: 'One incident by incidentId' })
  @ApiOkResponse({ type: IncidentDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  async get(@Param() params: IncidentIdParam): Promise<IncidentSummary> {
    const incident = await this.incidents.get(params.incidentId);
    if (!incident) throw ApiException.notFound(`no incident ${params.incidentId}`);
    return incident;
  }
}
