import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse } from '@nestjs/swagger';
import { TicketEventDto } from '@cellscope/contracts';
import { NetworkView } from '@cellscope/domain';
import { ApiPermission } from '../auth/api-permission';
import { ApiPrincipal } from '../auth/api-principal';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { RecorrelationScheduled, TicketAccepted, TicketCommandService } from '../commands/ticket-command.service';
import { ApiErrorDto, RecorrelationScheduledDto, TicketAcceptedDto, TicketSearchPageDto } from '../dto/api-responses.dto';
import { NetworkViewDto } from '../dto/network-view.dto';
import { parseTimestamp } from '../dto/parse-timestamp';
import { TicketIdParam } from '../dto/request-params.dto';
import { SearchTicketsQuery } from '../dto/request-queries.dto';
import { ApiException } from '../errors/api.exception';
import { NetworkViewQueryService } from '../queries/network-view-query.service';
import { TicketSearchPage } from '../queries/ticket-summary';
import { API_PREFIX, ApiController } from './api-endpoint.decorator';

/** Tickets: the network-side view, search, submission over HTTP and manual re-correlation. */
@ApiController('tickets')
@Controller(`${API_PREFIX}/tickets`)
export class TicketsController {
  constructor(
    private readonly views: NetworkViewQueryService,
    private readonly commands: TicketCommandService,
  ) {}

  /** Search tickets (newest first). */
  @Get()
  @RequirePermission(ApiPermission.READ_TICKETS)
  @ApiOperation({ summary: 'Search tickets by msisdn, cell, cause, status and occurredAt range' })
  @ApiOkResponse({ type: TicketSearchPageDto })
  search(@Query() query: SearchTicketsQuery, @CurrentPrincipal() principal: ApiPrincipal): Promise<TicketSearchPage> {
    const from = parseTimestamp(query.from, 'from');
    const to = parseTimestamp(query.to, 'to');
    if (from && to && to.getTime() <= from.getTime()) throw ApiException.invalid([{ field: 'to', message: 'to must be later than from' }]);
    return this.views.search(
      { msisdn: query.msisdn, cellId: query.cellId, cause: query.cause, status: query.status, from, to, page: query.page, limit: query.limit },
      principal,
    );
  }

  /** Submit a TicketEvent (same contract and validation as the Kafka topic). */
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @RequirePermission(ApiPermission.SUBMIT_TICKETS)
  @ApiOperation({ summary: 'Submit a TicketEvent; it is validated and queued for correlation' })
  @ApiBody({ type: TicketEventDto })
  @ApiAcceptedResponse({ type: TicketAcceptedDto })
  @ApiServiceUnavailableResponse({ type: ApiErrorDto, description: 'The message bus is unavailable' })
  submit(@Body() body: unknown): Promise<TicketAccepted> {
    return this.commands.submit(body);
  }

  /** The network-side view of one ticket. */
  @Get(':ticketIdOrComplaintNo/network-view')
  @RequirePermission(ApiPermission.READ_TICKETS)
  @ApiOperation({ summary: 'Network-side view of a ticket, by ticketId or complaintNo' })
  @ApiOkResponse({ type: NetworkViewDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  view(@Param() params: TicketIdParam, @CurrentPrincipal() principal: ApiPrincipal): Promise<NetworkView> {
    return this.views.getView(params.ticketIdOrComplaintNo, principal);
  }

  /** Correlate a ticket again now. */
  @Post(':ticketIdOrComplaintNo/recorrelate')
  @HttpCode(HttpStatus.ACCEPTED)
  @RequirePermission(ApiPermission.RECORRELATE)
  @ApiOperation({ summary: 'Schedule a ticket for correlation now (noc, admin)' })
  @ApiAcceptedResponse({ type: RecorrelationScheduledDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  recorrelate(@Param() params: TicketIdParam): Promise<RecorrelationScheduled> {
    return this.commands.recorrelate(params.ticketIdOrComplaintNo);
  }
}
