import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { register as defaultRegistry } from 'prom-client';
import { metricsRegistry } from './metrics-registry';

/** What the controller needs of the response object. */
interface HeaderWritable {
  setHeader(name: string, value: string): unknown;
}

/**
 * Prometheus scrape endpoint (`/metrics`, outside `/api/v1`, no API key): cellscope's registry plus any metric a
 * library registered on prom-client's default registry under a name not already served.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  /** All metrics of this process in the Prometheus text format. */
  @Get()
  @Header('Cache-Control', 'no-store')
  async scrape(@Res({ passthrough: true }) res: HeaderWritable): Promise<string> {
    res.setHeader('Content-Type', metricsRegistry.contentType);
    const parts = [await metricsRegistry.metrics()];
    for (const metric of defaultRegistry.getMetricsAsArray()) {
      const name = (metric as unknown as { name: string }).name;
      if (metricsRegistry.getSingleMetric(name)) continue;
      parts.push(`${await defaultRegistry.getSingleMetricAsString(name)}\n`);
    }
    return parts.join('');
  }
}
