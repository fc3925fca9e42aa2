import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { SYMPTOMS, Symptom, TICKET_STATUSES, Ticket, TicketStatus } from '@cellscope/domain';
import { ContractParseResult, validateContract } from './contract-validator';
import { describeTimestampProblem, parseContractTimestamp } from './contract-timestamp';
import { ID_PATTERN, MSISDN_PATTERN, TIMESTAMP_WITH_OFFSET_PATTERN } from './contract-patterns';

/** Where the subscriber says the problem happened. */
export class TicketLocationDto {
  @ApiProperty({ minimum: -90, maximum: 90 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat: number;

  @ApiProperty({ minimum: -180, maximum: 180 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lon: number;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  address?: string;
}

/** The subscriber's line as the customer-service system knows it (用户侧). */
export class SubscriberProfileDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() fiveGEnabled?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() volteEnabled?: boolean;
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @MaxLength(100) terminal?: string;
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @MaxLength(100) plan?: string;
}

const timestampMessage = '$property must be an ISO 8601 timestamp with an offset';

/** TicketEvent (contracts.md): a complaint work order from the customer-service system, on Kafka or over HTTP. */
export class TicketEventDto {
  @ApiProperty({ pattern: ID_PATTERN.source, example: 'WO2026120400123' })
  @IsString()
  @Matches(ID_PATTERN, { message: 'ticketId must be 1..64 of [A-Za-z0-9._:-]' })
  ticketId: string;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  version: number;

  @ApiProperty({ enum: TICKET_STATUSES })
  @IsIn(TICKET_STATUSES)
  status: TicketStatus;

  @ApiProperty({ pattern: MSISDN_PATTERN.source, example: '13812345678' })
  @IsString()
  @Matches(MSISDN_PATTERN, { message: 'msisdn must be 8..15 digits with an optional leading +' })
  msisdn: string;

  @ApiProperty({ example: '2026-12-04T20:15:00+08:00' })
  @IsString()
  @Matches(TIMESTAMP_WITH_OFFSET_PATTERN, { message: timestampMessage })
  reportedAt: string;

  @ApiPropertyOptional({ example: '2026-12-04T19:40:00+08:00' })
  @IsOptional()
  @IsString()
  @Matches(TIMESTAMP_WITH_OFFSET_PATTERN, { message: timestampMessage })
  occurredAt?: string;

  @ApiPropertyOptional({ enum: SYMPTOMS })
  @IsOptional()
  @IsIn(SYMPTOMS)
  symptom?: Symptom;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ type: TicketLocationDto })
  @IsOptional()
  @IsObject({ message: '$property must be a JSON object' })
  @ValidateNested()
  @Type(() => TicketLocationDto)
  location?: TicketLocationDto;

  @ApiPropertyOptional({ type: [String], maxItems: 20 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(ID_PATTERN, { each: true, message: 'each cellIds entry must be 1..64 of [A-Za-z0-9._:-]' })
  cellIds?: string[];

  @ApiPropertyOptional({ type: SubscriberProfileDto })
  @IsOptional()
  @IsObject({ message: '$property must be a JSON object' })
  @ValidateNested()
  @Type(() => SubscriberProfileDto)
  subscriber?: SubscriberProfileDto;

  @ApiPropertyOptional({ maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  region?: string;
}

/** Validates a TicketEvent and maps it to the domain Ticket (occurredAt defaults to reportedAt). */
export function parseTicketEvent(raw: unknown): ContractParseResult<Ticket> {
  const result = validateContract(TicketEventDto, raw);
  if (!result.ok) return result;
  const dto = result.value;
  const reported = parseContractTimestamp(dto.reportedAt);
  if (!reported.ok) return { ok: false, errors: [{ field: 'reportedAt', message: describeTimestampProblem('reportedAt', reported.problem) }] };
  const reportedAt = reported.date;
  const occurred = dto.occurredAt === undefined ? reported : parseContractTimestamp(dto.occurredAt);
  if (!occurred.ok) return { ok: false, errors: [{ field: 'occurredAt', message: describeTimestampProblem('occurredAt', occurred.problem) }] };
  const occurredAt = occurred.date;
  const ticket: Ticket = {
    ticketId: dto.ticketId,
    version: dto.version,
    status: dto.status,
    msisdn: dto.msisdn,
    reportedAt,
    occurredAt,
    symptom: dto.symptom,
    description: dto.description,
    location: dto.location ? { lat: dto.location.lat, lon: dto.location.lon, address: dto.location.address } : undefined,
    cellIds: dto.cellIds ? [...new Set(dto.cellIds)] : undefined,
    subscriber: dto.subscriber
      ? {
          fiveGEnabled: dto.subscriber.fiveGEnabled,
          volteEnabled: dto.subscriber.volteEnabled,
          terminal: dto.subscriber.terminal,
          plan: dto.subscriber.plan,
        }
      : undefined,
    region: dto.region,
  };
  return { ok: true, value: ticket };
}

/** Serialises a domain Ticket back to the TicketEvent wire shape. */
export function toTicketEvent(ticket: Ticket): TicketEventDto {
  const event: TicketEventDto = {
    ticketId: ticket.ticketId,
    version: ticket.version,
    status: ticket.status,
    msisdn: ticket.msisdn,
    reportedAt: ticket.reportedAt.toISOString(),
    occurredAt: ticket.occurredAt.toISOString(),
  };
  if (ticket.symptom) event.symptom = ticket.symptom;
  if (ticket.description !== undefined) event.description = ticket.description;
  if (ticket.location) event.location = { ...ticket.location };
  if (ticket.cellIds) event.cellIds = [...ticket.cellIds];
  if (ticket.subscriber) event.subscriber = { ...ticket.subscriber };
  if (ticket.region !== undefined) event.region = ticket.region;
  return event;
}
