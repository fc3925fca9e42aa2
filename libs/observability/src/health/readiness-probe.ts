/**
 * Port: one dependency that must be reachable for the app to serve traffic (PostgreSQL, InfluxDB, Kafka, ...).
 * Each app registers the probes it needs with `ObservabilityModule.forRoot({ readinessProbes })`.
 */
export abstract class ReadinessProbe {
  /** Key of this dependency in the `/health/ready` answer, e.g. `postgres`. */
  abstract readonly name: string;
  /** Resolves (optionally with details) when the dependency is usable; rejects with the reason otherwise. */
  abstract check(): Promise<Record<string, unknown> | void>;
}
