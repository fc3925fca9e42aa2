import {
  CAUSE_KPI,
  DATA_SYMPTOMS,
  Evidence,
  Finding,
  JUDGED_KPI_NAMES,
  SubscriberProfile,
  Symptom,
  Verdict,
  VerdictCause,
  ViewCell,
  VOICE_SYMPTOMS,
} from '../model';
import { VerdictTextContext, verdictSuggestedReply, verdictSummary } from './verdict-text';

/** Causes decided by a BAD KPI on a serving cell (rule 3 of kpis.md "Verdict"). */
export type KpiCause = 'CONGESTION' | 'LOW_THROUGHPUT' | 'WEAK_COVERAGE' | 'HIGH_DROP_RATE' | 'ACCESS_FAILURE';

/** For each symptom, the order in which BAD KPIs of a serving cell are taken as the cause (kpis.md). */
export const SYMPTOM_CAUSE_ORDER: Readonly<Record<Symptom, readonly KpiCause[]>> = {
  SLOW_DATA: ['CONGESTION', 'LOW_THROUGHPUT', 'WEAK_COVERAGE', 'HIGH_DROP_RATE', 'ACCESS_FAILURE'],
  NO_DATA: ['CONGESTION', 'LOW_THROUGHPUT', 'WEAK_COVERAGE', 'HIGH_DROP_RATE', 'ACCESS_FAILURE'],
  NO_SIGNAL: ['WEAK_COVERAGE', 'ACCESS_FAILURE', 'HIGH_DROP_RATE', 'CONGESTION', 'LOW_THROUGHPUT'],
  WEAK_SIGNAL: ['WEAK_COVERAGE', 'ACCESS_FAILURE', 'HIGH_DROP_RATE', 'CONGESTION', 'LOW_THROUGHPUT'],
  CALL_DROP: ['HIGH_DROP_RATE', 'WEAK_COVERAGE', 'CONGESTION', 'ACCESS_FAILURE', 'LOW_THROUGHPUT'],
  CALL_SETUP_FAILURE: ['ACCESS_FAILURE', 'CONGESTION', 'WEAK_COVERAGE', 'HIGH_DROP_RATE', 'LOW_THROUGHPUT'],
  POOR_VOICE: ['WEAK_COVERAGE', 'HIGH_DROP_RATE', 'CONGESTION', 'ACCESS_FAILURE', 'LOW_THROUGHPUT'],
  OTHER: ['ACCESS_FAILURE', 'HIGH_DROP_RATE', 'WEAK_COVERAGE', 'CONGESTION', 'LOW_THROUGHPUT'],
};

/** Input of decideVerdict. */
export interface VerdictInput {
  symptom: Symptom;
  cells: ViewCell[];
  subscriber?: SubscriberProfile;
  /** true while the KPI data does not cover the window yet (PROVISIONAL view): confidence × 0.8. */
  provisional?: boolean;
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));
const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Share of the six judged KPIs of a cell that have a value (0..1). */
function completeness(cell: ViewCell): number {
  return JUDGED_KPI_NAMES.filter((kpi) => cell.kpis[kpi].status !== 'NO_DATA').length / JUDGED_KPI_NAMES.length;
}

/** How much a cell's selection is trusted: named on the ticket or used in the window 1, home cell 0.9, location 0.8. */
function selectionFactor(cell: ViewCell | undefined): number {
  if (!cell) return 0.8;
  if (cell.selection === 'LOCATION') return 0.8;
  if (cell.selection === 'USAGE' && cell.usageShare === undefined) return 0.9;
  return 1;
}

function hasKpiData(cell: ViewCell): boolean {
  return completeness(cell) > 0 || cell.findings.some((f) => f.code === 'CELL_DOWN');
}

const evidenceOf = (cellId: string | null, finding: Finding): Evidence => ({ cellId, ...finding });

function badEvidence(cells: readonly ViewCell[], except: ReadonlySet<string>): Evidence[] {
  return cells.flatMap((cell) =>
    cell.findings.filter((f) => f.code.endsWith('_BAD') && !except.has(`${cell.cellId}|${f.code}`)).map((f) => evidenceOf(cell.cellId, f)),
  );
}

function warnEvidence(cells: readonly ViewCell[]): Evidence[] {
  return cells.flatMap((cell) => cell.findings.filter((f) => f.code.endsWith('_WARN')).map((f) => evidenceOf(cell.cellId, f)));
}

function build(
  cause: VerdictCause,
  networkRelated: boolean | null,
  confidence: number,
  evidence: Evidence[],
  ctx: VerdictTextContext,
  provisional: boolean | undefined,
): Verdict {
  return {
    networkRelated,
    cause,
    confidence: round2(clamp01(confidence * (provisional ? 0.8 : 1))),
    summary: verdictSummary(cause, ctx),
    evidence,
    suggestedReply: verdictSuggestedReply(cause, ctx),
  };
}

