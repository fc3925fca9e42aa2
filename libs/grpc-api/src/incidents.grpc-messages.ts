// TypeScript shapes of the incident messages of proto/cellscope.proto (snake_case, as proto-loader keeps them).

export interface ListIncidentsRequestMessage {
  state?: string;
  from?: string;
  to?: string;
  limit?: number;
}

export interface IncidentMessage {
  incident_id: string;
  kind: string;
  state: string;
  site_id?: string;
  cell_ids: string[];
  cause: string;
  opened_at: string;
  resolved_at?: string;
  affected_cells: number;
  affected_subscribers: number;
}

export interface ListIncidentsResponseMessage {
  incidents: IncidentMessage[];
}
