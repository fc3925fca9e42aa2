import fc from 'fast-check';
import { ApiOperation, ApiSamples, concretePath, OpenApiParameter } from '../../../integration/security/support/api-surface';
import { badMessageArbitrary, TICKET_EVENT_FIELDS } from './bad-kafka-records';
import { badIdArbitrary, HOSTILE_STRINGS, hostileStringArbitrary } from './hostile-strings';
import { RawHttpRequest } from './raw-http-client';
import { fullTicketEvent } from './valid-kafka-records';

/** What the API must answer a case: any 4xx with the error body, a success for a valid request, or at least no 5xx. */
export type HttpExpectation = '4xx' | '2xx' | 'not5xx';

/** One generated request against one operation. */
export interface HttpFuzzCase {
  operation: string;
  kind: string;
  request: RawHttpRequest;
  expect: HttpExpectation;
}

/** Request body limit of the API (Express' JSON parser default). */
const BODY_LIMIT_BYTES = 100 * 1024;

const BAD_TIMESTAMPS = [
  '2026-12-04T20:15:00',
  '2026-12-04',
  '2026-13-04T20:15:00Z',
  '2026-02-30T10:00:00Z',
  '2026-12-04T24:00:00Z',
  '9999-12-31T23:59:59Z',
  '2262-04-12T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '1969-12-31T23:59:59Z',
  'now',
  'yesterday',
  '1733314500000',
  '-1',
  '',
];

const BAD_MSISDNS = ['1234567', '1'.repeat(16), '+', '138 1234 5678', '1381234567a', '++8613812345678', '１３８１２３４５６７８'];

/** Query values that are not a whole number in range for an integer parameter (Number() of each is not one). */
function badIntegers(param: OpenApiParameter): string[] {
  const max = param.schema?.maximum;
  return ['abc', '1.5', '-1', '0', '', ' ', '1e309', '9'.repeat(400), 'NaN', 'Infinity', '1,2', '--1', ...(max !== undefined ? [String(max + 1), String(max * 1000)] : [])];
}

/** Bad values for one query parameter, chosen by what the document says it holds. */
function badQueryValue(param: OpenApiParameter): fc.Arbitrary<string> {
  const schema = param.schema ?? {};
  if (['at', 'from', 'to'].includes(param.name)) return fc.oneof(fc.constantFrom(...BAD_TIMESTAMPS), hostileStringArbitrary());
  if (param.name === 'msisdn') return fc.oneof(fc.constantFrom(...BAD_MSISDNS), hostileStringArbitrary());
  if (schema.enum) return fc.oneof(fc.constantFrom(...schema.enum.map((v) => v.toLowerCase()), 'UNKNOWN', ''), hostileStringArbitrary()).filter((v) => !schema.enum!.includes(v));
  if (schema.type === 'number' || schema.type === 'integer') return fc.constantFrom(...badIntegers(param));
  if (schema.pattern || param.name.endsWith('Id')) return badIdArbitrary().filter((v) => v.length < 6000);
  return hostileStringArbitrary();
}

/** Path parameter values that are not a valid id or MSISDN, some with malformed percent-encoding left raw. */
function badPathValue(param: OpenApiParameter): fc.Arbitrary<{ raw: string; note: string }> {
  const encoded = (arbitrary: fc.Arbitrary<string>, note: string) => arbitrary.map((value) => ({ raw: encodeURIComponent(value), note }));
  const malformed = fc.constantFrom('%', '%zz', '%FF', '%E4%B8', '%C0%AF', '%00', 'a%2Fb', '%25', '%uD800', '%ED%A0%80').map((raw) => ({ raw, note: 'malformed percent-encoding' }));
  if (param.name === 'msisdn') return fc.oneof(encoded(fc.constantFrom(...BAD_MSISDNS), 'bad msisdn'), encoded(hostileStringArbitrary(), 'hostile'), malformed);
  return fc.oneof(
    { weight: 4, arbitrary: encoded(badIdArbitrary().filter((v) => v.length > 0 && v.length < 6000), 'bad id') },
    { weight: 2, arbitrary: malformed },
    { weight: 1, arbitrary: encoded(fc.integer({ min: 65, max: 6000 }).map((n) => 'A'.repeat(n)), 'too long') },
  );
}

