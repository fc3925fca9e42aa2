import { NETWORK_TYPES, NetworkType, SITE_TYPES, SiteType, VERDICT_CAUSES, VerdictCause } from '@cellscope/domain';
import { FAULT_KINDS, FaultKind } from './model/fault';
import { TicketCase } from './model/simulated-ticket';
import { Scenario } from './scenario';

/** Counts that describe a scenario snapshot (the CLI prints them). */
export interface ScenarioSummary {
  /** The seed as given. */
  seed: string | number;
  from: string;
  now: string;
  kpiDataThrough: string | null;
  sites: number;
  cells: { total: number; active: number; byNetworkType: Record<NetworkType, number>; bySiteType: Record<SiteType, number> };
  subscribers: number;
  kpiIntervals: number;
  usageRecords: number;
  tickets: {
    total: number;
    /** Ticket versions sent, updates included. */
    events: number;
    byExpectedCause: Record<VerdictCause, number>;
    byCase: Partial<Record<TicketCase, number>>;
    /** Without a symptom (classified from the description). */
    freeText: number;
    /** Whose evaluation window is covered by the data delivered by now (their view can be FINAL). */
    dataComplete: number;
  };
  faults: Record<FaultKind, number>;
}

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Counts of a scenario: inventory, data volumes, tickets by expected cause and case, faults by kind. */
export function summarizeScenario(scenario: Scenario): ScenarioSummary {
  const byNetworkType = zeros(NETWORK_TYPES);
  const bySiteType = zeros(SITE_TYPES);
  for (const cell of scenario.cells) {
    byNetworkType[cell.networkType]++;
    bySiteType[cell.siteType]++;
  }
  const byExpectedCause = zeros(VERDICT_CAUSES);
  const byCase: Partial<Record<TicketCase, number>> = {};
  let freeText = 0;
  let dataComplete = 0;
  for (const ticket of scenario.tickets) {
    byExpectedCause[ticket.expected.cause]++;
    byCase[ticket.ticketCase] = (byCase[ticket.ticketCase] ?? 0) + 1;
    if (ticket.expected.symptomSource === 'CLASSIFIED') freeText++;
    if (+ticket.expected.dataCompleteAt <= +scenario.now) dataComplete++;
  }
  const faults = zeros(FAULT_KINDS);
  for (const fault of scenario.faults) faults[fault.kind]++;
  return {
    seed: scenario.seedInput,
    from: scenario.from.toISOString(),
    now: scenario.now.toISOString(),
    kpiDataThrough: scenario.kpiDataThrough?.toISOString() ?? null,
    sites: scenario.sites.length,
    cells: { total: scenario.cells.length, active: scenario.cells.filter((c) => c.status === 'ACTIVE').length, byNetworkType, bySiteType },
    subscribers: scenario.subscribers.length,
    kpiIntervals: scenario.kpis.length,
    usageRecords: scenario.usage.length,
    tickets: { total: scenario.tickets.length, events: scenario.ticketEvents.length, byExpectedCause, byCase, freeText, dataComplete },
    faults,
  };
}
