import { CAUSE_KPI } from '@cellscope/domain';

/** Kinds of injected network fault, named after the verdict cause each one causes. */
export type FaultKind = keyof typeof CAUSE_KPI;

/** All fault kinds, in the order of kpis.md's cause list. */
export const FAULT_KINDS: readonly FaultKind[] = ['OUTAGE', 'CONGESTION', 'LOW_THROUGHPUT', 'WEAK_COVERAGE', 'HIGH_DROP_RATE', 'ACCESS_FAILURE'];

/**
 * One injected fault episode with its ground truth: which cells and when [from, to), aligned to 15-minute
 * intervals. OUTAGE takes every cell of a site DOWN; the other kinds degrade one cell's KPI past its BAD limit.
 */
export interface Fault {
  faultId: string;
  kind: FaultKind;
  siteId: string;
  cellIds: string[];
  from: Date;
  to: Date;
}
