import fc from 'fast-check';

/** SQL injection attempts (PostgreSQL through TypeORM). */
export const SQL_INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE tickets; --",
  "x'); DELETE FROM network_views; --",
  "1; SELECT pg_sleep(5) --",
  "' UNION SELECT msisdn, NULL FROM tickets --",
  '" OR ""="',
  "%' AND 1=1 --",
  '$1',
  "\\'; TRUNCATE cells; --",
  "admin'--",
] as const;

/** InfluxQL injection attempts (cell ids and time bounds end up in KPI queries). */
export const INFLUXQL_INJECTIONS = [
  "x' OR cell_id =~ /.*/ --",
  "'; DROP DATABASE cellscope; '",
  '"; DROP MEASUREMENT cell_kpi; "',
  "a\\' OR 1=1",
  '/.*/',
  "x' ; SHOW DATABASES",
  "' OR time > 0 --",
  'cell" WHERE 1=1 GROUP BY "x',
] as const;

/** Other hostile text: traversal, templates, markup, header injection, odd Unicode. */
export const OTHER_HOSTILE_STRINGS = [
  '../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '${jndi:ldap://127.0.0.1/x}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '%s%s%s%n',
  'a\r\nX-Injected: 1',
  '\u202Eevil',
  'zero\u200Bwidth',
  '呼和浩特 小区',
  '😀🔥',
  ' ',
  '__proto__',
  'constructor',
] as const;

/** Every hostile string, for ids, filters and free text alike. */
export const HOSTILE_STRINGS: readonly string[] = [...SQL_INJECTIONS, ...INFLUXQL_INJECTIONS, ...OTHER_HOSTILE_STRINGS];

/** The id rule of contracts.md (ticketId, cellId, siteId, incidentId): 1..64 of [A-Za-z0-9._:-]. */
export const CONTRACT_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Hostile strings that break the id rule (each has a character outside it). */
export const HOSTILE_IDS: readonly string[] = HOSTILE_STRINGS.filter((s) => !CONTRACT_ID.test(s));

/** A hostile string, sometimes wrapped in legal id characters so it is not only seen at the start. */
export function hostileStringArbitrary(candidates: readonly string[] = HOSTILE_STRINGS): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...candidates), fc.stringMatching(/^[A-Za-z0-9]{0,6}$/), fc.boolean()).map(([hostile, pad, before]) => (before ? pad + hostile : hostile + pad));
}

/** A string that is not an id by the contract rule: hostile, too long, empty, or with non-ASCII letters. */
export function badIdArbitrary(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: hostileStringArbitrary(HOSTILE_IDS) },
    { weight: 2, arbitrary: fc.integer({ min: 65, max: 5000 }).map((n) => 'A'.repeat(n)) },
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((s) => !CONTRACT_ID.test(s)) },
  );
}

/** A string with a character PostgreSQL cannot store in text or jsonb (NUL, lone surrogate) inside valid text. */
export function unstorableTextArbitrary(maxLength: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.stringMatching(/^[A-Za-z0-9]{0,10}$/), fc.constantFrom('\u0000', '\uD800', '\uDFFF', 'a\uDBFFb'), fc.stringMatching(/^[A-Za-z0-9]{0,10}$/))
    .map(([a, bad, b]) => `${a}${bad}${b}`.slice(0, maxLength));
}
