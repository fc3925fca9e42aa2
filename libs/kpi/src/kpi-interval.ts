/**
 * Length of one PM interval in ms (kpis.md: one point per cell per 15-minute interval, timestamped at its start).
 * "KPI data through" is the newest interval start plus this.
 */
export const KPI_INTERVAL_MS = 15 * 60_000;

/** "KPI data through" for the newest interval start found (epoch ms): the end of that interval; none → null. */
export function dataThroughFor(newestStart: number | null): Date | null {
  return newestStart === null ? null : new Date(newestStart + KPI_INTERVAL_MS);
}
