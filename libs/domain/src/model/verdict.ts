import { JudgedKpiName, KpiName } from './kpi';

/** Diagnosis causes (kpis.md "Verdict"). */
export const VERDICT_CAUSES = [
  'OUTAGE',
  'CONGESTION',
  'LOW_THROUGHPUT',
  'WEAK_COVERAGE',
  'HIGH_DROP_RATE',
  'ACCESS_FAILURE',
  'USER_SIDE',
  'NO_NETWORK_ISSUE',
  'INSUFFICIENT_DATA',
] as const;
export type VerdictCause = (typeof VERDICT_CAUSES)[number];

/** Network causes, each tied to the KPI whose BAD status shows it. */
export const CAUSE_KPI: Record<Exclude<VerdictCause, 'USER_SIDE' | 'NO_NETWORK_ISSUE' | 'INSUFFICIENT_DATA'>, JudgedKpiName> = {
  OUTAGE: 'availability',
  CONGESTION: 'prbUtilizationDl',
  LOW_THROUGHPUT: 'userDlThroughputMbps',
  WEAK_COVERAGE: 'goodCoverageRate',
  HIGH_DROP_RATE: 'dropRate',
  ACCESS_FAILURE: 'accessSuccessRate',
};

/**
 * Finding codes: `<KPI>_WARN` / `<KPI>_BAD` for a threshold crossed, `CELL_DOWN` for a DOWN interval,
 * and the user-side findings.
 */
export type FindingCode =
  | `${JudgedKpiName}_WARN`
  | `${JudgedKpiName}_BAD`
  | 'CELL_DOWN'
  | 'FIVE_G_NOT_ENABLED'
  | 'VOLTE_NOT_ENABLED';

/** One thing found on a cell (or on the subscriber's line). */
export interface Finding {
  code: FindingCode;
  kpi: KpiName | null;
  value: number | null;
  threshold: number | null;
}

/** A finding tied to the cell it was seen on (null for user-side findings). */
export interface Evidence extends Finding {
  cellId: string | null;
}

export interface LocalizedText {
  zh: string;
  en: string;
}

/** The automatic diagnosis (诊断结论). */
export interface Verdict {
  networkRelated: boolean | null;
  cause: VerdictCause;
  confidence: number;
  summary: LocalizedText;
  evidence: Evidence[];
  suggestedReply: LocalizedText;
}
