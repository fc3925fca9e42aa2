import fc from 'fast-check';
import { maskMsisdn } from './msisdn-mask';

describe('maskMsisdn', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['+8613812345678', '+86138****5678'],
    ['8613812345678', '86138****5678'],
    ['+447911123456', '+4479****3456'],
    ['123456789012345', '1234567****2345'],
    ['1234567890', '123*****90'],
    ['12345678', '123***78'],
    ['+12345678', '+123***78'],
    ['10010', '1***0'],
    ['1234', '1**4'],
    ['123', '***'],
    ['1', '*'],
    ['', ''],
    ['+', '+'],
  ])('%p → %p', (msisdn, masked) => {
    expect(maskMsisdn(msisdn)).toBe(masked);
  });

  it('never returns the number, keeps its length, and shows at most 4 trailing digits', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.stringMatching(/^\d{1,15}$/), (plus, digits) => {
        const msisdn = `${plus ? '+' : ''}${digits}`;
        const masked = maskMsisdn(msisdn);
        expect(masked).not.toBe(msisdn);
        expect(masked).toHaveLength(msisdn.length);
        expect(masked).toContain('*');
        expect(masked.replace(/^\+?\d*\*+/, '').length).toBeLessThanOrEqual(4);
      }),
    );
  });
});
