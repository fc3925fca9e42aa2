import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, Clock, KpiThresholds } from '@cellscope/config';
import {
  assembleNetworkView,
  BASELINE_DAYS,
  baselineWindow,
  Cell,
  CellKpiSums,
  evaluationWindow,
  NetworkView,
  SelectedCell,
  selectCells,
  Ticket,
  TimeWindow,
  UsageRecord,
} from '@cellscope/domain';
import { KpiRepository, KpiSelection } from '@cellscope/kpi';
import { MessagePublisher } from '@cellscope/messaging';
import { CellRepository, NetworkViewRepository, RecorrelationScheduleRepository, UsageRepository } from '@cellscope/persistence';
import { BASELINE_QUERY, groupByWindow } from './kpi-window-queries';

/** How KPI sums are fetched: one query per window for all cells of the batch, or one query per ticket and cell. */
export type KpiFetchMode = 'batched' | 'naive';

/** A ticket to correlate, with its complaint number. */
export interface CorrelationRequest {
  ticket: Ticket;
  complaintNo: string;
}

export interface CorrelationResult {
  view: NetworkView;
  changed: boolean;
  applied: boolean;
}

const LOCATION_SEARCH_RADIUS_M = 1500;
const HOUR_MS = 3_600_000;
/** Usage before the window that can name the home cell (kpis.md: the previous 7 days). */
const HISTORY_MS = BASELINE_DAYS * 24 * HOUR_MS;

interface Planned {
  request: CorrelationRequest;
  window: TimeWindow;
  baseline: TimeWindow;
  selected: SelectedCell[];
}

/**
 * Joins tickets to the network: selects the cells (ticket, usage, home cell or location), fetches KPI sums through
 * the KPI port batched across tickets that share a window, builds the view with the domain rules, persists it
 * (versioned) and publishes it when it changed (before the save commits). PROVISIONAL views are put on the durable
 * re-correlation schedule.
 */
