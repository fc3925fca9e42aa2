/**
 * Benchmark: UsageRepository.insertMany (10,000 records per call) and overlap look-ups on PostgreSQL.
 * Uses DATABASE_URL's server, in a throw-away database. Run: `npm run bench:usage` (see package.json).
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '@cellscope/config';
import type { UsageRecord } from '@cellscope/domain';
import {
  createDataSourceOptions,
  dropDatabase,
  ensureDatabaseExists,
  runMigrations,
  TypeOrmUsageRepository,
  withDatabaseName,
} from '@cellscope/persistence';
import { DataSource } from 'typeorm';

const BATCH = 10_000;
const ROUNDS = 8;
const SUBSCRIBERS = 20_000;
const LOOKUPS = 500;
const T0 = Date.parse('2026-11-20T00:00:00Z');
const QUARTER_HOUR = 900_000;

function batch(round: number): UsageRecord[] {
  return Array.from({ length: BATCH }, (_, i) => {
    const start = T0 + (round * 4 + (i % 4)) * QUARTER_HOUR;
    return {
      msisdn: `86137${String((round * BATCH + i) % SUBSCRIBERS).padStart(8, '0')}`,
      cellId: `C-${(i * 7) % 3000}`,
      start: new Date(start),
      end: new Date(start + 600_000),
      bytesDl: i * 1024,
      bytesUl: i * 128,
    };
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const url = withDatabaseName(config.DATABASE_URL, `bench_usage_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`);
  await ensureDatabaseExists(url);
  const dataSource = new DataSource(createDataSourceOptions(config, { url, applicationName: 'cellscope-bench' }));
  try {
    await dataSource.initialize();
    await runMigrations(dataSource);
    const repository = new TypeOrmUsageRepository(dataSource);
    await repository.insertMany(batch(99).slice(0, 100)); // warm-up

    const insertMs: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const records = batch(round);
      const started = performance.now();
      await repository.insertMany(records);
      insertMs.push(performance.now() - started);
    }
    const duplicateStarted = performance.now();
    await repository.insertMany(batch(0));
    const duplicateMs = performance.now() - duplicateStarted;

    const lookupMs: number[] = [];
    for (let i = 0; i < LOOKUPS; i += 1) {
      const msisdn = `86137${String((i * 37) % SUBSCRIBERS).padStart(8, '0')}`;
      const started = performance.now();
      await repository.findForSubscriber(msisdn, { from: new Date(T0), to: new Date(T0 + 8 * 3_600_000) });
      lookupMs.push(performance.now() - started);
    }
    const [{ rows }] = await dataSource.query('SELECT count(*)::int AS rows FROM usage_records');

    const result = {
      batch: BATCH,
      rounds: ROUNDS,
      storedRows: rows,
      insertMsMedian: Math.round(median(insertMs)),
      insertMsMax: Math.round(Math.max(...insertMs)),
      recordsPerSecond: Math.round(BATCH / (median(insertMs) / 1000)),
      duplicateBatchMs: Math.round(duplicateMs),
      lookupMsMedian: Number(median(lookupMs).toFixed(2)),
    };
    console.log(
      `insertMany ${BATCH} records: median ${result.insertMsMedian} ms, max ${result.insertMsMax} ms ` +
        `(${result.recordsPerSecond} records/s); same batch again ${result.duplicateBatchMs} ms; ` +
        `findForSubscriber median ${result.lookupMsMedian} ms over ${rows} rows`,
    );
    console.log(JSON.stringify(result));
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await dropDatabase(url);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
