import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { ApiExcludeController } from '@nestjs/swagger';
import { ReadinessProbe } from './readiness-probe';
import { ReadinessProbes } from './readiness-probes';

/** A probe slower than this counts as down: a hung dependency must not hang the orchestrator's check. */
const PROBE_TIMEOUT_MS = 3000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** What the controller needs of the response object. */
interface StatusWritable {
  status(code: number): unknown;
}

/** Liveness (`/health/live`) and readiness (`/health/ready`); outside `/api/v1`, no API key. */
@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly readiness: ReadinessProbes,
  ) {}

  /** The process is up and its event loop answers. */
  @Get('live')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /**
   * Every registered dependency answers; otherwise 503 with the same document naming the ones that do not
   * (answered here, so an app-wide exception filter cannot reshape it).
   */
  @Get('ready')
  @HealthCheck()
  async ready(@Res({ passthrough: true }) res: StatusWritable): Promise<HealthCheckResult> {
    try {
      return await this.health.check(this.readiness.probes.map((probe) => () => this.run(probe)));
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      res.status(503);
      return error.getResponse() as HealthCheckResult;
    }
  }

  private async run(probe: ReadinessProbe): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(probe.name);
    try {
      const details = await withTimeout(probe.check(), PROBE_TIMEOUT_MS);
      return indicator.up(details ?? {});
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
