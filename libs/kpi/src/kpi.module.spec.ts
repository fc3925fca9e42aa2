import { Test } from '@nestjs/testing';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigModule, loadConfig } from '@cellscope/config';
import { InfluxHttpClient } from './influx-http.client';
import { InfluxKpiRepository } from './influx-kpi.repository';
import { InfluxKpiWriter } from './influx-kpi.writer';
import { InfluxSchema } from './influx-schema';
import { KpiModule } from './kpi.module';
import { KpiRepository, KpiWriter } from './kpi.repository';
import { MemoryKpiStore } from './memory-kpi.store';

async function compile(env: Record<string, string>) {
  const module = await Test.createTestingModule({ imports: [ConfigModule.forRoot(loadConfig(env)), KpiModule.forRoot()] }).compile();
  return module;
}

describe('KpiModule', () => {
  it('binds both ports to the same MemoryKpiStore in memory mode', async () => {
    const module = await compile({ CELLSCOPE_KPI_STORE: 'memory' });
    const repository = module.get(KpiRepository);
    const writer = module.get(KpiWriter);
    expect(repository).toBeInstanceOf(MemoryKpiStore);
    expect(writer).toBe(repository);
    expect(module.get(MemoryKpiStore)).toBe(repository);
  });

  it('binds the InfluxDB adapters and exports the client in influx mode, with the schema of INFLUX_SCHEMA_FILE', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cellscope-kpi-module-')), 'schema.json');
    writeFileSync(path, JSON.stringify({ measurement: 'op_kpi' }));
    const module = await compile({ CELLSCOPE_KPI_STORE: 'influx', INFLUX_SCHEMA_FILE: path, INFLUX_DATABASE: 'pm' });
    expect(module.get(KpiRepository)).toBeInstanceOf(InfluxKpiRepository);
    expect(module.get(KpiWriter)).toBeInstanceOf(InfluxKpiWriter);
    expect(module.get(InfluxHttpClient).database).toBe('pm');
    expect(module.get(InfluxSchema).measurement).toBe('op_kpi');
  });
});
