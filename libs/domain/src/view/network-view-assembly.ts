import { Cell, CellKpiSums, NetworkView, SelectedCell, Ticket, TimeWindow, ViewCell } from '../model';
import { computeKpiValues } from '../kpi/kpi-values';
import { ThresholdTable } from '../kpi/thresholds';
import { resolveSymptom } from '../symptom/symptom-classifier';
import { decideVerdict } from '../verdict/verdict';
import { viewStatusFor } from './view-status';

/** Input of assembleNetworkView. */
export interface NetworkViewInput {
  ticket: Ticket;
  complaintNo: string;
  selected: SelectedCell[];
  /** Inventory of (at least) the selected cells. */
  cells: Map<string, Cell> | Cell[];
  windowSums: Map<string, CellKpiSums>;
  baselineSums: Map<string, CellKpiSums>;
  baselineDays: number;
  thresholds: ThresholdTable;
  kpiDataThrough: Date | null;
  window: TimeWindow;
  now: Date;
  incidentId?: string;
}

/**
 * A placeholder for a selected cell that is not in the inventory (yet): kept, so the handler still sees the cell
 * the ticket or the usage named, with name = cellId, siteId '', siteType OTHER and networkType 4G (the
 * conservative choice: 4G throughput thresholds are the lower ones, so a missing inventory record never produces a
 * BAD throughput that 4G limits would not).
 */
export function placeholderCell(cellId: string): Cell {
  return { cellId, name: cellId, siteId: '', siteType: 'OTHER', networkType: '4G', lat: 0, lon: 0, status: 'ACTIVE' };
}

/**
 * Builds the network-side view of a ticket: one ViewCell per selected cell (KPIs, findings), the verdict, and the
 * status (FINAL when kpiDataThrough ≥ window.to, else PROVISIONAL; a PROVISIONAL verdict has its confidence
 * lowered). The msisdn stays unmasked (masking is the API's job); timestamps are ISO strings; correlatedAt = now.
 */
export function assembleNetworkView(input: NetworkViewInput): NetworkView {
  const inventory = input.cells instanceof Map ? input.cells : new Map(input.cells.map((cell) => [cell.cellId, cell]));
  const viewCells: ViewCell[] = input.selected.map((selected) => {
    const cell = inventory.get(selected.cellId) ?? placeholderCell(selected.cellId);
    const { kpis, findings } = computeKpiValues(
      input.windowSums.get(selected.cellId),
      input.baselineSums.get(selected.cellId),
      input.baselineDays,
      cell.networkType,
      input.thresholds,
    );
    return {
      ...selected,
      name: cell.name,
      siteId: cell.siteId,
      siteType: cell.siteType,
      networkType: cell.networkType,
      kpis,
      findings,
    };
  });
  const { symptom, symptomSource } = resolveSymptom(input.ticket);
  const status = viewStatusFor(input.kpiDataThrough, input.window);
  const verdict = decideVerdict({ symptom, cells: viewCells, subscriber: input.ticket.subscriber, provisional: status !== 'FINAL' });
  const subscriber = input.ticket.subscriber;
  const userSide: NetworkView['userSide'] = {};
  if (subscriber?.fiveGEnabled !== undefined) userSide.fiveGEnabled = subscriber.fiveGEnabled;
  if (subscriber?.volteEnabled !== undefined) userSide.volteEnabled = subscriber.volteEnabled;
  if (subscriber?.terminal !== undefined) userSide.terminal = subscriber.terminal;
  const view: NetworkView = {
    ticketId: input.ticket.ticketId,
    complaintNo: input.complaintNo,
    status,
    version: input.ticket.version,
    msisdn: input.ticket.msisdn,
    symptom,
    symptomSource,
    reportedAt: input.ticket.reportedAt.toISOString(),
    occurredAt: input.ticket.occurredAt.toISOString(),
    window: { from: input.window.from.toISOString(), to: input.window.to.toISOString() },
    kpiDataThrough: input.kpiDataThrough ? input.kpiDataThrough.toISOString() : null,
    userSide,
    cells: viewCells,
    verdict,
    correlatedAt: input.now.toISOString(),
  };
  if (input.incidentId !== undefined) view.incidentId = input.incidentId;
  return view;
}
