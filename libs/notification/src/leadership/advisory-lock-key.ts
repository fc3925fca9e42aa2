import { createHash } from 'node:crypto';

/** First key of every cellscope leader lock (two-key advisory locks; "cell" in ASCII, fits a positive int4). */
export const LEADER_LOCK_CLASS_ID = 0x63656c6c;

/** The two int4 keys of the advisory lock named `name`: the cellscope class and a positive 31-bit hash of the name. */
export function advisoryLockKey(name: string): { classId: number; objId: number } {
  const digest = createHash('sha256').update(name, 'utf8').digest();
  return { classId: LEADER_LOCK_CLASS_ID, objId: digest.readUInt32BE(0) & 0x7fffffff };
}