@Injectable()
export class CorrelationService {
  private readonly logger = new Logger(CorrelationService.name);
  /** Switchable for the benchmark's naive baseline. */
  kpiFetchMode: KpiFetchMode = 'batched';

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly thresholds: KpiThresholds,
    private readonly kpis: KpiRepository,
    private readonly cells: CellRepository,
    private readonly usage: UsageRepository,
    private readonly views: NetworkViewRepository,
    private readonly schedule: RecorrelationScheduleRepository,
    private readonly publisher: MessagePublisher,
  ) {}

  /** Correlates a batch of tickets; throws on a dependency outage (the caller retries; every write is idempotent). */
  async correlate(requests: readonly CorrelationRequest[]): Promise<CorrelationResult[]> {
    if (requests.length === 0) return [];
    if (new Set(requests.map((r) => r.ticket.ticketId)).size !== requests.length) {
      throw new Error('correlate() takes each ticket at most once per call');
    }
    const now = this.clock.now();
    const usage = await this.fetchUsage(requests);
    const planned = await Promise.all(requests.map((r) => this.plan(r, usage.get(r.ticket.msisdn) ?? [])));
    const allCellIds = unique(planned.flatMap((p) => p.selected.map((s) => s.cellId)));
    // Data freshness first: KPI data only grows, so sums read afterwards hold at least the data "data through" vouches
    // for. Read at the same time (or before), a PM file landing in between made a view FINAL on sums without that file,
    // and a FINAL view is never correlated again (found by the InfluxDB fault test, test/faults/process).
    const dataThrough = await this.fetchDataThrough(planned);
    const reads = [
      () => this.cells.findByIds(allCellIds),
      () => this.fetchSums(planned, [{ windowOf: (p) => p.window }, { windowOf: (p) => p.baseline, ...BASELINE_QUERY }]),
    ] as const;
    // Inventory and KPI sums are independent reads: in flight together (one after the other in the naive mode, which
    // stands for correlating ticket by ticket).
    const [cells, [windowSums, baselineSums]] =
      this.kpiFetchMode === 'naive' ? [await reads[0](), await reads[1]()] : await Promise.all([reads[0](), reads[1]()]);
    const inventory = new Map(cells.map((c) => [c.cellId, c] as const));

    const views = planned.map((p) => {
      const cellIds = p.selected.map((s) => s.cellId);
      return assembleNetworkView({
        ticket: p.request.ticket,
        complaintNo: p.request.complaintNo,
        selected: p.selected,
        cells: pick(inventory, cellIds),
        windowSums: windowSums.get(p) ?? new Map(),
        baselineSums: baselineSums.get(p) ?? new Map(),
        baselineDays: BASELINE_DAYS,
        thresholds: this.thresholds.table,
        kpiDataThrough: dataThrough.get(p) ?? null,
        window: p.window,
        now,
      });
    });
    // Changed views are published before the save commits: if the publish fails or the process dies in between, the
    // views are not stored, so the retry or redelivery finds them changed and publishes them (never stored unpublished).
    const saved = await this.views.saveMany(views, {
      beforeCommit: (changed, documents) =>
        this.publisher.publish(this.config.TOPIC_NETWORK_CONTEXT, changed.map((view, i) => ({ key: view.ticketId, value: documents[i] }))),
    });
    const results = views.map((view, i): CorrelationResult => ({ view, ...saved[i] }));
    await this.scheduleFollowUps(planned.flatMap((p, i) => (saved[i].applied ? [{ view: views[i], window: p.window }] : [])), now);
    return results;
  }

  /**
   * The usage records of every subscriber of the batch that may matter (from 7 days before the earliest window to
   * the end of the latest), in one query; tickets that name their cells need none.
   */
  private async fetchUsage(requests: readonly CorrelationRequest[]): Promise<Map<string, UsageRecord[]>> {
    const needing = requests.filter((r) => !(r.ticket.cellIds && r.ticket.cellIds.length > 0));
    if (needing.length === 0) return new Map();
    const windows = needing.map((r) => this.windowOf(r.ticket));
    const from = Math.min(...windows.map((w) => w.from.getTime())) - HISTORY_MS;
    const to = Math.max(...windows.map((w) => w.to.getTime()));
    return this.usage.findForSubscribers(unique(needing.map((r) => r.ticket.msisdn)), { from: new Date(from), to: new Date(to) });
  }

  private windowOf(ticket: Ticket): TimeWindow {
    return evaluationWindow(ticket.occurredAt, this.config.CORRELATION_WINDOW_MINUTES);
  }

  /** Selects the cells of one ticket from its usage (window, then the 7 days before), else its location. */
  private async plan(request: CorrelationRequest, usage: readonly UsageRecord[]): Promise<Planned> {
    const { ticket } = request;
    const window = this.windowOf(ticket);
    const baseline = baselineWindow(ticket.occurredAt, BASELINE_DAYS);
    const named = ticket.cellIds && ticket.cellIds.length > 0;
    const overlaps = (r: UsageRecord, from: number, to: number) => r.end.getTime() > from && r.start.getTime() < to;
    const usageInWindow = named ? [] : usage.filter((r) => overlaps(r, window.from.getTime(), window.to.getTime()));
    const usageHistory =
      named || usageInWindow.length > 0 ? [] : usage.filter((r) => overlaps(r, window.from.getTime() - HISTORY_MS, window.from.getTime()));
    const needLocation = !named && usageInWindow.length === 0 && usageHistory.length === 0 && !!ticket.location;
    const nearbyCells: Cell[] = needLocation ? await this.cells.findNear(ticket.location!, LOCATION_SEARCH_RADIUS_M) : [];
    const selected = selectCells({ ticket, window, usageInWindow, usageHistory, nearbyCells });
    return { request, window, baseline, selected };
  }

  /**
   * KPI sums per planned ticket for each kind of window (evaluation, baseline). Batched: the tickets sharing a
   * window share one query for the union of their cells, and all those queries go to the KPI port in one
   * sumWindows call. Naive (benchmark baseline): one query per ticket and cell.
   */
  private async fetchSums(
    planned: Planned[],
    windowsOf: { windowOf: (p: Planned) => TimeWindow; select?: KpiSelection; countIntervals?: boolean }[],
  ): Promise<Map<Planned, Map<string, CellKpiSums>>[]> {
    const results = windowsOf.map(() => new Map<Planned, Map<string, CellKpiSums>>());
    if (this.kpiFetchMode === 'naive') {
      for (const p of planned) {
        for (const [k, { windowOf }] of windowsOf.entries()) {
          const sums = new Map<string, CellKpiSums>();
          for (const s of p.selected) {
            const found = (await this.kpis.sumWindow([s.cellId], windowOf(p))).get(s.cellId);
            if (found) sums.set(s.cellId, found);
          }
          results[k].set(p, sums);
        }
      }
      return results;
    }
    const groups = windowsOf.flatMap(({ windowOf, select, countIntervals }, k) =>
      groupByWindow(planned, windowOf, (p) => p.selected.map((s) => s.cellId)).map((g) => ({ k, select, countIntervals, ...g })),
    );
    const withCells = groups.filter((g) => g.cellIds.length > 0);
    const answers = await this.kpis.sumWindows(
      withCells.map((g) => ({ cellIds: g.cellIds, window: g.window, select: g.select, countIntervals: g.countIntervals })),
    );
    const byGroup = new Map(withCells.map((g, i) => [g, answers[i]] as const));
    for (const g of groups) {
      const sums = byGroup.get(g) ?? new Map<string, CellKpiSums>();
      for (const p of g.items) results[g.k].set(p, sums);
    }
    return results;
  }

  /**
   * "KPI data through" per planned ticket: the PM store's freshness over the cells of the batch (one call per
   * batch; per ticket in naive mode). PM data for a region arrives together, so this is the coverage that decides
   * PROVISIONAL vs FINAL. A ticket without cells gets the freshness of the whole store.
   */
  private async fetchDataThrough(planned: Planned[]): Promise<Map<Planned, Date | null>> {
    const out = new Map<Planned, Date | null>();
    let storeThrough: Promise<Date | null> | undefined;
    const wholeStore = () => (storeThrough ??= this.kpis.dataThrough());
    if (this.kpiFetchMode === 'naive') {
      for (const p of planned) out.set(p, p.selected.length ? await this.kpis.dataThrough(p.selected.map((s) => s.cellId)) : await wholeStore());
      return out;
    }
    const cellIds = unique(planned.flatMap((p) => p.selected.map((s) => s.cellId)));
    // Data older than the earliest window cannot make a view FINAL: bound the scan there.
    const since = new Date(Math.min(...planned.map((p) => p.window.from.getTime())));
    const through = cellIds.length > 0 ? await this.kpis.dataThrough(cellIds, since) : null;
    for (const p of planned) out.set(p, p.selected.length > 0 ? through : await wholeStore());
    return out;
  }

  /**
   * PROVISIONAL views are correlated again when more PM data may have arrived (after RECORRELATE_DELAY_MS, not
   * before the window closes), until FINAL or until RECORRELATE_GIVE_UP_HOURS after the window closed; FINAL views
   * leave the schedule. One statement each for the batch.
   */
  private async scheduleFollowUps(items: { view: NetworkView; window: TimeWindow }[], now: Date): Promise<void> {
    const done: string[] = [];
    const again: { ticketId: string; dueAt: Date; reason: string }[] = [];
    for (const { view, window } of items) {
      const giveUpAt = window.to.getTime() + this.config.RECORRELATE_GIVE_UP_HOURS * HOUR_MS;
      if (view.status === 'FINAL') done.push(view.ticketId);
      else if (now.getTime() >= giveUpAt) {
        this.logger.warn(`ticket ${view.ticketId}: KPI data still incomplete ${this.config.RECORRELATE_GIVE_UP_HOURS} h after the window; stays PROVISIONAL`);
        done.push(view.ticketId);
      } else {
        again.push({ ticketId: view.ticketId, dueAt: new Date(Math.max(now.getTime() + this.config.RECORRELATE_DELAY_MS, window.to.getTime())), reason: 'late-pm-data' });
      }
    }
    await this.schedule.completeMany(done);
    await this.schedule.scheduleMany(again);
  }
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function pick(inventory: Map<string, Cell>, cellIds: readonly string[]): Map<string, Cell> {
  const out = new Map<string, Cell>();
  for (const id of cellIds) {
    const cell = inventory.get(id);
    if (cell) out.set(id, cell);
  }
  return out;
}
