// TypeScript shapes of the messages of proto/cellscope.proto (snake_case, as proto-loader keeps them).
// Optional proto fields are absent (undefined) when unset, never null.

export interface KpiValueMessage {
  value?: number;
  unit: string;
  status: string;
  warn?: number;
  bad?: number;
}

export interface CellKpisMessage {
  prb_utilization_dl: KpiValueMessage;
  access_success_rate: KpiValueMessage;
  drop_rate: KpiValueMessage;
  good_coverage_rate: KpiValueMessage;
  user_dl_throughput_mbps: KpiValueMessage;
  availability: KpiValueMessage;
  daily_traffic_gb: KpiValueMessage;
}

export interface FindingMessage {
  code: string;
  kpi?: string;
  value?: number;
  threshold?: number;
}

export interface EvidenceMessage extends FindingMessage {
  cell_id?: string;
}

export interface ViewCellMessage {
  cell_id: string;
  name: string;
  site_id: string;
  site_type: string;
  network_type: string;
  role: string;
  selection: string;
  usage_share?: number;
  distance_m?: number;
  kpis: CellKpisMessage;
  findings: FindingMessage[];
}

export interface LocalizedTextMessage {
  zh: string;
  en: string;
}

export interface VerdictMessage {
  network_related?: boolean;
  cause: string;
  confidence: number;
  summary: LocalizedTextMessage;
  evidence: EvidenceMessage[];
  suggested_reply: LocalizedTextMessage;
}

export interface NetworkViewMessage {
  ticket_id: string;
  complaint_no: string;
  status: string;
  version: number;
  msisdn: string;
  symptom: string;
  symptom_source: string;
  reported_at: string;
  occurred_at: string;
  window: { from: string; to: string };
  kpi_data_through?: string;
  user_side: { five_g_enabled?: boolean; volte_enabled?: boolean; terminal?: string };
  cells: ViewCellMessage[];
  verdict: VerdictMessage;
  incident_id?: string;
  correlated_at: string;
}

export interface CellMessage {
  cell_id: string;
  name: string;
  site_id: string;
  site_name?: string;
  site_type: string;
  network_type: string;
  band?: string;
  lat: number;
  lon: number;
  azimuth?: number;
  region?: string;
  vendor?: string;
  status: string;
}

export interface CellDetailsMessage {
  cell: CellMessage;
  interval_start?: string;
  kpis: CellKpisMessage;
  findings: FindingMessage[];
}

export interface DegradedCellMessage {
  cell_id: string;
  name: string;
  site_id: string;
  site_type: string;
  network_type: string;
  interval_start: string;
  kpis: CellKpisMessage;
  findings: FindingMessage[];
}

export interface ListDegradedCellsResponseMessage {
  at: string;
  cells: DegradedCellMessage[];
}

export interface GetTicketNetworkViewRequestMessage {
  ticket_id_or_complaint_no?: string;
}

export interface GetCellRequestMessage {
  cell_id?: string;
  at?: string;
}

export interface ListDegradedCellsRequestMessage {
  at?: string;
}
