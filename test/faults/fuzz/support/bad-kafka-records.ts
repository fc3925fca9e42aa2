import fc from 'fast-check';
import { badIdArbitrary, hostileStringArbitrary, HOSTILE_STRINGS, unstorableTextArbitrary } from './hostile-strings';

/** Dead-letter codes of contracts.md (DeadLetterError.code). */
export type ExpectedDeadLetterCode = 'INVALID_JSON' | 'OVERSIZE' | 'EMPTY' | 'INVALID_CONTRACT';

/** The largest message value the consumers accept (libs/messaging MAX_MESSAGE_BYTES, 64 KiB). */
export const MAX_VALUE_BYTES = 64 * 1024;

/** What a field of an input contract holds, as contracts.md describes it. */
type FieldKind =
  | { kind: 'id' }
  | { kind: 'msisdn' }
  | { kind: 'timestamp' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'text'; min?: number; max: number }
  | { kind: 'int'; min: number; max?: number }
  | { kind: 'number'; min: number; max?: number }
  | { kind: 'bool' }
  | { kind: 'object'; fields: Record<string, FieldSpec> }
  | { kind: 'idList'; maxItems: number };

interface FieldSpec {
  type: FieldKind;
  required: boolean;
}

const req = (type: FieldKind): FieldSpec => ({ type, required: true });
const opt = (type: FieldKind): FieldSpec => ({ type, required: false });

