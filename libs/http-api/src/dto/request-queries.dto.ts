import { ApiPropertyOptional } from '@nestjs/swagger';
import { ID_PATTERN, MSISDN_PATTERN, TIMESTAMP_WITH_OFFSET_PATTERN } from '@cellscope/contracts';
import { VERDICT_CAUSES, VerdictCause, VIEW_STATUSES, ViewStatus } from '@cellscope/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { TimestampQuery } from './timestamp-query.transform';

export const TIMESTAMP_MESSAGE = '$property must be an ISO 8601 timestamp with an offset, e.g. 2026-12-04T20:15:00+08:00';
export const TIMESTAMP_EXAMPLE = '2026-12-04T20:15:00+08:00';

/** Largest page of GET /tickets, GET /incidents and GET /hotspots. */
export const MAX_PAGE_LIMIT = 100;

/** Paging of list queries: page (from 1) and limit. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_LIMIT, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_LIMIT)
  limit: number = 20;
}

/** Query of GET /tickets. */
export class SearchTicketsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Subscriber number (exact)', pattern: MSISDN_PATTERN.source })
  @IsOptional()
  @Matches(MSISDN_PATTERN, { message: 'msisdn must be 8..15 digits with an optional leading +' })
  msisdn?: string;

  @ApiPropertyOptional({ description: 'Tickets with this cell among their cells', pattern: ID_PATTERN.source })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'cellId must be 1..64 of [A-Za-z0-9._:-]' })
  cellId?: string;

  @ApiPropertyOptional({ enum: VERDICT_CAUSES })
  @IsOptional()
  @IsIn(VERDICT_CAUSES)
  cause?: VerdictCause;

  @ApiPropertyOptional({ enum: VIEW_STATUSES })
  @IsOptional()
  @IsIn(VIEW_STATUSES)
  status?: ViewStatus;

  @ApiPropertyOptional({ description: 'occurredAt ≥ from', example: TIMESTAMP_EXAMPLE })
  @IsOptional()
  @TimestampQuery()
  @Matches(TIMESTAMP_WITH_OFFSET_PATTERN, { message: TIMESTAMP_MESSAGE })
  from?: string;

  @ApiPropertyOptional({ description: 'occurredAt < to', example: TIMESTAMP_EXAMPLE })
  @IsOptional()
  @TimestampQuery()
  @Matches(TIMESTAMP_WITH_OFFSET_PATTERN, { message: TIMESTAMP_MESSAGE })
  to?: string;

}

/** Query of GET /cells/{cellId}/kpis: [from, to), at most 7 days; the last 24 hours by default. */
export class KpiSeriesQuery {
  @ApiPropertyOptional({ description: 'Start (inclusive); to − 24 h by default', example: TIMESTAMP_EXAMPLE })
  @IsOptional()
  @TimestampQuery()
  @Matches(TIMESTAMP_WITH_OFFSET_PATTERN, { message: TIMESTAMP_MESSAGE })
  from?: string;

  @ApiPropertyOptional({ description: 'End (exclusive); now by default; at most 7 days after from', example: TIMESTAMP_EXAMPLE })
  @IsOptional()
  @TimestampQuery()
  @Matches(TIMESTAMP_WITH_OFFSET_PATTERN, { message: TIMESTAMP_MESSAGE })
  to?: string;
}

/** Query with an optional point in time (GET /cells/{cellId}, GET /cells/degraded). */
export class AtQuery {
  @ApiPropertyOptional({ description: 'Latest interval at or before this time; now by default', example: TIMESTAMP_EXAMPLE })
  @IsOptional()
  @TimestampQuery()
  @Matches(TIMESTAMP_WITH_OFFSET_PATTERN, { message: TIMESTAMP_MESSAGE })
  at?: string;
}

/** Query of GET /hotspots: occurredAt in [from, to) (the last 7 days by default), top `limit` cells. */
export class HotspotsQuery {
  @ApiPropertyOptional({ example: TIMESTAMP_EXAMPLE })
  @IsOptional()
  @TimestampQuery()
  @Matches(TIMESTAMP_WITH_OFFSET_PATTERN, { message: TIMESTAMP_MESSAGE })
  from?: string;

  @ApiPropertyOptional({ example: TIMESTAMP_EXAMPLE })
  @IsOptional()
  @TimestampQuery()
  @Matches(TIMESTAMP_WITH_OFFSET_PATTERN, { message: TIMESTAMP_MESSAGE })
  to?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_LIMIT, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_LIMIT)
  limit: number = 20;
}
