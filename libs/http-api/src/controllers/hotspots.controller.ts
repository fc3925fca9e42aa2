import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiPermission } from '../auth/api-permission';
import { RequirePermission } from '../auth/require-permission.decorator';
import { HotspotDto } from '../dto/api-responses.dto';
import { parseTimestamp } from '../dto/parse-timestamp';
import { HotspotsQuery } from '../dto/request-queries.dto';
import { ApiException } from '../errors/api.exception';
import { HotspotEntry, NetworkViewQueryService } from '../queries/network-view-query.service';
import { API_PREFIX, ApiController } from './api-endpoint.decorator';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** Complaint hot-spots: cells ranked by the tickets they served. */
@ApiController('hotspots')
@Controller(`${API_PREFIX}/hotspots`)
export class HotspotsController {
  constructor(private readonly views: NetworkViewQueryService) {}

  /** Cells ranked by complaints whose SERVING cell they are, occurredAt in [from, to). */
  @Get()
  @RequirePermission(ApiPermission.READ_NETWORK)
  @ApiOperation({ summary: 'Cells ranked by complaints (SERVING cell, occurredAt in [from, to), the last 7 days by default)' })
  @ApiOkResponse({ type: [HotspotDto] })
  hotspots(@Query() query: HotspotsQuery): Promise<HotspotEntry[]> {
    const to = parseTimestamp(query.to, 'to') ?? new Date();
    const from = parseTimestamp(query.from, 'from') ?? new Date(to.getTime() - WEEK_MS);
    if (to.getTime() <= from.getTime()) throw ApiException.invalid([{ field: 'to', message: 'to must be later than from' }]);
    return this.views.hotspots(from, to, query.limit);
  }
}
