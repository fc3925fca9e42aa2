import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CELL_STATUSES, NETWORK_TYPES, SITE_TYPES, SYMPTOMS, VERDICT_CAUSES, VIEW_STATUSES } from '@cellscope/domain';
import { CellKpisDto, FindingDto, KpiValueDto } from './network-view.dto';

// Response documents other than the NetworkView, for the OpenAPI document only.

export class FieldProblemDto {
  @ApiProperty({ example: 'limit' }) field: string;
  @ApiProperty({ example: 'limit must not be greater than 100' }) message: string;
}

/** Every error: `{ statusCode, error, message, details? }`. */
export class ApiErrorDto {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'Bad Request' }) error: string;
  @ApiProperty({ example: 'limit must not be greater than 100' }) message: string;
  @ApiPropertyOptional({ type: [FieldProblemDto] }) details?: FieldProblemDto[];
}

export class TicketSummaryDto {
  @ApiProperty() ticketId: string;
  @ApiProperty() complaintNo: string;
  @ApiProperty({ enum: VIEW_STATUSES }) status: string;
  @ApiProperty() version: number;
  @ApiProperty({ description: 'Masked for the handler role' }) msisdn: string;
  @ApiProperty({ enum: SYMPTOMS }) symptom: string;
  @ApiProperty({ format: 'date-time' }) reportedAt: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ type: String, nullable: true }) servingCellId: string | null;
  @ApiProperty({ type: String, nullable: true }) servingCellName: string | null;
  @ApiProperty({ enum: VERDICT_CAUSES }) cause: string;
  @ApiProperty({ type: Boolean, nullable: true }) networkRelated: boolean | null;
  @ApiProperty() confidence: number;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) kpiDataThrough: string | null;
  @ApiProperty({ format: 'date-time' }) correlatedAt: string;
}

export class TicketSearchPageDto {
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
  @ApiProperty({ type: [TicketSummaryDto] }) items: TicketSummaryDto[];
}

export class TicketAcceptedDto {
  @ApiProperty() ticketId: string;
  @ApiProperty({ enum: [true] }) accepted: boolean;
}

export class RecorrelationScheduledDto {
  @ApiProperty() ticketId: string;
  @ApiProperty() complaintNo: string;
  @ApiProperty({ enum: [true] }) scheduled: boolean;
}

export class CellDto {
  @ApiProperty() cellId: string;
  @ApiProperty() name: string;
  @ApiProperty() siteId: string;
  @ApiPropertyOptional() siteName?: string;
  @ApiProperty({ enum: SITE_TYPES }) siteType: string;
  @ApiProperty({ enum: NETWORK_TYPES }) networkType: string;
  @ApiPropertyOptional() band?: string;
  @ApiProperty() lat: number;
  @ApiProperty() lon: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 359, description: 'absent = omni' }) azimuth?: number;
  @ApiPropertyOptional() region?: string;
  @ApiPropertyOptional() vendor?: string;
  @ApiProperty({ enum: CELL_STATUSES }) status: string;
}

export class CellDetailsDto {
  @ApiProperty({ type: CellDto }) cell: CellDto;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'Start of the judged interval' })
  intervalStart: string | null;
  @ApiProperty({ type: CellKpisDto }) kpis: CellKpisDto;
  @ApiProperty({ type: [FindingDto] }) findings: FindingDto[];
}

export class JudgedKpisDto {
  @ApiProperty({ type: KpiValueDto }) prbUtilizationDl: KpiValueDto;
  @ApiProperty({ type: KpiValueDto }) accessSuccessRate: KpiValueDto;
  @ApiProperty({ type: KpiValueDto }) dropRate: KpiValueDto;
  @ApiProperty({ type: KpiValueDto }) goodCoverageRate: KpiValueDto;
  @ApiProperty({ type: KpiValueDto }) userDlThroughputMbps: KpiValueDto;
  @ApiProperty({ type: KpiValueDto }) availability: KpiValueDto;
}

export class KpiSeriesPointDto {
  @ApiProperty({ format: 'date-time', description: 'Start of the 15-minute interval' }) time: string;
  @ApiProperty({ description: 'DOWN in this interval' }) down: boolean;
  @ApiProperty({ type: JudgedKpisDto }) kpis: JudgedKpisDto;
}

export class ThresholdDto {
  @ApiProperty() warn: number;
  @ApiProperty() bad: number;
  @ApiProperty({ enum: ['%', 'Mbit/s'] }) unit: string;
}

export class SeriesThresholdsDto {
  @ApiProperty({ type: ThresholdDto }) prbUtilizationDl: ThresholdDto;
  @ApiProperty({ type: ThresholdDto }) accessSuccessRate: ThresholdDto;
  @ApiProperty({ type: ThresholdDto }) dropRate: ThresholdDto;
  @ApiProperty({ type: ThresholdDto }) goodCoverageRate: ThresholdDto;
  @ApiProperty({ type: ThresholdDto }) userDlThroughputMbps: ThresholdDto;
  @ApiProperty({ type: ThresholdDto }) availability: ThresholdDto;
}

export class KpiSeriesDto {
  @ApiProperty() cellId: string;
  @ApiProperty({ enum: NETWORK_TYPES }) networkType: string;
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty({ type: SeriesThresholdsDto }) thresholds: SeriesThresholdsDto;
  @ApiProperty({ type: [KpiSeriesPointDto] }) intervals: KpiSeriesPointDto[];
}

export class DegradedCellDto {
  @ApiProperty() cellId: string;
  @ApiProperty() name: string;
  @ApiProperty() siteId: string;
  @ApiProperty({ enum: SITE_TYPES }) siteType: string;
  @ApiProperty({ enum: NETWORK_TYPES }) networkType: string;
  @ApiProperty({ format: 'date-time' }) intervalStart: string;
  @ApiProperty({ type: CellKpisDto }) kpis: CellKpisDto;
  @ApiProperty({ type: [FindingDto] }) findings: FindingDto[];
}

export class DegradedCellListDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: [DegradedCellDto] }) cells: DegradedCellDto[];
}

export class HotspotDto {
  @ApiProperty() cellId: string;
  @ApiProperty({ description: 'Tickets whose SERVING cell this is' }) tickets: number;
  @ApiProperty({ description: 'Of those, tickets judged network-related' }) networkRelated: number;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true }) siteId: string | null;
  @ApiProperty({ type: String, nullable: true, enum: SITE_TYPES }) siteType: string | null;
  @ApiProperty({ type: String, nullable: true, enum: NETWORK_TYPES }) networkType: string | null;
}
