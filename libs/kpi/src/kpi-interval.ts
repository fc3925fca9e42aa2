/**
 * Length of one PM interval in ms (kpis.md: one point per cell per 15-minute interval, timestamped at its start).
 * "KPI data through" is the newest interval start plus this.
 */
export const KPI_INTERVAL_MS = 15 * 60_000;
