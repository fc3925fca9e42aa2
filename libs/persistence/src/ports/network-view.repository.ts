import { NetworkView, VerdictCause, ViewStatus } from '@cellscope/domain';

export interface SaveViewResult {
  /** false when a view for a newer ticket version is already stored. */
  applied: boolean;
  /** true when the stored document changed (publish only then). */
  changed: boolean;
}

export interface ViewSearch {
  msisdn?: string;
  cellId?: string;
  cause?: VerdictCause;
  status?: ViewStatus;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

export interface ViewPage {
  total: number;
  items: NetworkView[];
}

/** Options of saveMany. */
export interface SaveViewsOptions {
  /**
   * Runs inside the saving transaction, after the writes and before the commit, with the views whose stored content
   * changed (input order). If it throws, nothing of the batch is stored, so a retry reports those views as changed
   * again. Publish them here: a view is then never stored without having been published (at least once), whatever
   * fails or crashes in between. `documents[i]` is the JSON text stored for `changed[i]` (publish it as is rather
   * than serializing the view again).
   */
  beforeCommit?: (changed: readonly NetworkView[], documents: readonly string[]) => Promise<void>;
}

/** A cell ranked by complaints (hot-spot). */
export interface ComplaintHotspot {
  cellId: string;
  tickets: number;
  networkRelated: number;
}

/** Port: the per-ticket network views (document + queryable columns). */
export abstract class NetworkViewRepository {
  /**
   * Stores the view unless a view of a newer ticket version exists (the same version is replaced: a re-correlation).
   * `changed` compares the content without `correlatedAt`, so finding the same thing again is no change.
   */
  abstract save(view: NetworkView): Promise<SaveViewResult>;
  /** save() for a batch (each ticket at most once), in one transaction; one result per view, in order. */
  abstract saveMany(views: readonly NetworkView[], options?: SaveViewsOptions): Promise<SaveViewResult[]>;
  /** The view by work-order number (ticketId) or complaint number (complaintNo); ticketId wins a tie. */
  abstract findByTicketIdOrComplaintNo(id: string): Promise<NetworkView | null>;
  /**
   * Views matching every given filter (cellId: any role; occurredAt in [from, to)), newest occurredAt first;
   * `total` counts all matches, `items` is the page at offset/limit.
   */
  abstract search(query: ViewSearch): Promise<ViewPage>;
  /** Cells ranked by the number of tickets whose SERVING cell they are, occurredAt in [from, to). */
  abstract hotspots(from: Date, to: Date, limit: number): Promise<ComplaintHotspot[]>;
  /**
   * Views with one of these cells as a SERVING cell, occurredAt in [from, to), newest first:
   * for complaint clusters and recipients.
   */
  abstract findByServingCells(cellIds: readonly string[], from: Date, to: Date): Promise<NetworkView[]>;
}
