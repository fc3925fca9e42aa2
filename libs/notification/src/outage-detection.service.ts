import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@cellscope/config';
import { Cell, detectComplaintClusters, detectOutages, Incident, NetworkView } from '@cellscope/domain';
import { KpiRepository, KpiSelection } from '@cellscope/kpi';
import { CellRepository, NetworkViewRepository, UsageRepository } from '@cellscope/persistence';
import { COMPLAINT_CLUSTER_QUIET_MS, expireComplaintClusters } from './incident/complaint-cluster-expiry';
import { outageRecipients } from './incident/outage-recipients';
import { notifierIncidents, notifierNotifications } from './notifier.metrics';
import { NotificationPlanner } from './notification.planner';
import { IncidentChange, IncidentRepository } from './ports/incident.repository';
import { LeadershipFence } from './ports/leader-lock';
import { NotificationOutbox } from './ports/notification-outbox';
import { normalizeMsisdn } from './policy/msisdn-normalization';
import { NotificationRequest } from './policy/notification-batch.planner';

const MINUTE = 60_000;
/** How far back the newest KPI interval of a cell may lie to count in a scan. */
export const KPI_LOOKBACK_MS = 2 * 60 * MINUTE;
/** Tickets on the same SERVING cell within this window make a complaint cluster … */
export const CLUSTER_WINDOW_MINUTES = 30;
/** … when there are at least this many. */
export const CLUSTER_MIN_TICKETS = 5;
/** Ticket holders of an outage: tickets of the last 24 h whose SERVING cell is affected. */
export const TICKET_RECIPIENT_WINDOW_MS = 24 * 60 * MINUTE;
/** Usage recipients of an outage: usage on the affected cells in the last hour. */
export const USAGE_RECIPIENT_WINDOW_MS = 60 * MINUTE;
/** What an outage scan reads of each cell's newest interval: what cellAvailabilityState looks at, nothing else. */
export const AVAILABILITY_SELECTION: KpiSelection = { counters: ['unavailS', 'periodS'], percents: ['availability'] };
/** Most cells ranked when looking for complaint clusters in one tick. */
const CLUSTER_CANDIDATE_CELLS = 500;

/** What one detection tick decided. */
export interface DetectionOutcome {
  opened: Incident[];
  updated: Incident[];
  resolved: Incident[];
  /** Notifications planned this tick, and how many of them were new in the outbox. */
  planned: number;
  recorded: number;
  skipped: number;
}

const isOutage = (incident: Incident): boolean => incident.kind === 'CELL_OUTAGE' || incident.kind === 'SITE_OUTAGE';

/**
 * One detection tick (run by the leader only): the newest KPI interval of every cell, the inventory and the open
 * incidents → detectOutages; recent tickets → complaint clusters (and their expiry); recipients and the SMS policy
 * for OUTAGE_NOTICE (new outages) and RECOVERY_NOTICE (recoveries); then ONE outbox transaction with the incident
 * changes and the notifications. Deterministic ids make a replayed tick record nothing new.
 */
@Injectable()
export class OutageDetectionService {
  private readonly logger = new Logger(OutageDetectionService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly kpi: KpiRepository,
    private readonly cells: CellRepository,
    private readonly views: NetworkViewRepository,
    private readonly usage: UsageRepository,
    private readonly incidents: IncidentRepository,
    private readonly outbox: NotificationOutbox,
    private readonly planner: NotificationPlanner,
  ) {}

  /** Runs one tick at `now`; with a fence, the commit fails (LeadershipLostError) unless this replica still leads. */
  async detect(now: Date, fence?: LeadershipFence): Promise<DetectionOutcome> {
    const [latest, inventory, open] = await Promise.all([
      this.kpi.latestIntervals(now, KPI_LOOKBACK_MS, AVAILABILITY_SELECTION),
      this.cells.findAll(),
      this.incidents.findOpen(),
    ]);
    const outages = detectOutages({ latest, cells: inventory, open, now });
    const cellsById = new Map(inventory.map((cell) => [cell.cellId, cell]));

    const closedIds = new Set([...outages.resolved, ...outages.updated.filter((i) => i.state === 'RESOLVED')].map((i) => i.incidentId));
    const stillOpen = [...open.filter((i) => !closedIds.has(i.incidentId)), ...outages.opened];
    const clusters = await this.detectClusters(now, stillOpen);
    const expired = await this.expireClusters(now, open);

    const changes: IncidentChange[] = [];
    const requests: NotificationRequest[] = [];
    for (const incident of outages.opened) {
      const absorbed = outages.updated.filter((i) => i.absorbedBy === incident.incidentId).map((i) => i.incidentId);
      const recipients = await this.findOutageRecipients(incident, now);
      changes.push({ incident, affectedSubscribers: recipients.length });
      // Who already got the notice of a cell outage this site outage took over is not told again.
      const told = new Set((await this.outbox.recipientsOf(absorbed, ['OUTAGE_NOTICE'])).map((r) => r.msisdn));
      requests.push({
        kind: 'OUTAGE_NOTICE',
        subject: { incidentId: incident.incidentId, cellIds: incident.cellIds },
        recipients: recipients.filter((msisdn) => !told.has(msisdn)).map((msisdn) => ({ msisdn })),
        text: { area: this.areaOf(incident, cellsById) },
      });
    }
    for (const incident of outages.updated) changes.push({ incident });
    for (const incident of outages.resolved) {
      changes.push({ incident });
      if (!isOutage(incident)) continue;
      const absorbed = (await this.incidents.findAbsorbedInto([incident.incidentId])).map((i) => i.incidentId);
      const recipients = await this.outbox.recipientsOf([incident.incidentId, ...absorbed], ['OUTAGE_NOTICE', 'TICKET_UPDATE']);
      requests.push({
        kind: 'RECOVERY_NOTICE',
        subject: { incidentId: incident.incidentId, cellIds: incident.cellIds },
        recipients,
        text: { area: this.areaOf(incident, cellsById), recoveredAt: incident.resolvedAt ?? now },
      });
    }
    changes.push(...clusters, ...expired.map((incident) => ({ incident })));

    const plan = await this.planner.plan(requests, now);
    const outcome: DetectionOutcome = {
      opened: [...outages.opened, ...clusters.map((c) => c.incident)],
      updated: outages.updated,
      resolved: [...outages.resolved, ...expired],
      planned: plan.notifications.length,
      recorded: 0,
      skipped: plan.skipped.length,
    };
    if (changes.length === 0 && plan.notifications.length === 0) return outcome;
    const recorded = await this.outbox.record({ incidents: changes, notifications: plan.notifications, fence });
    outcome.recorded = recorded.length;

    for (const incident of outcome.opened) notifierIncidents.inc({ kind: incident.kind, transition: 'opened' });
    for (const incident of outcome.resolved) notifierIncidents.inc({ kind: incident.kind, transition: 'resolved' });
    const recordedIds = new Set(recorded);
    for (const n of plan.notifications) if (recordedIds.has(n.notificationId)) notifierNotifications.inc({ kind: n.kind, outcome: 'queued' });
    for (const s of plan.skipped) notifierNotifications.inc({ kind: s.kind, outcome: s.reason });
    if (outcome.opened.length + outcome.resolved.length + outcome.recorded > 0) {
      this.logger.log(
        `tick: ${outcome.opened.length} incident(s) opened, ${outcome.resolved.length} resolved, ` +
          `${outcome.recorded} notification(s) queued, ${outcome.skipped} skipped`,
      );
    }
    return outcome;
  }

