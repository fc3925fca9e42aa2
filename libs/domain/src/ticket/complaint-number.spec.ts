import fc from 'fast-check';
import { base32Prefix, COMPLAINT_NO_PATTERN, complaintNumberFor } from './complaint-number';

describe('complaintNumberFor', () => {
  it('is CS + the Shanghai date + 10 base32 characters, and deterministic', () => {
    const no = complaintNumberFor('WO-2024-000123', new Date('2024-05-01T10:00:00Z'));
    expect(no).toMatch(COMPLAINT_NO_PATTERN);
    expect(no.slice(0, 10)).toBe('CS20240501');
    expect(complaintNumberFor('WO-2024-000123', new Date('2024-05-01T10:00:00Z'))).toBe(no);
  });

  it.each([
    ['2024-05-01T15:59:59Z', 'CS20240501'], // 23:59:59 in Shanghai
    ['2024-05-01T16:00:00Z', 'CS20240502'], // 00:00 next day in Shanghai
    ['2023-12-31T16:30:00Z', 'CS20240101'],
  ])('reported at %s is dated %s (Asia/Shanghai)', (reportedAt, prefix) => {
    expect(complaintNumberFor('T-1', new Date(reportedAt)).slice(0, 10)).toBe(prefix);
  });

  it('the hash part depends only on the ticket id', () => {
    const a = complaintNumberFor('T-1', new Date('2024-05-01T00:00:00Z'));
    const b = complaintNumberFor('T-1', new Date('2024-06-01T00:00:00Z'));
    expect(a.slice(10)).toBe(b.slice(10));
    expect(complaintNumberFor('T-2', new Date('2024-05-01T00:00:00Z')).slice(10)).not.toBe(a.slice(10));
  });

  it('has no collisions over 100 000 ticket ids of one day', () => {
    const day = new Date('2024-05-01T02:00:00Z');
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) seen.add(complaintNumberFor(`WO-${i}`, day));
    expect(seen.size).toBe(100_000);
  });

  it('always matches the pattern', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 64 }), fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31') }), (id, at) => {
        expect(complaintNumberFor(id, at)).toMatch(COMPLAINT_NO_PATTERN);
      }),
    );
  });
});

describe('base32Prefix (RFC 4648 alphabet)', () => {
  it.each([
    [[0x66], 1, 'M'], // "f" → MY======
    [[0x66], 2, 'MY'],
    [[0x66, 0x6f, 0x6f, 0x62, 0x61, 0x72], 10, 'MZXW6YTBOI'], // "foobar" → MZXW6YTBOI======
  ])('%j → %p', (bytes, chars, expected) => {
    expect(base32Prefix(Uint8Array.from(bytes), chars)).toBe(expected);
  });
});
