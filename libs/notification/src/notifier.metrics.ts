import { metricsRegistry } from '@cellscope/observability';
import { Counter, Gauge, Histogram } from 'prom-client';

const registers = [metricsRegistry];

/** Notifier ticks by role: `leader` (detected) or `follower` (another replica leads), and failed ones. */
export const notifierTicks = new Counter({
  name: 'notifier_ticks_total',
  help: 'Notifier ticks, by outcome (leader, follower, failed, leadership_lost)',
  labelNames: ['outcome'] as const,
  registers,
});

/** Duration of one detection tick on the leader (KPI scan, incidents, recipients, outbox commit). */
export const notifierTickDuration = new Histogram({
  name: 'notifier_tick_duration_seconds',
  help: 'Duration of one detection tick in seconds',
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
  registers,
});

/** SMS triggers decided, by kind and outcome (`queued` into the outbox, or the skip reason). */
export const notifierNotifications = new Counter({
  name: 'notifier_notifications_total',
  help: 'SMS notifications by kind and outcome (queued, published, OPTED_OUT, DUPLICATE, DAILY_CAP)',
  labelNames: ['kind', 'outcome'] as const,
  registers,
});

/** Incident changes, by kind and transition (opened, resolved). */
export const notifierIncidents = new Counter({
  name: 'notifier_incidents_total',
  help: 'Incidents opened and resolved, by kind',
  labelNames: ['kind', 'transition'] as const,
  registers,
});

/** 1 while this replica is the leader, else 0. */
export const notifierLeader = new Gauge({
  name: 'notifier_leader',
  help: '1 while this notifier replica holds the leader lock',
  registers,
});
