import { ScenarioSummary } from '../scenario-summary';

const n = (value: number): string => value.toLocaleString('en-US');

function table(entries: Record<string, number | undefined>): string {
  return Object.entries(entries)
    .filter(([, count]) => (count ?? 0) > 0)
    .map(([key, count]) => `${key} ${n(count ?? 0)}`)
    .join(', ');
}

/** The scenario summary as the CLI prints it: one topic per line. */
export function formatScenarioSummary(summary: ScenarioSummary): string {
  const t = summary.tickets;
  return [
    `scenario seed ${summary.seed}: ${summary.from} → ${summary.now} (KPI data through ${summary.kpiDataThrough ?? 'none'})`,
    `sites          ${n(summary.sites)}`,
    `cells          ${n(summary.cells.total)} (${n(summary.cells.active)} active; ${table(summary.cells.byNetworkType)}; ${table(summary.cells.bySiteType)})`,
    `subscribers    ${n(summary.subscribers)}`,
    `KPI intervals  ${n(summary.kpiIntervals)}`,
    `usage records  ${n(summary.usageRecords)}`,
    `faults         ${table(summary.faults)}`,
    `tickets        ${n(t.total)} (${n(t.events)} versions sent; ${n(t.freeText)} without symptom; ${n(t.dataComplete)} with complete KPI data)`,
    `  by expected cause: ${table(t.byExpectedCause)}`,
    `  by case:           ${table(t.byCase)}`,
  ].join('\n');
}
