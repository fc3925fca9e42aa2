import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, IsString, Matches, Min } from 'class-validator';
import { UsageRecord } from '@cellscope/domain';
import { ContractParseResult, validateContract } from './contract-validator';
import { describeTimestampProblem, parseContractTimestamp } from './contract-timestamp';
import { ID_PATTERN, MSISDN_PATTERN, TIMESTAMP_WITH_OFFSET_PATTERN } from './contract-patterns';

const timestampMessage = '$property must be an ISO 8601 timestamp with an offset';

/** UsageRecord (contracts.md): time a subscriber spent on a cell, from signalling/xDR probes. */
export class UsageRecordDto {
  @ApiProperty()
  @IsString()
  @Matches(MSISDN_PATTERN, { message: 'msisdn must be 8..15 digits with an optional leading +' })
  msisdn: string;

  @ApiProperty()
  @IsString()
  @Matches(ID_PATTERN, { message: 'cellId must be 1..64 of [A-Za-z0-9._:-]' })
  cellId: string;

  @ApiProperty() @IsString() @Matches(TIMESTAMP_WITH_OFFSET_PATTERN, { message: timestampMessage }) start: string;
  @ApiProperty() @IsString() @Matches(TIMESTAMP_WITH_OFFSET_PATTERN, { message: timestampMessage }) end: string;

  @ApiPropertyOptional() @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) bytesDl?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) bytesUl?: number;
}

/** Validates a UsageRecord (end must be after start) and maps it to the domain UsageRecord. */
export function parseUsageRecord(raw: unknown): ContractParseResult<UsageRecord> {
  const result = validateContract(UsageRecordDto, raw);
  if (!result.ok) return result;
  const d = result.value;
  const startResult = parseContractTimestamp(d.start);
  if (!startResult.ok) return { ok: false, errors: [{ field: 'start', message: describeTimestampProblem('start', startResult.problem) }] };
  const endResult = parseContractTimestamp(d.end);
  if (!endResult.ok) return { ok: false, errors: [{ field: 'end', message: describeTimestampProblem('end', endResult.problem) }] };
  const start = startResult.date;
  const end = endResult.date;
  if (end.getTime() <= start.getTime()) return { ok: false, errors: [{ field: 'end', message: 'end must be later than start' }] };
  const record: UsageRecord = { msisdn: d.msisdn, cellId: d.cellId, start, end };
  if (d.bytesDl !== undefined) record.bytesDl = d.bytesDl;
  if (d.bytesUl !== undefined) record.bytesUl = d.bytesUl;
  return { ok: true, value: record };
}
