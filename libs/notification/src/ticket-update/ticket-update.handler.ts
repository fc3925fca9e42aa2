import { Injectable, Optional } from '@nestjs/common';
import { AppConfig, Clock } from '@cellscope/config';
import { Incident } from '@cellscope/domain';
import { decodeJsonMessage, HandlerContext, InboundMessage, MessageOutcome, TopicHandler } from '@cellscope/messaging';
import { NotificationPlanner } from '../notification.planner';
import { notifierNotifications } from '../notifier.metrics';
import { NotifierTicker } from '../notifier.ticker';
import { IncidentRepository } from '../ports/incident.repository';
import { NotificationOutbox } from '../ports/notification-outbox';
import { NotificationRequest } from '../policy/notification-batch.planner';
import { parseNetworkViewMessage } from './network-view-message.parser';
import { ticketUpdateRequest } from './ticket-update.request';
import { ViewUpdate } from './view-update';

/**
 * Consumes `complaints.network-context.v1` (its own consumer group): a view that became FINAL gives its subscriber
 * one TICKET_UPDATE with the verdict in customer words, through the SMS policy and into the outbox (the leader's
 * publisher sends it, at once when this replica leads). Malformed views are dead-lettered; PENDING/PROVISIONAL ones are passed over. Redelivery is
 * harmless: the notificationId is deterministic and the outbox keeps the first.
 */
@Injectable()
export class TicketUpdateHandler implements TopicHandler {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly incidents: IncidentRepository,
    private readonly planner: NotificationPlanner,
    private readonly outbox: NotificationOutbox,
    @Optional() private readonly ticker?: NotifierTicker,
  ) {}

  get topic(): string {
    return this.config.TOPIC_NETWORK_CONTEXT;
  }

  async handleBatch(messages: readonly InboundMessage[], context: HandlerContext): Promise<MessageOutcome[]> {
    const outcomes: MessageOutcome[] = [];
    const newest = new Map<string, ViewUpdate>();
    for (const message of messages) {
      const decoded = decodeJsonMessage(message, parseNetworkViewMessage);
      if (!decoded.ok) {
        outcomes.push({ status: 'dead-letter', error: decoded.error });
        continue;
      }
      const view = decoded.value;
      const known = newest.get(view.ticketId);
      if (!known || view.version >= known.version) newest.set(view.ticketId, view);
      outcomes.push({ status: 'processed' });
    }
    const final = [...newest.values()].filter((view) => view.status === 'FINAL');
    if (final.length === 0) return outcomes;
    const now = this.clock.now();
    const needsIncidents = final.some((view) => view.cause === 'OUTAGE' && view.incidentId === undefined);
    const open: Incident[] = needsIncidents ? await this.incidents.findOpen() : [];
    const requests = final
      .map((view) => ticketUpdateRequest(view, now, open))
      .filter((request): request is NotificationRequest => request !== null);
    if (requests.length === 0) return outcomes;
    await context.heartbeat();
    const plan = await this.planner.plan(requests, now);
    const recorded = new Set(await this.outbox.record({ incidents: [], notifications: plan.notifications }));
    for (const n of plan.notifications) if (recorded.has(n.notificationId)) notifierNotifications.inc({ kind: n.kind, outcome: 'queued' });
    for (const s of plan.skipped) notifierNotifications.inc({ kind: s.kind, outcome: s.reason });
    if (recorded.size > 0) this.ticker?.requestDrain();
    return outcomes;
  }
}
