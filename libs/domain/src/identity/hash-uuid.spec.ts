import { HASH_UUID_PATTERN, hashUuid } from './hash-uuid';

describe('hashUuid', () => {
  it('is deterministic and UUID-shaped (version 8, variant 10)', () => {
    const id = hashUuid(['a', 'b']);
    expect(id).toMatch(HASH_UUID_PATTERN);
    expect(hashUuid(['a', 'b'])).toBe(id);
  });

  it('separates parts unambiguously', () => {
    expect(hashUuid(['a|b', 'c'])).not.toBe(hashUuid(['a', 'b|c']));
    expect(hashUuid(['ab', 'c'])).not.toBe(hashUuid(['a', 'bc']));
  });
});
