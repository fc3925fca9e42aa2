import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  KPI_NAMES,
  KPI_STATUSES,
  NETWORK_TYPES,
  SITE_TYPES,
  SYMPTOMS,
  VERDICT_CAUSES,
  VIEW_STATUSES,
} from '@cellscope/domain';

// Response documents of the REST contract (contracts.md "NetworkView"), for the OpenAPI document only.

export class KpiValueDto {
  @ApiProperty({ type: Number, nullable: true, description: 'null when there is not enough data (NO_DATA)' }) value: number | null;
  @ApiProperty({ enum: ['%', 'Mbit/s', 'GB/day'] }) unit: string;
  @ApiProperty({ enum: KPI_STATUSES }) status: string;
  @ApiPropertyOptional({ description: 'WARN threshold' }) warn?: number;
  @ApiPropertyOptional({ description: 'BAD threshold' }) bad?: number;
}

export class CellKpisDto {
  @ApiProperty({ type: KpiValueDto, description: 'PRB利用率, downlink PRB utilisation %' }) prbUtilizationDl: KpiValueDto;
  @ApiProperty({ type: KpiValueDto, description: '接通率, access success rate %' }) accessSuccessRate: KpiValueDto;
  @ApiProperty({ type: KpiValueDto, description: '掉线率, drop rate %' }) dropRate: KpiValueDto;
  @ApiProperty({ type: KpiValueDto, description: '良好覆盖率, share of MR with RSRP ≥ −110 dBm %' }) goodCoverageRate: KpiValueDto;
  @ApiProperty({ type: KpiValueDto, description: '单用户感知速率, Mbit/s' }) userDlThroughputMbps: KpiValueDto;
  @ApiProperty({ type: KpiValueDto, description: '可用率, availability %' }) availability: KpiValueDto;
  @ApiProperty({ type: KpiValueDto, description: '日均流量, GB/day over the 7 baseline days' }) dailyTrafficGb: KpiValueDto;
}

export class FindingDto {
  @ApiProperty({ example: 'prbUtilizationDl_BAD', description: '<kpi>_WARN, <kpi>_BAD, CELL_DOWN, FIVE_G_NOT_ENABLED, VOLTE_NOT_ENABLED' })
  code: string;
  @ApiProperty({ type: String, nullable: true, enum: KPI_NAMES }) kpi: string | null;
  @ApiProperty({ type: Number, nullable: true }) value: number | null;
  @ApiProperty({ type: Number, nullable: true }) threshold: number | null;
}

export class EvidenceDto extends FindingDto {
  @ApiProperty({ type: String, nullable: true, description: 'null for user-side findings' }) cellId: string | null;
}

export class ViewCellDto {
  @ApiProperty() cellId: string;
  @ApiProperty() name: string;
  @ApiProperty() siteId: string;
  @ApiProperty({ enum: SITE_TYPES }) siteType: string;
  @ApiProperty({ enum: NETWORK_TYPES }) networkType: string;
  @ApiProperty({ enum: ['SERVING', 'NEIGHBOR'] }) role: string;
  @ApiProperty({ enum: ['TICKET', 'USAGE', 'LOCATION'] }) selection: string;
  @ApiPropertyOptional({ minimum: 0, maximum: 1 }) usageShare?: number;
  @ApiPropertyOptional() distanceM?: number;
  @ApiProperty({ type: CellKpisDto }) kpis: CellKpisDto;
  @ApiProperty({ type: [FindingDto] }) findings: FindingDto[];
}

export class LocalizedTextDto {
  @ApiProperty() zh: string;
  @ApiProperty() en: string;
}

export class VerdictDto {
  @ApiProperty({ type: Boolean, nullable: true, description: 'null = unknown (INSUFFICIENT_DATA)' }) networkRelated: boolean | null;
  @ApiProperty({ enum: VERDICT_CAUSES }) cause: string;
  @ApiProperty({ minimum: 0, maximum: 1 }) confidence: number;
  @ApiProperty({ type: LocalizedTextDto }) summary: LocalizedTextDto;
  @ApiProperty({ type: [EvidenceDto] }) evidence: EvidenceDto[];
  @ApiProperty({ type: LocalizedTextDto }) suggestedReply: LocalizedTextDto;
}

export class TimeRangeDto {
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
}

export class UserSideDto {
  @ApiPropertyOptional() fiveGEnabled?: boolean;
  @ApiPropertyOptional() volteEnabled?: boolean;
  @ApiPropertyOptional() terminal?: string;
}

/** The per-ticket network-side view. */
export class NetworkViewDto {
  @ApiProperty({ description: 'Work-order number of the customer-service system (工单号)' }) ticketId: string;
  @ApiProperty({ description: 'cellscope complaint number (投诉编号), 1:1 with ticketId' }) complaintNo: string;
  @ApiProperty({ enum: VIEW_STATUSES }) status: string;
  @ApiProperty({ description: 'Ticket version the view was built from' }) version: number;
  @ApiProperty({ description: 'Masked (138****5678) for the handler role', example: '138****5678' }) msisdn: string;
  @ApiProperty({ enum: SYMPTOMS }) symptom: string;
  @ApiProperty({ enum: ['TICKET', 'CLASSIFIED'] }) symptomSource: string;
  @ApiProperty({ format: 'date-time' }) reportedAt: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ type: TimeRangeDto, description: 'Evaluation window' }) window: TimeRangeDto;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) kpiDataThrough: string | null;
  @ApiProperty({ type: UserSideDto }) userSide: UserSideDto;
  @ApiProperty({ type: [ViewCellDto] }) cells: ViewCellDto[];
  @ApiProperty({ type: VerdictDto }) verdict: VerdictDto;
  @ApiPropertyOptional() incidentId?: string;
  @ApiProperty({ format: 'date-time' }) correlatedAt: string;
}
