import { Controller, Delete, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Clock } from '@cellscope/config';
import { OptOutRepository } from '@cellscope/notification';
import { ApiPermission } from '../auth/api-permission';
import { RequirePermission } from '../auth/require-permission.decorator';
import { API_PREFIX, ApiController } from '../controllers/api-endpoint.decorator';
import { MsisdnParam, OptOutDto } from './incidents.dto';

/** A subscriber's opt-out from proactive SMS, as the API returns it. */
export interface OptOutResponse {
  msisdn: string;
  optedOut: true;
  since: string;
}

/** Opt-outs from proactive SMS (OUTAGE_NOTICE, RECOVERY_NOTICE, TICKET_UPDATE), managed by noc and admin. */
@ApiController('opt-outs')
@Controller(`${API_PREFIX}/opt-outs`)
export class OptOutsController {
  constructor(
    private readonly optOuts: OptOutRepository,
    private readonly clock: Clock,
  ) {}

  /** Opts a subscriber out (idempotent: the first time is kept). */
  @Post(':msisdn')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(ApiPermission.MANAGE_OPT_OUTS)
  @ApiOperation({ summary: 'Opt a subscriber out of proactive SMS (idempotent)' })
  @ApiOkResponse({ type: OptOutDto })
  async optOut(@Param() params: MsisdnParam): Promise<OptOutResponse> {
    const optOut = await this.optOuts.add(params.msisdn, this.clock.now());
    return { msisdn: optOut.msisdn, optedOut: true, since: optOut.since.toISOString() };
  }

  /** Opts a subscriber back in (idempotent). */
  @Delete(':msisdn')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequirePermission(ApiPermission.MANAGE_OPT_OUTS)
  @ApiOperation({ summary: 'Opt a subscriber back into proactive SMS (idempotent)' })
  @ApiNoContentResponse()
  async optIn(@Param() params: MsisdnParam): Promise<void> {
    await this.optOuts.remove(params.msisdn);
  }
}
