import { parseCellRecord } from './cell-record.dto';
import { findRawShapeProblems, MAX_CONTRACT_DEPTH } from './raw-json-shape';
import { parseTicketEvent } from './ticket-event.dto';
import { parseUsageRecord } from './usage-record.dto';

const ticket = { ticketId: 'WO-1', version: 1, status: 'OPEN', msisdn: '13812345678', reportedAt: '2026-12-04T20:15:00+08:00' };

function nested(depth: number, leaf: unknown = 1): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return value;
}

describe('findRawShapeProblems', () => {
  it('accepts the contracts as they are', () => {
    expect(findRawShapeProblems({ ...ticket, location: { lat: 1, lon: 2 }, cellIds: ['a', 'b'], subscriber: { terminal: 'Mate 60 😀' } })).toEqual([]);
  });

  it('refuses nesting deeper than the limit, naming where', () => {
    expect(findRawShapeProblems({ x: nested(MAX_CONTRACT_DEPTH - 1) })).toEqual([]);
    const problems = findRawShapeProblems({ x: nested(MAX_CONTRACT_DEPTH) });
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain(`nested deeper than ${MAX_CONTRACT_DEPTH} levels`);
    expect(problems[0].field.startsWith('x.')).toBe(true);
  });

  it.each([
    ['NUL', 'a\u0000b', 'must not contain NUL characters'],
    ['a lone high surrogate', 'a\uD800b', 'must be well-formed Unicode (no lone surrogate)'],
    ['a lone low surrogate', '\uDC00', 'must be well-formed Unicode (no lone surrogate)'],
  ])('refuses a string with %s, in values and property names', (_name, text, message) => {
    expect(findRawShapeProblems({ subscriber: { terminal: text } })).toEqual([{ field: 'subscriber.terminal', message: `subscriber.terminal ${message}` }]);
    expect(findRawShapeProblems({ cellIds: ['ok', text] })[0].field).toBe('cellIds.1');
    expect(findRawShapeProblems({ [text]: 1 })).toEqual([{ field: '$', message: `a property name of $ ${message}` }]);
  });

  it('refuses a __proto__ property at any depth', () => {
    expect(findRawShapeProblems(JSON.parse('{"a":{"__proto__":{"x":1}}}'))).toEqual([{ field: 'a', message: 'a property name of a must not be __proto__' }]);
    const result = parseTicketEvent(JSON.parse(`{"__proto__":{"ticketId":"x"},${JSON.stringify(ticket).slice(1)}`));
    expect(result.ok).toBe(false);
  });

  it('makes the contract parsers refuse 20,000-level values instead of overflowing the stack', () => {
    const deep = nested(20_000);
    for (const parse of [parseTicketEvent, parseCellRecord, parseUsageRecord]) {
      const result = parse({ ...ticket, extra: deep });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors[0].message).toContain('nested deeper');
    }
  });

  it('makes parseTicketEvent name the field holding a NUL', () => {
    const result = parseTicketEvent({ ...ticket, description: 'x\u0000' });
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['description']);
  });
});
