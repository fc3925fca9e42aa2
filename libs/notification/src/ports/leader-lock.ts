/**
 * Proof of leadership that the leader's writes check in their own transaction: the PostgreSQL advisory lock
 * (classId, objId) must still be granted to the session `holderPid`. A leader whose lock session died (and whose
 * lock another replica may now hold) can no longer commit.
 */
export interface LeadershipFence {
  classId: number;
  objId: number;
  holderPid: number;
}

/**
 * Port: leadership among notifier replicas, so exactly one of them detects per tick. Whoever holds the lock is the
 * leader until it releases it or its lock session dies; the others keep trying at every tick and take over then.
 */
export abstract class LeaderLock {
  /**
   * Becomes or stays the leader: true while this replica holds the lock (checked against the lock session, not just
   * remembered). False when another replica holds it or the database cannot be reached; never throws.
   */
  abstract acquire(): Promise<boolean>;
  /** The fence for the leader's writes while this replica believes it leads; undefined otherwise. */
  abstract fence(): LeadershipFence | undefined;
  /** Gives leadership up and closes the lock session (another replica takes over at its next attempt). */
  abstract release(): Promise<void>;
}
