import fc from 'fast-check';
import { InvalidCellIdError } from './invalid-cell-id.error';
import {
  assertCellId,
  cellIdRegex,
  escapeRegexLiteral,
  isValidCellId,
  quoteIdentifier,
  quoteString,
  rfc3339Literal,
  timeLiteral,
} from './influxql-escaping';

/** Reads an InfluxQL quoted literal back the way the InfluxQL scanner does (escapes \\, \n, \', \"). */
function unquote(literal: string, quote: string): string {
  expect(literal.startsWith(quote) && literal.endsWith(quote)).toBe(true);
  const body = literal.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === quote) throw new Error(`unescaped ${quote} at ${i}`);
    if (ch === '\n') throw new Error('raw newline');
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = body[++i];
    if (next === 'n') out += '\n';
    else if (next === '\\' || next === "'" || next === '"') out += next;
    else throw new Error(`bad escape \\${next}`);
  }
  return out;
}

describe('cell id rule', () => {
  it.each(['CELL-1', 'a.b', 'a:b', 'x_y', '460-00-12345-1', 'A'.repeat(64)])('accepts %s', (id) => {
    expect(isValidCellId(id)).toBe(true);
    expect(() => assertCellId(id)).not.toThrow();
  });

  it.each(["a'b", 'a"b', 'a\\b', 'a/b', '.*', 'a|b', ') OR 1=1', '; DROP DATABASE x', 'a\nb', '', 'A'.repeat(65), 'a b', 'ä'])(
    'rejects %j with InvalidCellIdError',
    (id) => {
      expect(isValidCellId(id)).toBe(false);
      expect(() => assertCellId(id)).toThrow(InvalidCellIdError);
    },
  );

  it('rejects non-strings', () => {
    expect(() => assertCellId(42)).toThrow(InvalidCellIdError);
    expect(() => assertCellId(undefined)).toThrow(InvalidCellIdError);
  });
});

describe('quoteIdentifier / quoteString', () => {
  it('escapes quotes, backslashes and newlines', () => {
    expect(quoteIdentifier('cell_kpi')).toBe('"cell_kpi"');
    expect(quoteIdentifier('a"b\\c\nd')).toBe('"a\\"b\\\\c\\nd"');
    expect(quoteString("it's")).toBe("'it\\'s'");
    expect(quoteString('a\\')).toBe("'a\\\\'");
  });

  it('round-trips any string through the InfluxQL scanner rules', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }).filter((s) => s.length > 0 && !s.includes('\0')), (s) => {
        expect(unquote(quoteIdentifier(s), '"')).toBe(s);
        expect(unquote(quoteString(s), "'")).toBe(s);
      }),
    );
  });

  it('rejects empty identifiers and NUL', () => {
    expect(() => quoteIdentifier('')).toThrow(TypeError);
    expect(() => quoteIdentifier('a\0b')).toThrow(TypeError);
    expect(() => quoteString('a\0b')).toThrow(TypeError);
  });
});

describe('cellIdRegex', () => {
  it('anchors the alternation and escapes metacharacters', () => {
    expect(cellIdRegex(['a', 'b.c', 'd:e-f'])).toBe('/^(a|b\\.c|d:e-f)$/');
  });

  it('matches exactly the given ids (as InfluxDB would after unescaping \\/)', () => {
    const ids = ['a.b', 'CELL-1', 'x:y'];
    const literal = cellIdRegex(ids);
    const re = new RegExp(literal.slice(1, -1).replace(/\\\//g, '/'));
    for (const id of ids) expect(re.test(id)).toBe(true);
    for (const other of ['aXb', 'a.bc', 'xa.b', 'CELL-10', 'x:yy', '']) expect(re.test(other)).toBe(false);
  });

  it('rejects any id outside the rule before building anything', () => {
    expect(() => cellIdRegex(['ok', 'a)|(.*'])).toThrow(InvalidCellIdError);
    expect(() => cellIdRegex([])).toThrow(RangeError);
  });

  it('escapeRegexLiteral makes any string match only itself, including the / delimiter', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (value, other) => {
        const escaped = escapeRegexLiteral(value);
        expect(/(^|[^\\])(\\\\)*\//.test(escaped)).toBe(false);
        const re = new RegExp(`^(${escaped.replace(/\\\//g, '/')})$`, 'u');
        expect(re.test(value)).toBe(true);
        if (other !== value) expect(re.test(other)).toBe(false);
      }),
    );
  });
});

describe('time literals', () => {
  it('are built from valid Dates only', () => {
    expect(timeLiteral(new Date(1_700_000_000_123))).toBe('1700000000123ms');
    expect(rfc3339Literal(new Date('2026-03-02T08:00:00Z'))).toBe("'2026-03-02T08:00:00.000Z'");
    expect(() => timeLiteral(new Date('nope'))).toThrow(RangeError);
    expect(() => timeLiteral('2026-01-01' as unknown as Date)).toThrow(TypeError);
    expect(() => timeLiteral(1_700_000_000_000 as unknown as Date)).toThrow(TypeError);
  });
});
