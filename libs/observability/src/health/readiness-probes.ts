import { ReadinessProbe } from './readiness-probe';

/** The readiness probes an app registered; `/health/ready` runs all of them. */
export class ReadinessProbes {
  constructor(readonly probes: readonly ReadinessProbe[]) {}
}