function queryString(pairs: [string, string][]): string {
  return pairs.length === 0 ? '' : `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;
}

/**
 * Bad requests for one operation of the OpenAPI document, built from what the document declares: bad path and query
 * parameters, unknown and repeated parameters, bad bodies (the TicketEvent mutations of the Kafka fuzzer), wrong
 * content types, oversize bodies, bad API keys and undocumented methods. Every operation gets API-key and method cases,
 * so no operation is left without cases.
 */
export function badRequestArbitrary(operation: ApiOperation, samples: ApiSamples, key: string, allOperations: readonly ApiOperation[]): fc.Arbitrary<HttpFuzzCase> {
  const path = concretePath(operation, samples.pathParams);
  const authed = (extra: Record<string, string> = {}) => ({ 'x-api-key': key, ...extra });
  const validBody = () => (operation.bodySchema ? JSON.stringify(samples.bodies[operation.bodySchema]()) : undefined);
  const make = (kind: string, request: RawHttpRequest, expect: HttpExpectation): HttpFuzzCase => ({ operation: operation.name, kind, request, expect });
  const withBody = (headers: Record<string, string>) => {
    const body = validBody();
    return body === undefined ? { headers } : { headers: { ...headers, 'content-type': 'application/json' }, body };
  };
  const cases: fc.WeightedArbitrary<HttpFuzzCase>[] = [];

  for (const param of operation.pathParams) {
    cases.push({
      weight: 3,
      arbitrary: badPathValue(param).map(({ raw, note }) =>
        make(`path {${param.name}}: ${note}`, { method: operation.method, path: operation.path.replace(/\{([^}]+)\}/g, (_m, name: string) => (name === param.name ? raw : encodeURIComponent(samples.pathParams[name]))), ...withBody(authed()) }, '4xx'),
      ),
    });
  }
  for (const param of operation.queryParams) {
    cases.push({
      weight: 3,
      arbitrary: badQueryValue(param).map((value) => make(`query ${param.name}`, { method: operation.method, path: path + queryString([[param.name, value]]), ...withBody(authed()) }, '4xx')),
    });
    cases.push({
      weight: 1,
      arbitrary: fc.constant(make(`query ${param.name} repeated`, { method: operation.method, path: `${path}?${param.name}=1&${param.name}=2`, ...withBody(authed()) }, '4xx')),
    });
  }
  const hasBoth = (a: string, b: string) => operation.queryParams.some((p) => p.name === a) && operation.queryParams.some((p) => p.name === b);
  if (hasBoth('from', 'to')) {
    cases.push({
      weight: 1,
      arbitrary: fc.integer({ min: 0, max: 30 * 24 * 60 }).map((minutes) => {
        const to = new Date(Date.UTC(2026, 2, 2, 8) - minutes * 60_000).toISOString();
        const from = new Date(Date.UTC(2026, 2, 2, 8)).toISOString();
        return make('query from ≥ to', { method: operation.method, path: path + queryString([['from', from], ['to', to]]), ...withBody(authed()) }, '4xx');
      }),
    });
  }
  const unknownNames = fc.oneof(fc.constantFrom('__proto__', 'constructor[prototype][polluted]', 'a[b][c]', 'limit ', 'LIMIT', 'page[]', 'x'.repeat(2000)), hostileStringArbitrary());
  cases.push({
    weight: 2,
    arbitrary: fc.tuple(unknownNames, fc.constantFrom('1', 'true', ...HOSTILE_STRINGS)).map(([name, value]) =>
      make('unknown query parameter', { method: operation.method, path: path + queryString([[name, value]]), ...withBody(authed()) }, operation.queryParams.length > 0 ? '4xx' : 'not5xx'),
    ),
  });

  if (operation.bodySchema) {
    if (operation.bodySchema !== 'TicketEventDto') throw new Error(`no body fuzz cases for schema ${operation.bodySchema} of ${operation.name}`);
    const bodies = badMessageArbitrary(TICKET_EVENT_FIELDS, fullTicketEvent).filter((m) => m.category !== 'oversize');
    cases.push({
      weight: 12,
      arbitrary: bodies.map((m) =>
        make(`body: ${m.category}`, { method: operation.method, path, headers: authed({ 'content-type': 'application/json' }), body: m.value ?? Buffer.alloc(0) }, '4xx'),
      ),
    });
    cases.push({
      weight: 2,
      arbitrary: fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'application/octet-stream').map((type) => {
        const body = type === 'application/x-www-form-urlencoded' ? new URLSearchParams(Object.entries(samples.bodies[operation.bodySchema!]()).map(([k, v]): [string, string] => [k, String(v)])).toString() : '<ticket id="1"/>';
        return make(`body as ${type}`, { method: operation.method, path, headers: authed({ 'content-type': type }), body }, '4xx');
      }),
    });
    cases.push({
      weight: 1,
      arbitrary: fc.integer({ min: BODY_LIMIT_BYTES + 1, max: 4 * BODY_LIMIT_BYTES }).map((size) =>
        make('body over the size limit', { method: operation.method, path, headers: authed({ 'content-type': 'application/json' }), body: JSON.stringify({ ...samples.bodies[operation.bodySchema!](), padding: 'p'.repeat(size) }) }, '4xx'),
      ),
    });
  } else {
    cases.push({
      weight: 2,
      arbitrary: fc.oneof(fc.constantFrom('{', '{"a":', 'null', '[]', '"x"', '{"ticketId":"x"}'), fc.string({ maxLength: 100 })).map((body) =>
        make('unexpected body', { method: operation.method, path, headers: authed({ 'content-type': 'application/json' }), body }, 'not5xx'),
      ),
    });
  }

  const badKeys = fc.oneof(
    fc.constantFrom('', 'null', 'undefined', `${key}x`, key.toUpperCase(), key.slice(0, -1), "' OR '1'='1", 'Bearer x'),
    fc.integer({ min: 100, max: 8000 }).map((n) => 'k'.repeat(n)),
    fc.stringMatching(/^[!-~]{1,40}$/).filter((k) => k !== key),
  );
  cases.push({ weight: 2, arbitrary: badKeys.map((bad) => make('bad API key', { method: operation.method, path, ...withBody({ 'x-api-key': bad }) }, '4xx')) });
  const documented = new Set(allOperations.filter((o) => o.path === operation.path).map((o) => o.method));
  const undocumented = (['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const).filter((m) => !documented.has(m));
  if (undocumented.length > 0) {
    cases.push({ weight: 1, arbitrary: fc.constantFrom(...undocumented).map((method) => make(`undocumented method ${method}`, { method, path, headers: authed() }, '4xx')) });
  }
  return fc.oneof(...cases);
}

/** A valid request of the operation (interleaved with the bad ones: it must still succeed). */
export function validRequest(operation: ApiOperation, samples: ApiSamples, key: string): HttpFuzzCase {
  const path = concretePath(operation, samples.pathParams);
  const body = operation.bodySchema ? JSON.stringify(samples.bodies[operation.bodySchema]()) : undefined;
  const headers: Record<string, string> = { 'x-api-key': key, ...(body ? { 'content-type': 'application/json' } : {}) };
  return { operation: operation.name, kind: 'valid', request: { method: operation.method, path, headers, body }, expect: '2xx' };
}