/**
 * The automatic diagnosis of one complaint (kpis.md "Verdict"), rules in order:
 * 1. no cells, or no KPI data on any selected cell → INSUFFICIENT_DATA (networkRelated null, confidence 0);
 * 2. a SERVING cell with availability BAD or a CELL_DOWN finding → OUTAGE;
 * 3. the first cause, in the symptom's order (SYMPTOM_CAUSE_ORDER), whose KPI is BAD on any SERVING cell;
 * 4. a data symptom with a 5G SERVING cell and fiveGEnabled === false, or a voice symptom with
 *    volteEnabled === false → USER_SIDE (unknown settings never count);
 * 5. else NO_NETWORK_ISSUE, the serving cells' WARN findings as evidence.
 * Evidence: the decisive findings first, then the other BAD findings of SERVING cells.
 *
 * Confidence scheme (0..1, 2 decimals), then × selection factor of the decisive cell (TICKET / USAGE in window 1,
 * home cell 0.9, LOCATION 0.8) and × 0.8 when provisional:
 * - OUTAGE: 0.95 with a CELL_DOWN interval, 0.85 from availability alone;
 * - KPI causes: 0.55 + 0.25·severity + 0.15·completeness − 0.04·rank, where severity = distance beyond the BAD
 *   limit in units of the WARN–BAD gap (capped at 1), completeness = share of judged KPIs with data on the cell,
 *   rank = position of the cause in the symptom's order (0 = most relevant);
 * - USER_SIDE: 0.8 − 0.05 per WARN finding on serving cells (at least 0.5);
 * - NO_NETWORK_ISSUE: 0.35 + 0.45·(mean completeness of the serving cells) − 0.05 per WARN finding (0.1..0.9);
 * - INSUFFICIENT_DATA: 0.
 */
export function decideVerdict(input: VerdictInput): Verdict {
  const { symptom, cells, subscriber, provisional } = input;
  const serving = cells.filter((cell) => cell.role === 'SERVING');

  if (cells.length === 0 || !cells.some(hasKpiData)) {
    return build('INSUFFICIENT_DATA', null, 0, [], { noCells: cells.length === 0 }, provisional);
  }

  const down = serving.filter((cell) => cell.kpis.availability.status === 'BAD' || cell.findings.some((f) => f.code === 'CELL_DOWN'));
  if (down.length > 0) {
    const decisive: Evidence[] = [];
    const used = new Set<string>();
    for (const cell of down) {
      const outageFindings = cell.findings.filter((f) => f.code === 'CELL_DOWN' || f.code === 'availability_BAD');
      for (const f of outageFindings) {
        decisive.push(evidenceOf(cell.cellId, f));
        used.add(`${cell.cellId}|${f.code}`);
      }
    }
    const first = down[0];
    const cellDown = down.some((cell) => cell.findings.some((f) => f.code === 'CELL_DOWN'));
    const availability = first.kpis.availability;
    return build(
      'OUTAGE',
      true,
      (cellDown ? 0.95 : 0.85) * selectionFactor(first),
      [...decisive, ...badEvidence(serving, used)],
      { cellName: first.name, networkType: first.networkType, kpi: 'availability', value: availability.value, threshold: availability.bad, unit: '%' },
      provisional,
    );
  }

  const order = SYMPTOM_CAUSE_ORDER[symptom];
  for (let rank = 0; rank < order.length; rank++) {
    const cause = order[rank];
    const kpi = CAUSE_KPI[cause];
    const bad = serving.filter((cell) => cell.kpis[kpi].status === 'BAD');
    if (bad.length === 0) continue;
    const code = `${kpi}_BAD`;
    const used = new Set(bad.map((cell) => `${cell.cellId}|${code}`));
    const decisive = bad.map((cell) => ({ cellId: cell.cellId, code, kpi, value: cell.kpis[kpi].value, threshold: cell.kpis[kpi].bad ?? null }) as Evidence);
    const first = bad[0];
    const kpiValue = first.kpis[kpi];
    const severity = severityOf(kpiValue.value, kpiValue.warn, kpiValue.bad);
    const confidence = (0.55 + 0.25 * severity + 0.15 * completeness(first) - 0.04 * rank) * selectionFactor(first);
    return build(
      cause,
      true,
      confidence,
      [...decisive, ...badEvidence(serving, used)],
      { cellName: first.name, networkType: first.networkType, kpi, value: kpiValue.value, threshold: kpiValue.bad ?? null, unit: kpiValue.unit },
      provisional,
    );
  }

  const warnings = warnEvidence(serving);
  const fiveGCell = serving.find((cell) => cell.networkType === '5G');
  const dataOn5gWithout5g = DATA_SYMPTOMS.includes(symptom) && fiveGCell !== undefined && subscriber?.fiveGEnabled === false;
  const voiceWithoutVolte = VOICE_SYMPTOMS.includes(symptom) && subscriber?.volteEnabled === false;
  if (dataOn5gWithout5g || voiceWithoutVolte) {
    const code = dataOn5gWithout5g ? 'FIVE_G_NOT_ENABLED' : 'VOLTE_NOT_ENABLED';
    const decisiveCell = fiveGCell ?? serving[0];
    return build(
      'USER_SIDE',
      false,
      Math.max(0.5, 0.8 - 0.05 * warnings.length) * selectionFactor(decisiveCell),
      [{ cellId: null, code, kpi: null, value: null, threshold: null }, ...warnings],
      { cellName: decisiveCell?.name, networkType: decisiveCell?.networkType, userSide: code, warnings: warnings.length },
      provisional,
    );
  }

  const meanCompleteness = serving.length === 0 ? 0 : serving.reduce((sum, cell) => sum + completeness(cell), 0) / serving.length;
  const confidence = Math.min(0.9, Math.max(0.1, 0.35 + 0.45 * meanCompleteness - 0.05 * warnings.length)) * selectionFactor(serving[0]);
  return build('NO_NETWORK_ISSUE', false, confidence, warnings, { cellName: serving[0]?.name, networkType: serving[0]?.networkType, warnings: warnings.length }, provisional);
}

/** How far a BAD value lies beyond its limit, in units of the WARN–BAD gap, capped to 0..1. */
function severityOf(value: number | null, warn: number | undefined, bad: number | undefined): number {
  if (value === null || warn === undefined || bad === undefined) return 0;
  const gap = Math.abs(bad - warn);
  if (gap === 0) return value === bad ? 0 : 1;
  return clamp01(Math.abs(value - bad) / gap);
}
