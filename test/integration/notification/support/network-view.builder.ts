import { randomBytes } from 'node:crypto';
import { CellKpis, CellRole, KpiValue, NetworkView, VerdictCause, ViewStatus } from '@cellscope/domain';

const HOUR = 3_600_000;

const kpi = (value: number | null, unit: KpiValue['unit'], status: KpiValue['status']): KpiValue => ({ value, unit, status });

function healthyKpis(): CellKpis {
  return {
    prbUtilizationDl: kpi(40, '%', 'OK'),
    accessSuccessRate: kpi(99.8, '%', 'OK'),
    dropRate: kpi(0.3, '%', 'OK'),
    goodCoverageRate: kpi(98, '%', 'OK'),
    userDlThroughputMbps: kpi(30, 'Mbit/s', 'OK'),
    availability: kpi(100, '%', 'OK'),
    dailyTrafficGb: kpi(120, 'GB/day', 'OK'),
  };
}

/** What a test says about a view; the rest is filled in plausibly. */
export interface ViewSpec {
  msisdn: string;
  occurredAt: Date;
  cells: [string, CellRole][];
  status?: ViewStatus;
  cause?: VerdictCause;
  ticketId?: string;
  version?: number;
}

/** A complete NetworkView (the document the correlator stores and publishes) with a unique ticketId. */
export function buildNetworkView(spec: ViewSpec): NetworkView {
  const ticketId = spec.ticketId ?? `WO-N-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const cause = spec.cause ?? 'NO_NETWORK_ISSUE';
  const networkRelated = cause === 'INSUFFICIENT_DATA' ? null : !['USER_SIDE', 'NO_NETWORK_ISSUE'].includes(cause);
  const occurredAt = spec.occurredAt.getTime();
  return {
    ticketId,
    complaintNo: `CS-${ticketId}`,
    status: spec.status ?? 'FINAL',
    version: spec.version ?? 1,
    msisdn: spec.msisdn,
    symptom: 'NO_DATA',
    symptomSource: 'TICKET',
    reportedAt: new Date(occurredAt + 0.25 * HOUR).toISOString(),
    occurredAt: spec.occurredAt.toISOString(),
    window: { from: new Date(occurredAt - HOUR).toISOString(), to: new Date(occurredAt + HOUR).toISOString() },
    kpiDataThrough: new Date(occurredAt + HOUR).toISOString(),
    userSide: { fiveGEnabled: true, volteEnabled: true },
    cells: spec.cells.map(([cellId, role]) => ({
      cellId,
      role,
      selection: 'TICKET',
      name: `Cell ${cellId}`,
      siteId: `SITE-${cellId}`,
      siteType: 'MACRO',
      networkType: '4G',
      kpis: healthyKpis(),
      findings: [],
    })),
    verdict: {
      networkRelated,
      cause,
      confidence: 0.8,
      summary: { zh: '测试', en: 'test' },
      evidence: cause === 'OUTAGE' ? [{ cellId: spec.cells[0]?.[0] ?? null, code: 'CELL_DOWN', kpi: 'availability', value: 0, threshold: 99 }] : [],
      suggestedReply: { zh: '您好', en: 'Hello' },
    },
    correlatedAt: new Date(occurredAt + 0.5 * HOUR).toISOString(),
  };
}
