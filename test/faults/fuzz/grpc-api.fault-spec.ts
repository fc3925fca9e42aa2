import { Client, credentials, Metadata, ServiceError, status } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import fc from 'fast-check';
import { cellscopeProtoPath, PROTO_LOADER_OPTIONS } from '@cellscope/grpc-api';
import { ApiTestApp, startApiTestApp, TEST_KEYS, uniqueSuffix } from '../../integration/api/support/api-test-app';
import { ApiSamples, seedApiSamples } from '../../integration/security/support/api-surface';
import { fuzzCount, fuzzSeed } from './support/fuzz-seed';
import { badIdArbitrary, hostileStringArbitrary } from './support/hostile-strings';
import { inPool } from './support/raw-http-client';

/**
 * What a case must get: a given status, any answer that is not a server failure, or — for bytes that are not protobuf —
 * grpc-js' own refusal (INTERNAL "Error deserializing request", raised by the library before any cellscope code runs).
 */
type GrpcExpectation = { code: status } | 'no server failure' | 'refused by grpc-js';

interface GrpcFuzzCase {
  method: string;
  kind: string;
  /** Encoded request bytes (protobuf, or garbage). */
  bytes: Buffer;
  key: string | undefined;
  expect: GrpcExpectation;
}

/** Statuses that mean the server failed, whatever the input. */
const SERVER_FAILURES = new Set([status.INTERNAL, status.UNKNOWN, status.UNAVAILABLE, status.DATA_LOSS, status.UNIMPLEMENTED]);

const BAD_TIMESTAMPS = ['2026-12-04T20:15:00', '2026-13-04T20:15:00Z', '2026-02-30T10:00:00Z', '9999-12-31T23:59:59Z', '0001-01-01T00:00:00Z', 'now', '1733314500000'];

/**
 * Fuzzes every RPC of proto/cellscope.proto (enumerated from the proto, so a new RPC is fuzzed or fails the test):
 * FUZZ_GRPC_RUNS (default 1,000) generated requests per method with one bad field each, bad API keys and undecodable
 * bytes, against the real API on PostgreSQL. Never INTERNAL/UNKNOWN; bad fields get INVALID_ARGUMENT (or NOT_FOUND
 * for a well-formed unknown id); valid calls interleaved still succeed.
 */
