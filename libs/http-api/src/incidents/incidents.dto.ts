import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ID_PATTERN, MSISDN_PATTERN, TIMESTAMP_WITH_OFFSET_PATTERN } from '@cellscope/contracts';
import { INCIDENT_KINDS, INCIDENT_STATES, IncidentKind, IncidentState } from '@cellscope/domain';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageQuery, TIMESTAMP_EXAMPLE, TIMESTAMP_MESSAGE } from '../dto/request-queries.dto';
import { TimestampQuery } from '../dto/timestamp-query.transform';

// Requests and responses of the incident and opt-out endpoints (validation + OpenAPI document).


/** Query of GET /incidents: state, kind, openedAt in [from, to), page. */
export class IncidentsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: INCIDENT_STATES })
  @IsOptional()
  @IsIn(INCIDENT_STATES)
  state?: IncidentState;

  @ApiPropertyOptional({ enum: INCIDENT_KINDS })
  @IsOptional()
  @IsIn(INCIDENT_KINDS)
  kind?: IncidentKind;

  @ApiPropertyOptional({ description: 'openedAt ≥ from', example: TIMESTAMP_EXAMPLE })
  @IsOptional()
  @TimestampQuery()
  @Matches(TIMESTAMP_WITH_OFFSET_PATTERN, { message: TIMESTAMP_MESSAGE })
  from?: string;

  @ApiPropertyOptional({ description: 'openedAt < to', example: TIMESTAMP_EXAMPLE })
  @IsOptional()
  @TimestampQuery()
  @Matches(TIMESTAMP_WITH_OFFSET_PATTERN, { message: TIMESTAMP_MESSAGE })
  to?: string;

}

/** Path parameter `{incidentId}`. */
export class IncidentIdParam {
  @ApiProperty({ pattern: ID_PATTERN.source })
  @Matches(ID_PATTERN, { message: 'incidentId must be 1..64 of [A-Za-z0-9._:-]' })
  incidentId: string;
}

/** Path parameter `{msisdn}`. */
export class MsisdnParam {
  @ApiProperty({ pattern: MSISDN_PATTERN.source, example: '8613800138000' })
  @Matches(MSISDN_PATTERN, { message: 'msisdn must be 8..15 digits with an optional leading +' })
  msisdn: string;
}

export class IncidentDto {
  @ApiProperty() incidentId: string;
  @ApiProperty({ enum: INCIDENT_KINDS }) kind: string;
  @ApiProperty({ enum: INCIDENT_STATES }) state: string;
  @ApiPropertyOptional() siteId?: string;
  @ApiProperty({ type: [String] }) cellIds: string[];
  @ApiProperty({ enum: ['OUTAGE', 'SUSPECTED'] }) cause: string;
  @ApiProperty({ format: 'date-time' }) openedAt: string;
  @ApiPropertyOptional({ format: 'date-time' }) resolvedAt?: string;
  @ApiProperty({ description: 'Number of affected cells' }) affectedCells: number;
  @ApiProperty({ description: 'Number of affected subscribers (never listed)' }) affectedSubscribers: number;
}

export class IncidentPageDto {
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
  @ApiProperty({ type: [IncidentDto] }) items: IncidentDto[];
}

export class OptOutDto {
  @ApiProperty({ description: 'The MSISDN without a leading +' }) msisdn: string;
  @ApiProperty({ enum: [true] }) optedOut: boolean;
  @ApiProperty({ format: 'date-time', description: 'When the subscriber opted out (the first time)' }) since: string;
}
