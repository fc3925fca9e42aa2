import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './app-config';
import { Clock, SystemClock } from './clock';
import { KpiThresholds } from './kpi-thresholds';
import { loadConfig } from './load-config';

/** Provides the validated AppConfig to every module; load it once in main.ts and pass it here. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig = loadConfig(), clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: Clock, useValue: clock },
        { provide: KpiThresholds, useValue: KpiThresholds.fromConfig(config) },
      ],
      exports: [AppConfig, Clock, KpiThresholds],
    };
  }
}
