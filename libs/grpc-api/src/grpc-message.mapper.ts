import { Cell, CellKpis, Evidence, Finding, KpiValue, NetworkView, ViewCell } from '@cellscope/domain';
import { CellDetails, DegradedCell, DegradedCellList } from '@cellscope/http-api';
import {
  CellDetailsMessage,
  CellKpisMessage,
  CellMessage,
  DegradedCellMessage,
  EvidenceMessage,
  FindingMessage,
  KpiValueMessage,
  ListDegradedCellsResponseMessage,
  NetworkViewMessage,
  ViewCellMessage,
} from './grpc-messages';

const opt = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);

function kpiValue(value: KpiValue): KpiValueMessage {
  return { value: opt(value.value), unit: value.unit, status: value.status, warn: value.warn, bad: value.bad };
}

function cellKpis(kpis: CellKpis): CellKpisMessage {
  return {
    prb_utilization_dl: kpiValue(kpis.prbUtilizationDl),
    access_success_rate: kpiValue(kpis.accessSuccessRate),
    drop_rate: kpiValue(kpis.dropRate),
    good_coverage_rate: kpiValue(kpis.goodCoverageRate),
    user_dl_throughput_mbps: kpiValue(kpis.userDlThroughputMbps),
    availability: kpiValue(kpis.availability),
    daily_traffic_gb: kpiValue(kpis.dailyTrafficGb),
  };
}

function finding(f: Finding): FindingMessage {
  return { code: f.code, kpi: opt(f.kpi), value: opt(f.value), threshold: opt(f.threshold) };
}

function evidence(e: Evidence): EvidenceMessage {
  return { ...finding(e), cell_id: opt(e.cellId) };
}

function viewCell(cell: ViewCell): ViewCellMessage {
  return {
    cell_id: cell.cellId,
    name: cell.name,
    site_id: cell.siteId,
    site_type: cell.siteType,
    network_type: cell.networkType,
    role: cell.role,
    selection: cell.selection,
    usage_share: cell.usageShare,
    distance_m: cell.distanceM,
    kpis: cellKpis(cell.kpis),
    findings: cell.findings.map(finding),
  };
}

function cellRecord(cell: Cell): CellMessage {
  return {
    cell_id: cell.cellId,
    name: cell.name,
    site_id: cell.siteId,
    site_name: cell.siteName,
    site_type: cell.siteType,
    network_type: cell.networkType,
    band: cell.band,
    lat: cell.lat,
    lon: cell.lon,
    azimuth: cell.azimuth,
    region: cell.region,
    vendor: cell.vendor,
    status: cell.status,
  };
}

function degradedCell(cell: DegradedCell): DegradedCellMessage {
  return {
    cell_id: cell.cellId,
    name: cell.name,
    site_id: cell.siteId,
    site_type: cell.siteType,
    network_type: cell.networkType,
    interval_start: cell.intervalStart,
    kpis: cellKpis(cell.kpis),
    findings: cell.findings.map(finding),
  };
}

/** REST read models → proto messages: the same data, field names in snake_case, null → absent. */
export const grpcMessageMapper = {
  /** The NetworkView as the proto `NetworkView` message. */
  networkView(view: NetworkView): NetworkViewMessage {
    return {
      ticket_id: view.ticketId,
      complaint_no: view.complaintNo,
      status: view.status,
      version: view.version,
      msisdn: view.msisdn,
      symptom: view.symptom,
      symptom_source: view.symptomSource,
      reported_at: view.reportedAt,
      occurred_at: view.occurredAt,
      window: { from: view.window.from, to: view.window.to },
      kpi_data_through: opt(view.kpiDataThrough),
      user_side: {
        five_g_enabled: view.userSide.fiveGEnabled,
        volte_enabled: view.userSide.volteEnabled,
        terminal: view.userSide.terminal,
      },
      cells: view.cells.map(viewCell),
      verdict: {
        network_related: opt(view.verdict.networkRelated),
        cause: view.verdict.cause,
        confidence: view.verdict.confidence,
        summary: { ...view.verdict.summary },
        evidence: view.verdict.evidence.map(evidence),
        suggested_reply: { ...view.verdict.suggestedReply },
      },
      incident_id: view.incidentId,
      correlated_at: view.correlatedAt,
    };
  },

  /** CellDetails as the proto `CellDetails` message. */
  cellDetails(details: CellDetails): CellDetailsMessage {
    return {
      cell: cellRecord(details.cell),
      interval_start: opt(details.intervalStart),
      kpis: cellKpis(details.kpis),
      findings: details.findings.map(finding),
    };
  },

  /** The degraded-cell list as the proto `ListDegradedCellsResponse`. */
  degradedCells(list: DegradedCellList): ListDegradedCellsResponseMessage {
    return { at: list.at, cells: list.cells.map(degradedCell) };
  },
};