/** TicketEvent of contracts.md. */
export const TICKET_EVENT_FIELDS: Record<string, FieldSpec> = {
  ticketId: req({ kind: 'id' }),
  version: req({ kind: 'int', min: 1 }),
  status: req({ kind: 'enum', values: ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'] }),
  msisdn: req({ kind: 'msisdn' }),
  reportedAt: req({ kind: 'timestamp' }),
  occurredAt: opt({ kind: 'timestamp' }),
  symptom: opt({ kind: 'enum', values: ['SLOW_DATA', 'NO_DATA', 'NO_SIGNAL', 'WEAK_SIGNAL', 'CALL_DROP', 'CALL_SETUP_FAILURE', 'POOR_VOICE', 'OTHER'] }),
  description: opt({ kind: 'text', max: 2000 }),
  location: opt({
    kind: 'object',
    fields: { lat: req({ kind: 'number', min: -90, max: 90 }), lon: req({ kind: 'number', min: -180, max: 180 }), address: opt({ kind: 'text', max: 200 }) },
  }),
  cellIds: opt({ kind: 'idList', maxItems: 20 }),
  subscriber: opt({
    kind: 'object',
    fields: {
      fiveGEnabled: opt({ kind: 'bool' }),
      volteEnabled: opt({ kind: 'bool' }),
      terminal: opt({ kind: 'text', max: 100 }),
      plan: opt({ kind: 'text', max: 100 }),
    },
  }),
  region: opt({ kind: 'text', max: 64 }),
};

/** CellRecord of contracts.md (string limits as the validator documents them in the OpenAPI schema). */
export const CELL_RECORD_FIELDS: Record<string, FieldSpec> = {
  cellId: req({ kind: 'id' }),
  name: req({ kind: 'text', min: 1, max: 200 }),
  siteId: req({ kind: 'id' }),
  siteName: opt({ kind: 'text', max: 200 }),
  siteType: req({ kind: 'enum', values: ['MACRO', 'MICRO', 'PICO', 'INDOOR', 'OTHER'] }),
  networkType: req({ kind: 'enum', values: ['4G', '5G'] }),
  band: opt({ kind: 'text', max: 32 }),
  lat: req({ kind: 'number', min: -90, max: 90 }),
  lon: req({ kind: 'number', min: -180, max: 180 }),
  azimuth: opt({ kind: 'int', min: 0, max: 359 }),
  region: opt({ kind: 'text', max: 64 }),
  vendor: opt({ kind: 'text', max: 64 }),
  status: req({ kind: 'enum', values: ['ACTIVE', 'INACTIVE'] }),
};

/** UsageRecord of contracts.md. */
export const USAGE_RECORD_FIELDS: Record<string, FieldSpec> = {
  msisdn: req({ kind: 'msisdn' }),
  cellId: req({ kind: 'id' }),
  start: req({ kind: 'timestamp' }),
  end: req({ kind: 'timestamp' }),
  bytesDl: opt({ kind: 'number', min: 0 }),
  bytesUl: opt({ kind: 'number', min: 0 }),
};

/** A value that JSON.stringify cannot write (±Infinity); put into the JSON text as an overflowing literal. */
const INFINITY_SENTINEL = '\u0001INFINITY\u0001';
const MINUS_INFINITY_SENTINEL = '\u0001MINUS_INFINITY\u0001';

/** Stands for a deeply nested value, which JSON.stringify itself could not write (it recurses). */
const DEEP_SENTINEL = '\u0001DEEP\u0001';

/** JSON text of a value nested `depth` levels (alternating arrays and objects), built without recursion. */
export function deeplyNestedJson(depth: number): string {
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    open += i % 2 ? '{"n":' : '[';
    close = (i % 2 ? '}' : ']') + close;
  }
  return `${open}"leaf"${close}`;
}

function toJsonText(value: unknown, deepLevels = 0): string {
  return JSON.stringify(value)
    .replaceAll(JSON.stringify(INFINITY_SENTINEL), '1e400')
    .replaceAll(JSON.stringify(MINUS_INFINITY_SENTINEL), '-1e400')
    .replace(JSON.stringify(DEEP_SENTINEL), () => deeplyNestedJson(deepLevels));
}

/** One generated bad message: what it is, its value and the dead-letter code it must get. */
export interface BadMessage {
  category: string;
  value: Buffer | null;
  expected: ExpectedDeadLetterCode;
}

type Json = Record<string, unknown>;

const REMOVE = Symbol('remove');

function withField(record: Json, path: string[], value: unknown): Json {
  const copy: Json = { ...record };
  const [head, ...rest] = path;
  if (rest.length === 0) {
    if (value === REMOVE) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  copy[head] = withField({ ...(copy[head] as Json) }, rest, value);
  return copy;
}

interface FieldPath {
  path: string[];
  spec: FieldSpec;
}

function fieldPaths(fields: Record<string, FieldSpec>, prefix: string[] = []): FieldPath[] {
  return Object.entries(fields).flatMap(([name, spec]) => {
    const path = [...prefix, name];
    const nested = spec.type.kind === 'object' ? fieldPaths(spec.type.fields, path) : [];
    return [{ path, spec }, ...nested];
  });
}

/** Values of a JSON type other than the field's own (null only where the field is required). */
function wrongTypeArbitrary(field: FieldSpec): fc.Arbitrary<unknown> {
  const nullIfRequired = field.required ? [fc.constant(null)] : [];
  const aString = fc.oneof(fc.constantFrom('5', 'true', '', '1e3'), hostileStringArbitrary());
  const aNumber = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
  const anArray = fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 3 });
  const anObject = fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), fc.integer(), { maxKeys: 3 });
  switch (field.type.kind) {
    case 'id':
    case 'msisdn':
    case 'timestamp':
    case 'enum':
    case 'text':
      return fc.oneof(aNumber, fc.boolean(), anArray, anObject, ...nullIfRequired);
    case 'int':
    case 'number':
      return fc.oneof(aString, fc.boolean(), anArray, anObject, ...nullIfRequired);
    case 'bool':
      return fc.oneof(fc.constantFrom('true', 'false', 'yes', ''), fc.constantFrom(0, 1), anArray, anObject, ...nullIfRequired);
    case 'object':
      return fc.oneof(aString, aNumber, fc.boolean(), anArray, ...nullIfRequired);
    case 'idList':
      return fc.oneof(fc.constantFrom('c1', 'c1,c2'), aNumber, fc.boolean(), anObject, ...nullIfRequired);
  }
}