describe('fuzzing every gRPC method of the API (real PostgreSQL)', () => {
  const seed = fuzzSeed('grpc api');
  const runsPerMethod = fuzzCount('FUZZ_GRPC_RUNS', 1_000);
  const suffix = uniqueSuffix();
  const definition = loadSync(cellscopeProtoPath(), { ...PROTO_LOADER_OPTIONS });
  const service = definition['cellscope.v1.CellscopeService'] as unknown as Record<
    string,
    { path: string; requestSerialize(value: object): Buffer; requestType: { type: { field: { name: string; type: string }[] } } }
  >;
  let api: ApiTestApp;
  let samples: ApiSamples;
  let client: Client;

  beforeAll(async () => {
    api = await startApiTestApp({ env: { API_RATE_LIMIT_PER_MINUTE: '100000000', LOG_LEVEL: 'error' } });
    samples = await seedApiSamples(api, suffix);
    client = new Client(api.grpcAddress, credentials.createInsecure());
  });

  afterAll(async () => {
    client?.close();
    await api?.close();
  });

  /** Bad values for a request field, by its name, with the status each must get. */
  function badField(method: string, field: { name: string; type: string }): fc.Arbitrary<{ value: unknown; note: string; expect: GrpcExpectation }> {
    const invalid = { code: status.INVALID_ARGUMENT };
    if (field.name === 'ticket_id_or_complaint_no' || field.name === 'cell_id') {
      return fc.oneof(
        badIdArbitrary().map((value) => ({ value, note: 'bad id', expect: invalid })),
        fc.stringMatching(/^[A-Za-z0-9._:-]{1,64}$/).map((value) => ({ value: `NX-${value}`.slice(0, 64), note: 'unknown id', expect: { code: status.NOT_FOUND } })),
      );
    }
    if (['at', 'from', 'to'].includes(field.name)) {
      return fc.oneof(fc.constantFrom(...BAD_TIMESTAMPS), hostileStringArbitrary()).map((value) => ({ value, note: 'bad timestamp', expect: invalid }));
    }
    if (field.name === 'state') {
      return fc.oneof(fc.constantFrom('open', 'CLOSED', ' OPEN'), hostileStringArbitrary()).map((value) => ({ value, note: 'bad state', expect: invalid }));
    }
    if (field.name === 'limit') {
      return fc.oneof(fc.integer({ min: -(2 ** 31), max: -1 }), fc.integer({ min: 1001, max: 2 ** 31 - 1 })).map((value) => ({ value, note: 'bad limit', expect: invalid }));
    }
    // A field the generator does not know yet: still fuzzed, held only to "no server failure".
    const value = field.type === 'TYPE_STRING' ? hostileStringArbitrary() : fc.integer();
    return value.map((v) => ({ value: v, note: `unknown field ${method}.${field.name}`, expect: 'no server failure' as const }));
  }

  function caseArbitrary(method: string): fc.Arbitrary<GrpcFuzzCase> {
    const rpc = service[method];
    const valid = samples.grpcRequests[method];
    if (!valid) throw new Error(`no valid request sample for RPC ${method}: add one to seedApiSamples`);
    const encode = (request: object) => rpc.requestSerialize(request);
    const perField = rpc.requestType.type.field.map((field) =>
      badField(method, field).map(({ value, note, expect }) => ({ method, kind: `${field.name}: ${note}`, bytes: encode({ ...valid, [field.name]: value }), key: TEST_KEYS.admin, expect })),
    );
    const huge = fc.integer({ min: 10_000, max: 200_000 }).map((n) => ({
      method,
      kind: 'huge string in every field',
      bytes: encode(Object.fromEntries(rpc.requestType.type.field.map((f) => [f.name, f.type === 'TYPE_STRING' ? 'x'.repeat(n) : 5]))),
      key: TEST_KEYS.admin,
      expect: { code: status.INVALID_ARGUMENT } as GrpcExpectation,
    }));
    const garbage = fc.uint8Array({ minLength: 1, maxLength: 300 }).map((bytes) => ({ method, kind: 'undecodable bytes', bytes: Buffer.from(bytes), key: TEST_KEYS.admin, expect: 'refused by grpc-js' as const }));
    const badKey = fc
      .oneof(fc.constant(undefined), fc.constantFrom('', 'wrong-key-123456', `${TEST_KEYS.admin}x`), fc.integer({ min: 100, max: 8000 }).map((n) => 'k'.repeat(n)))
      .map((key) => ({ method, kind: 'bad API key', bytes: encode(valid), key, expect: { code: status.UNAUTHENTICATED } as GrpcExpectation }));
    const cases: fc.Arbitrary<GrpcFuzzCase>[] = [...perField, huge, garbage, badKey];
    if (rpc.requestType.type.field.some((f) => f.name === 'from') && rpc.requestType.type.field.some((f) => f.name === 'to')) {
      cases.push(
        fc.integer({ min: 0, max: 30 * 24 * 60 }).map((minutes) => ({
          method,
          kind: 'from ≥ to',
          bytes: encode({ ...valid, from: '2026-03-02T08:00:00Z', to: new Date(Date.UTC(2026, 2, 2, 8) - minutes * 60_000).toISOString() }),
          key: TEST_KEYS.admin,
          expect: { code: status.INVALID_ARGUMENT } as GrpcExpectation,
        })),
      );
    }
    return fc.oneof(...cases);
  }

  function call(path: string, bytes: Buffer, key: string | undefined): Promise<{ code: status; details: string }> {
    return new Promise((resolve) => {
      const metadata = new Metadata();
      if (key !== undefined) metadata.set('x-api-key', key);
      client.makeUnaryRequest(
        path,
        (b: Buffer) => b,
        (b: Buffer) => b,
        bytes,
        metadata,
        { deadline: Date.now() + 30_000 },
        (error: ServiceError | null) => resolve(error ? { code: error.code, details: error.details } : { code: status.OK, details: '' }),
      );
    });
  }

  it('answers every generated request without a server failure, bad fields with INVALID_ARGUMENT, and keeps serving', async () => {
    const methods = Object.keys(service);
    expect(methods.length).toBeGreaterThanOrEqual(4);
    const cases: GrpcFuzzCase[] = [];
    methods.forEach((method, index) => {
      fc.sample(caseArbitrary(method), { seed: seed + index, numRuns: runsPerMethod }).forEach((fuzzCase, i) => {
        cases.push(fuzzCase);
        if (i % 25 === 24) cases.push({ method, kind: 'valid', bytes: service[method].requestSerialize(samples.grpcRequests[method]), key: TEST_KEYS.admin, expect: { code: status.OK } });
      });
    });
    const started = Date.now();
    const failures: string[] = [];
    const codes: Record<string, number> = {};
    await inPool(cases, 8, async (fuzzCase) => {
      const answer = await call(service[fuzzCase.method].path, fuzzCase.bytes, fuzzCase.key);
      codes[status[answer.code]] = (codes[status[answer.code]] ?? 0) + 1;
      const wanted = fuzzCase.expect;
      const ok =
        wanted === 'no server failure'
          ? !SERVER_FAILURES.has(answer.code)
          : wanted === 'refused by grpc-js'
            ? !SERVER_FAILURES.has(answer.code) || (answer.code === status.INTERNAL && answer.details.startsWith('Error deserializing request'))
            : answer.code === wanted.code;
      if (!ok) {
        failures.push(
          `[seed ${seed}] ${fuzzCase.method} (${fuzzCase.kind}): expected ${typeof wanted === 'string' ? wanted : status[wanted.code]}, ` +
            `got ${status[answer.code]} ${answer.details.slice(0, 150)}; request ${fuzzCase.bytes.subarray(0, 80).toString('hex')}`,
        );
      }
    });
    expect({ seed, failures: failures.slice(0, 15), count: failures.length }).toEqual({ seed, failures: [], count: 0 });
    expect((await fetch(`${api.baseUrl}/health/ready`)).status).toBe(200);
    process.stdout.write(
      `[fuzz] grpc api (seed ${seed}): ${methods.length} methods × ${runsPerMethod} generated requests (+${cases.length - methods.length * runsPerMethod} valid); ` +
        `codes ${JSON.stringify(codes)}; ${Date.now() - started} ms\n`,
    );
  }, 600_000);
});
