import { SeededRandom } from './random/seeded-random';

/** Unused 11-digit numbers with the city's mobile prefixes. */
export function* msisdnSequence(rnd: SeededRandom, prefixes: readonly string[], taken: Set<string>): Generator<string> {
  for (;;) {
    const msisdn = `${rnd.pick(prefixes)}${String(rnd.int(0, 99_999_999)).padStart(8, '0')}`;
    if (taken.has(msisdn)) continue;
    taken.add(msisdn);
    yield msisdn;
  }
}
