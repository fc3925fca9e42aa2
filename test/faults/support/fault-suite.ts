import { Kafka, logLevel } from 'kafkajs';
import { InfluxHttpClient, InfluxKpiWriter } from '@cellscope/kpi';
import { TypeOrmCellRepository, TypeOrmUsageRepository } from '@cellscope/persistence';
import { KpiWriterScenarioSink } from '@cellscope/simulator';
import { createTestDatabase } from '@cellscope/testing/postgres-test-database';
import { CellKpiInterval } from '@cellscope/domain';
import { buildCorrelator, CorrelatorBuild } from './correlator-build';
import { buildCorrelatorInput, CorrelatorInput, CorrelatorInputOptions } from './correlator-input';
import { FaultStack } from './fault-stack';
import { installViewWriteAudit } from './view-write-audit';

/** Everything the scenarios of one fault-test file share: servers, the compiled correlator, the input, loaded data. */
export interface FaultSuite {
  stack: FaultStack;
  build: CorrelatorBuild;
  input: CorrelatorInput;
  /** Database with the schema, the cell inventory, the usage and the write audit; each run copies it. */
  templateDatabase: string;
  /** InfluxDB database with all KPI data (on-time and late). */
  completeKpiDatabase: string;
  /** A kafkajs client for the suite's broker. */
  kafka: Kafka;
  /** Seconds each part of the set-up took. */
  setupSeconds: Record<string, number>;
}

const USAGE_BATCH = 5000;

/** Writes KPI intervals into an InfluxDB database of the suite's server (created when missing). */
export async function writeKpis(stack: FaultStack, database: string, intervals: readonly CellKpiInterval[]): Promise<void> {
  const client = new InfluxHttpClient({ url: stack.influx.url, database, timeoutMs: 60_000, maxRetries: 2 });
  const writer = new InfluxKpiWriter(client, undefined, { batchSize: 10_000 });
  await writer.ensureDatabase();
  const sink = new KpiWriterScenarioSink(writer);
  await sink.kpis(intervals);
  await sink.close();
}

/** The cells and usage in a fresh database with every migration applied, and the write audit installed. */
async function createTemplateDatabase(stack: FaultStack, input: CorrelatorInput): Promise<string> {
  const db = await createTestDatabase('faults_template', { serverUrl: stack.postgres.url() });
  try {
    await new TypeOrmCellRepository(db.dataSource).upsertMany(input.cells);
    const usage = new TypeOrmUsageRepository(db.dataSource);
    for (let i = 0; i < input.usage.length; i += USAGE_BATCH) await usage.insertMany(input.usage.slice(i, i + USAGE_BATCH));
  } finally {
    // A template must have no open connection when it is copied.
    await db.dataSource.destroy();
  }
  await installViewWriteAudit(db.url);
  return db.name;
}

/**
 * Starts the suite's own Kafka, InfluxDB and PostgreSQL, compiles the correlator (or reuses the compilation of the
 * same sources) and loads the simulated input: cells and usage into a template database, every KPI interval into
 * one InfluxDB database.
 */
export async function startFaultSuite(name: string, inputOptions: CorrelatorInputOptions): Promise<FaultSuite> {
  const seconds: Record<string, number> = {};
  const timed = async <T>(what: string, work: () => Promise<T> | T): Promise<T> => {
    const started = Date.now();
    const result = await work();
    seconds[what] = (Date.now() - started) / 1000;
    return result;
  };
  const input = await timed('input', () => buildCorrelatorInput(inputOptions));
  const [stack, build] = await Promise.all([timed('servers', () => FaultStack.start(name)), timed('compile', () => buildCorrelator())]);
  try {
    const completeKpiDatabase = 'faults_kpis_complete';
    const [templateDatabase] = await Promise.all([
      timed('postgresData', () => createTemplateDatabase(stack, input)),
      timed('influxData', () => writeKpis(stack, completeKpiDatabase, [...input.kpisOnTime, ...input.kpisLate])),
    ]);
    const kafka = new Kafka({
      clientId: `faults-${name}`,
      brokers: stack.kafka.brokers,
      connectionTimeout: 3000,
      requestTimeout: 15_000,
      retry: { retries: 3, initialRetryTime: 200 },
      logLevel: logLevel.NOTHING,
    });
    return { stack, build, input, templateDatabase, completeKpiDatabase, kafka, setupSeconds: seconds };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}
