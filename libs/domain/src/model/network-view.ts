import { NetworkType, SiteType } from './cell';
import { CellKpis } from './kpi';
import { Symptom } from './ticket';
import { Finding, Verdict } from './verdict';

export const VIEW_STATUSES = ['PENDING', 'PROVISIONAL', 'FINAL'] as const;
/** PENDING: not correlated yet; PROVISIONAL: KPI data does not cover the window yet; FINAL: covered. */
export type ViewStatus = (typeof VIEW_STATUSES)[number];

export type CellRole = 'SERVING' | 'NEIGHBOR';
export type CellSelectionSource = 'TICKET' | 'USAGE' | 'LOCATION';
export type SymptomSource = 'TICKET' | 'CLASSIFIED';

/** A cell chosen for a ticket, before KPIs are attached. */
export interface SelectedCell {
  cellId: string;
  role: CellRole;
  selection: CellSelectionSource;
  /** Share of the subscriber's time in the window spent on this cell, 0..1 (USAGE). */
  usageShare?: number;
  /** Distance from the complaint location in metres (LOCATION). */
  distanceM?: number;
}

/** A cell as the network-side view shows it. */
export interface ViewCell extends SelectedCell {
  name: string;
  siteId: string;
  siteType: SiteType;
  networkType: NetworkType;
  kpis: CellKpis;
  findings: Finding[];
}

/** The per-ticket network-side view (contracts.md "NetworkView"); timestamps as ISO 8601 strings. */
export interface NetworkView {
  ticketId: string;
  complaintNo: string;
  status: ViewStatus;
  version: number;
  msisdn: string;
  symptom: Symptom;
  symptomSource: SymptomSource;
  reportedAt: string;
  occurredAt: string;
  window: { from: string; to: string };
  kpiDataThrough: string | null;
  userSide: { fiveGEnabled?: boolean; volteEnabled?: boolean; terminal?: string };
  cells: ViewCell[];
  verdict: Verdict;
  incidentId?: string;
  correlatedAt: string;
}
