import { advisoryLockKey, LEADER_LOCK_CLASS_ID } from './advisory-lock-key';

describe('advisoryLockKey', () => {
  it('is stable per name, different across names, and both keys fit a positive int4', () => {
    const a = advisoryLockKey('cellscope.notifier.detection');
    expect(advisoryLockKey('cellscope.notifier.detection')).toEqual(a);
    expect(advisoryLockKey('other').objId).not.toBe(a.objId);
    for (const key of [a.classId, a.objId, LEADER_LOCK_CLASS_ID]) {
      expect(Number.isInteger(key)).toBe(true);
      expect(key).toBeGreaterThanOrEqual(0);
      expect(key).toBeLessThanOrEqual(0x7fffffff);
    }
  });
});
