import { Incident } from '@cellscope/domain';
import { COMPLAINT_CLUSTER_QUIET_MS, expireComplaintClusters } from './complaint-cluster-expiry';

const T0 = new Date('2026-03-02T08:00:00.000Z');
const minutes = (m: number) => new Date(T0.getTime() + m * 60_000);

function cluster(incidentId: string, cellId: string, openedAt: Date): Incident {
  return { incidentId, kind: 'COMPLAINT_CLUSTER', state: 'OPEN', cellIds: [cellId], cause: 'SUSPECTED', openedAt, healthyIntervals: 0 };
}

describe('expireComplaintClusters', () => {
  it('resolves a cluster whose cell had no ticket for two hours, not one with a recent ticket', () => {
    const quiet = cluster('K-1', 'A', minutes(0));
    const busy = cluster('K-2', 'B', minutes(0));
    const now = minutes(10 + COMPLAINT_CLUSTER_QUIET_MS / 60_000);
    const expired = expireComplaintClusters([busy, quiet], new Map([['A', minutes(10)], ['B', minutes(100)]]), now);
    expect(expired).toEqual([{ ...quiet, state: 'RESOLVED', resolvedAt: now }]);
  });

  it('counts the opening ticket when no later one is known, and the boundary is inclusive', () => {
    const open = cluster('K-1', 'A', minutes(0));
    expect(expireComplaintClusters([open], new Map(), minutes(119))).toEqual([]);
    expect(expireComplaintClusters([open], new Map(), minutes(120))).toHaveLength(1);
  });

  it('leaves outages and resolved clusters alone', () => {
    const outage: Incident = { ...cluster('O-1', 'A', minutes(0)), kind: 'CELL_OUTAGE', cause: 'OUTAGE' };
    const resolved: Incident = { ...cluster('K-9', 'A', minutes(0)), state: 'RESOLVED' };
    expect(expireComplaintClusters([outage, resolved], new Map(), minutes(600))).toEqual([]);
  });
});
