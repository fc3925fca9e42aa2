import { maskLogValue, maskMsisdnsInText } from './msisdn-log-masking';

describe('maskMsisdnsInText', () => {
  it.each([
    ['subscriber 13812345678 called', 'subscriber 138****5678 called'],
    ['callback +8613812345678.', 'callback +86138****5678.'],
    ['/api/v1/tickets?msisdn=13812345678&limit=5', '/api/v1/tickets?msisdn=138****5678&limit=5'],
    ['(msisdn)=(13698765432)', '(msisdn)=(136****5432)'],
    ['8 digits 12345678 end', '8 digits 123***78 end'],
  ])('masks %s', (input, expected) => {
    expect(maskMsisdnsInText(input)).toBe(expected);
  });

  it.each([
    ['a 7-digit number 1234567 stays'],
    ['a 16-digit number 1234567890123456 is not an MSISDN'],
    ['ids like WO13812345678 and 13812345678x are words, not numbers'],
    ['2026-03-02T08:00:00.000Z'],
    ['took 123 ms'],
  ])('leaves %s alone', (input) => {
    expect(maskMsisdnsInText(input)).toBe(input);
  });
});

describe('maskLogValue', () => {
  it('masks strings in nested plain objects and arrays without touching other values', () => {
    const error = new Error('13812345678');
    const input = { msisdn: '13812345678', n: 13812345678, list: ['x 13698765432'], nested: { deeper: { note: 'call 13812345678' } }, error };
    expect(maskLogValue(input)).toEqual({
      msisdn: '138****5678',
      n: 13812345678,
      list: ['x 136****5432'],
      nested: { deeper: { note: 'call 138****5678' } },
      error,
    });
    expect(input.msisdn).toBe('13812345678');
  });
});
