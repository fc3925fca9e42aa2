/** A leader's write was refused because its lock session no longer holds the leader lock (another replica may). */
export class LeadershipLostError extends Error {
  constructor(message = 'leadership lost: the leader lock is no longer held by this replica') {
    super(message);
    this.name = 'LeadershipLostError';
  }
}
