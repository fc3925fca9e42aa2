import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CELL_STATUSES, Cell, CellStatus, NETWORK_TYPES, NetworkType, SITE_TYPES, SiteType } from '@cellscope/domain';
import { ContractParseResult, validateContract } from './contract-validator';
import { ID_PATTERN } from './contract-patterns';

/** CellRecord (contracts.md): one sector of the cell inventory. */
export class CellRecordDto {
  @ApiProperty({ pattern: ID_PATTERN.source })
  @IsString()
  @Matches(ID_PATTERN, { message: 'cellId must be 1..64 of [A-Za-z0-9._:-]' })
  cellId: string;

  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name: string;

  @ApiProperty()
  @IsString()
  @Matches(ID_PATTERN, { message: 'siteId must be 1..64 of [A-Za-z0-9._:-]' })
  siteId: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) siteName?: string;
  @ApiProperty({ enum: SITE_TYPES }) @IsIn(SITE_TYPES) siteType: SiteType;
  @ApiProperty({ enum: NETWORK_TYPES }) @IsIn(NETWORK_TYPES) networkType: NetworkType;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(32) band?: string;

  @ApiProperty()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat: number;

  @ApiProperty()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lon: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 359 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(359)
  azimuth?: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) region?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) vendor?: string;
  @ApiProperty({ enum: CELL_STATUSES }) @IsIn(CELL_STATUSES) status: CellStatus;
}

/** Validates a CellRecord and maps it to the domain Cell. */
export function parseCellRecord(raw: unknown): ContractParseResult<Cell> {
  const result = validateContract(CellRecordDto, raw);
  if (!result.ok) return result;
  const d = result.value;
  const cell: Cell = {
    cellId: d.cellId,
    name: d.name,
    siteId: d.siteId,
    siteType: d.siteType,
    networkType: d.networkType,
    lat: d.lat,
    lon: d.lon,
    status: d.status,
  };
  if (d.siteName !== undefined) cell.siteName = d.siteName;
  if (d.band !== undefined) cell.band = d.band;
  if (d.azimuth !== undefined) cell.azimuth = d.azimuth;
  if (d.region !== undefined) cell.region = d.region;
  if (d.vendor !== undefined) cell.vendor = d.vendor;
  return { ok: true, value: cell };
}
