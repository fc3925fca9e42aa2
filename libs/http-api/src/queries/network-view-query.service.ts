import { Injectable } from '@nestjs/common';
import { NetworkType, NetworkView, SiteType, VerdictCause, ViewStatus } from '@cellscope/domain';
import { CellRepository, NetworkViewRepository } from '@cellscope/persistence';
import { ApiPrincipal } from '../auth/api-principal';
import { ApiException } from '../errors/api.exception';
import { viewForPrincipal } from './msisdn-masking';
import { summarizeView, TicketSearchPage } from './ticket-summary';

/** Search criteria of GET /tickets (already validated). */
export interface TicketSearchCriteria {
  msisdn?: string;
  cellId?: string;
  cause?: VerdictCause;
  status?: ViewStatus;
  from?: Date;
  to?: Date;
  page: number;
  limit: number;
}

/** A complaint hot-spot: a cell ranked by tickets it served, with its inventory data when known. */
export interface HotspotEntry {
  cellId: string;
  tickets: number;
  networkRelated: number;
  name: string | null;
  siteId: string | null;
  siteType: SiteType | null;
  networkType: NetworkType | null;
}

/** Read side of the per-ticket views, shared by REST and gRPC (same data, same masking). */
@Injectable()
export class NetworkViewQueryService {
  constructor(
    private readonly views: NetworkViewRepository,
    private readonly cells: CellRepository,
  ) {}

  /** The view of a ticket by ticketId or complaintNo, masked for the caller; NOT_FOUND when unknown. */
  async getView(ticketIdOrComplaintNo: string, principal: ApiPrincipal): Promise<NetworkView> {
    const view = await this.views.findByTicketIdOrComplaintNo(ticketIdOrComplaintNo);
    if (!view) throw ApiException.notFound(`no ticket ${ticketIdOrComplaintNo}`);
    return viewForPrincipal(view, principal);
  }

  /** Tickets matching the criteria, newest first, as summaries masked for the caller. */
  async search(criteria: TicketSearchCriteria, principal: ApiPrincipal): Promise<TicketSearchPage> {
    const { page, limit, ...filters } = criteria;
    const result = await this.views.search({ ...filters, limit, offset: (page - 1) * limit });
    return {
      total: result.total,
      page,
      limit,
      items: result.items.map((view) => summarizeView(viewForPrincipal(view, principal))),
    };
  }

  /** Cells ranked by the complaints they served in [from, to). */
  async hotspots(from: Date, to: Date, limit: number): Promise<HotspotEntry[]> {
    const ranked = await this.views.hotspots(from, to, limit);
    const inventory = new Map((await this.cells.findByIds(ranked.map((h) => h.cellId))).map((c) => [c.cellId, c]));
    return ranked.map((hotspot) => {
      const cell = inventory.get(hotspot.cellId);
      return {
        ...hotspot,
        name: cell?.name ?? null,
        siteId: cell?.siteId ?? null,
        siteType: cell?.siteType ?? null,
        networkType: cell?.networkType ?? null,
      };
    });
  }
}
