/**
 * The seed of one fuzz run: FUZZ_SEED from the environment (to replay a failure) or a fresh one. It is printed at the
 * start and belongs in every failure message, so any run can be reproduced with `FUZZ_SEED=<seed> npm run test:faults`.
 */
export function fuzzSeed(suite: string): number {
  const configured = process.env.FUZZ_SEED;
  const seed = configured !== undefined && configured !== '' ? Number(configured) : Math.floor(Math.random() * 2 ** 31);
  if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, got ${configured}`);
  process.stdout.write(`[fuzz] ${suite}: seed ${seed} (replay with FUZZ_SEED=${seed})\n`);
  return seed;
}

/** A positive count from the environment (e.g. FUZZ_KAFKA_RUNS), else the default. */
export function fuzzCount(variable: string, fallback: number): number {
  const configured = process.env[variable];
  if (configured === undefined || configured === '') return fallback;
  const count = Number(configured);
  if (!Number.isInteger(count) || count < 1) throw new Error(`${variable} must be a positive integer, got ${configured}`);
  return count;
}