/** Values of the field's JSON type that break its rule (range, length, format, enumeration). */
function badValueArbitrary(field: FieldSpec): fc.Arbitrary<unknown> | undefined {
  const type = field.type;
  switch (type.kind) {
    case 'id':
      return badIdArbitrary();
    case 'msisdn':
      return fc.oneof(
        fc.stringMatching(/^\d{1,7}$/),
        fc.stringMatching(/^\d{16,40}$/),
        fc.constantFrom('+', '++8613812345678', '138 1234 5678', '138-1234-5678', '１３８１２３４５６７８', '1381234567a'),
        hostileStringArbitrary(),
      );
    case 'timestamp':
      return fc.oneof(
        fc.constantFrom(
          '2026-12-04T20:15:00',
          '2026-12-04 20:15:00+08:00',
          '2026-13-04T20:15:00Z',
          '2026-02-30T10:00:00Z',
          '2026-12-04T24:00:00Z',
          '9999-12-31T23:59:59Z',
          '2262-04-12T00:00:00Z',
          '1969-07-20T20:17:00Z',
          '0000-01-01T00:00:00Z',
          'now',
          '1733314500000',
          '',
        ),
        fc.date({ min: new Date('2200-01-02T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
        hostileStringArbitrary(),
      );
    case 'enum':
      return fc.oneof(
        fc.constantFrom(...type.values.map((v) => v.toLowerCase()), ...type.values.map((v) => ` ${v}`), 'UNKNOWN', '3G'),
        hostileStringArbitrary(),
      ).filter((v) => !type.values.includes(v));
    case 'text': {
      const tooLong = fc.integer({ min: type.max + 1, max: Math.min(type.max * 20, 30_000) }).chain((n) => fc.constantFrom('x', '字', 'é').map((c) => c.repeat(n)));
      const unstorable = unstorableTextArbitrary(type.max);
      return type.min ? fc.oneof(tooLong, unstorable, fc.constant('')) : fc.oneof(tooLong, unstorable);
    }
    case 'int':
      return fc.oneof(
        fc.integer({ min: -1_000_000, max: type.min - 1 }),
        fc.double({ min: type.min + 0.01, max: type.min + 100, noNaN: true }).filter((d) => !Number.isInteger(d)),
        fc.constantFrom(INFINITY_SENTINEL, MINUS_INFINITY_SENTINEL),
        ...(type.max !== undefined ? [fc.integer({ min: type.max + 1, max: type.max + 100_000 })] : []),
      );
    case 'number':
      return fc.oneof(
        fc.double({ max: type.min - 1e-9, min: -1e300, noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(INFINITY_SENTINEL, MINUS_INFINITY_SENTINEL),
        ...(type.max !== undefined ? [fc.double({ min: type.max + 1e-9, max: 1e300, noNaN: true, noDefaultInfinity: true })] : []),
      );
    case 'idList':
      return fc.oneof(
        fc.integer({ min: type.maxItems + 1, max: 200 }).map((n) => Array.from({ length: n }, (_, i) => `c${i}`)),
        fc.tuple(fc.array(fc.stringMatching(/^[A-Za-z0-9]{1,8}$/), { maxLength: 5 }), badIdArbitrary()).map(([ok, bad]) => [...ok, bad]),
        fc.array(fc.oneof(fc.integer(), fc.constant(null), fc.boolean()), { minLength: 1, maxLength: 3 }),
      );
    case 'bool':
    case 'object':
      return undefined;
  }
}

/** Byte sequences that are never valid UTF-8. */
const INVALID_UTF8 = [[0xff], [0xfe], [0xc0, 0xaf], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]];

/**
 * Bad messages for one input topic: one of many ways a producer can get it wrong, each with the dead-letter code the
 * consumer must give it. `validRecord` is a complete valid record (every optional field present) to mutate.
 */
export function badMessageArbitrary(fields: Record<string, FieldSpec>, validRecord: fc.Arbitrary<Json>, crossField?: fc.Arbitrary<Json>): fc.Arbitrary<BadMessage> {
  const paths = fieldPaths(fields);
  const required = paths.filter((p) => p.spec.required);
  const withBadValue = paths.filter((p) => badValueArbitrary(p.spec) !== undefined);
  const contractCase = (category: string, record: Json, deepLevels = 0): BadMessage => {
    const value = Buffer.from(toJsonText(record, deepLevels), 'utf8');
    return { category, value, expected: value.length > MAX_VALUE_BYTES ? 'OVERSIZE' : 'INVALID_CONTRACT' };
  };
  const missing = fc.tuple(validRecord, fc.constantFrom(...required)).map(([record, p]) => contractCase(`missing ${p.path.join('.')}`, withField(record, p.path, REMOVE)));
  // One arbitrary per field, built once (building fast-check arbitraries is far slower than drawing from them).
  const wrongType = fc.oneof(
    ...paths.map((p) => fc.tuple(validRecord, wrongTypeArbitrary(p.spec)).map(([record, value]) => contractCase(`wrong type ${p.path.join('.')}`, withField(record, p.path, value)))),
  );
  const badValue = fc.oneof(
    ...withBadValue.map((p) =>
      fc.tuple(validRecord, badValueArbitrary(p.spec)!).map(([record, value]) => contractCase(`bad value ${p.path.join('.')}`, withField(record, p.path, value))),
    ),
  );
  const deep = fc
    .tuple(validRecord, fc.integer({ min: 17, max: 20_000 }), fc.constantFrom('extra', ...paths.filter((p) => p.spec.type.kind === 'object').map((p) => p.path[0])))
    .map(([record, depth, field]) => contractCase(`deep JSON (${depth} levels) in ${field}`, { ...record, [field]: DEEP_SENTINEL }, depth));
  const notJson = fc.oneof(
    validRecord.chain((record) => {
      const text = JSON.stringify(record);
      return fc.integer({ min: 1, max: text.length - 1 }).map((cut) => text.slice(0, cut));
    }),
    fc.string({ unit: 'grapheme', maxLength: 200 }).map((s) => `<${s}`),
    fc.constantFrom("{'ticketId': 'x'}", '{"a":1,}', 'NaN', 'undefined', '{"a":01}', '{"a":"\\x41"}', '[1,2', 'SELECT * FROM tickets', "'; DROP TABLE tickets; --"),
  );
  const invalidUtf8 = fc
    .tuple(validRecord, fc.constantFrom(...INVALID_UTF8), fc.nat())
    .map(([record, bytes, at]) => {
      const text = Buffer.from(JSON.stringify(record), 'utf8');
      const position = at % text.length;
      return Buffer.concat([text.subarray(0, position), Buffer.from(bytes), text.subarray(position)]);
    });
  const oversize = fc
    .tuple(validRecord, fc.integer({ min: MAX_VALUE_BYTES, max: 3 * MAX_VALUE_BYTES }))
    .map(([record, size]) => Buffer.from(JSON.stringify({ ...record, padding: 'p'.repeat(size) }), 'utf8'));
  const notObject = fc.oneof(
    fc.integer(),
    fc.constantFrom(null, true, false, 0, -1, 1.5),
    fc.string({ maxLength: 50 }),
    fc.array(validRecord, { minLength: 0, maxLength: 2 }),
    hostileStringArbitrary(),
  );
  const cases: fc.WeightedArbitrary<BadMessage>[] = [
    { weight: 12, arbitrary: missing },
    { weight: 20, arbitrary: wrongType },
    { weight: 30, arbitrary: badValue },
    { weight: 3, arbitrary: deep },
    { weight: 8, arbitrary: notJson.map((text) => ({ category: 'not JSON', value: Buffer.from(text, 'utf8'), expected: 'INVALID_JSON' as const })) },
    { weight: 8, arbitrary: invalidUtf8.map((value) => ({ category: 'invalid UTF-8', value, expected: 'INVALID_JSON' as const })) },
    { weight: 2, arbitrary: fc.constantFrom(null, Buffer.alloc(0)).map((value) => ({ category: 'empty', value, expected: 'EMPTY' as const })) },
    { weight: 2, arbitrary: oversize.map((value) => ({ category: 'oversize', value, expected: 'OVERSIZE' as const })) },
    { weight: 5, arbitrary: notObject.map((v) => ({ category: 'not an object', value: Buffer.from(JSON.stringify(v), 'utf8'), expected: 'INVALID_CONTRACT' as const })) },
  ];
  if (crossField) cases.push({ weight: 5, arbitrary: crossField.map((record) => contractCase('cross-field rule', record)) });
  return fc.oneof(...cases);
}

/** Free text that is legal but hostile: injection strings, CJK, emoji (stored and returned verbatim). */
export function legalHostileTextArbitrary(maxLength: number): fc.Arbitrary<string> {
  return fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ unit: 'grapheme', maxLength: 30 }).filter((s) => !s.includes('\u0000'))).map((s) => s.slice(0, maxLength));
}