  /** Ticket holders (last 24 h, affected SERVING cell) then usage (last hour, capped), each subscriber once. */
  private async findOutageRecipients(incident: Incident, now: Date): Promise<string[]> {
    const to = new Date(now.getTime() + 1);
    const [views, usageMsisdns] = await Promise.all([
      this.views.findByServingCells(incident.cellIds, new Date(now.getTime() - TICKET_RECIPIENT_WINDOW_MS), to),
      this.usage.findSubscribersOnCells(
        incident.cellIds,
        new Date(now.getTime() - USAGE_RECIPIENT_WINDOW_MS),
        this.config.NOTIFIER_MAX_USAGE_RECIPIENTS,
      ),
    ]);
    return outageRecipients({ cellIds: incident.cellIds, views, usageMsisdns });
  }

  /** New COMPLAINT_CLUSTER incidents from the tickets of the last 30 minutes (≥ 5 on one SERVING cell). */
  private async detectClusters(now: Date, open: Incident[]): Promise<IncidentChange[]> {
    const from = new Date(now.getTime() - CLUSTER_WINDOW_MINUTES * MINUTE);
    const to = new Date(now.getTime() + 1);
    const ranked = await this.views.hotspots(from, to, CLUSTER_CANDIDATE_CELLS);
    const candidates = ranked.filter((h) => h.tickets >= CLUSTER_MIN_TICKETS).map((h) => h.cellId);
    if (candidates.length === 0) return [];
    const views = await this.views.findByServingCells(candidates, from, to);
    const wanted = new Set(candidates);
    const tickets = views.flatMap((view) =>
      view.cells
        .filter((cell) => cell.role === 'SERVING' && wanted.has(cell.cellId))
        .map((cell) => ({ ticketId: view.ticketId, servingCellId: cell.cellId, occurredAt: new Date(view.occurredAt) })),
    );
    const clusters = detectComplaintClusters({
      tickets,
      now,
      open,
      minTickets: CLUSTER_MIN_TICKETS,
      windowMinutes: CLUSTER_WINDOW_MINUTES,
    });
    return clusters.map((incident) => ({ incident, affectedSubscribers: this.subscribersOn(incident.cellIds, views) }));
  }

  /** Open clusters whose cell had no ticket for two hours resolve. */
  private async expireClusters(now: Date, open: Incident[]): Promise<Incident[]> {
    const clusters = open.filter((i) => i.kind === 'COMPLAINT_CLUSTER');
    if (clusters.length === 0) return [];
    const cellIds = [...new Set(clusters.flatMap((c) => c.cellIds))];
    const views = await this.views.findByServingCells(cellIds, new Date(now.getTime() - COMPLAINT_CLUSTER_QUIET_MS), new Date(now.getTime() + 1));
    const lastTicketAt = new Map<string, Date>();
    for (const view of views) {
      const at = new Date(view.occurredAt);
      for (const cell of view.cells) {
        if (cell.role !== 'SERVING') continue;
        const known = lastTicketAt.get(cell.cellId);
        if (!known || known < at) lastTicketAt.set(cell.cellId, at);
      }
    }
    return expireComplaintClusters(clusters, lastTicketAt, now);
  }

  private subscribersOn(cellIds: readonly string[], views: readonly NetworkView[]): number {
    const cells = new Set(cellIds);
    const msisdns = new Set(
      views.filter((v) => v.cells.some((c) => c.role === 'SERVING' && cells.has(c.cellId))).map((v) => normalizeMsisdn(v.msisdn)),
    );
    return msisdns.size;
  }

  /** Where, in customer words: the site name of the incident's cells when the inventory has one. */
  private areaOf(incident: Incident, cells: ReadonlyMap<string, Cell>): string | undefined {
    for (const cellId of incident.cellIds) {
      const siteName = cells.get(cellId)?.siteName;
      if (siteName) return siteName;
    }
    return undefined;
  }
}
