import { Incident } from '../model';
import { complaintClusterId, detectComplaintClusters } from './complaint-cluster';

const NOW = new Date('2024-05-01T10:30:00Z');
const minutesBefore = (m: number) => new Date(NOW.getTime() - m * 60_000);
const tickets = (cellId: string, minutesAgo: number[]) => minutesAgo.map((m, i) => ({ ticketId: `${cellId}-T${i}`, servingCellId: cellId, occurredAt: minutesBefore(m) }));
const openIncident = (kind: Incident['kind'], cellIds: string[], state: Incident['state'] = 'OPEN'): Incident => ({
  incidentId: `I-${kind}`,
  kind,
  state,
  cellIds,
  cause: kind === 'COMPLAINT_CLUSTER' ? 'SUSPECTED' : 'OUTAGE',
  openedAt: minutesBefore(60),
  healthyIntervals: 0,
});

describe('detectComplaintClusters', () => {
  it('5 tickets on one cell within 30 minutes → one COMPLAINT_CLUSTER', () => {
    const clusters = detectComplaintClusters({ tickets: tickets('C1', [29, 20, 10, 5, 0]), now: NOW, open: [] });
    expect(clusters).toEqual([
      {
        incidentId: complaintClusterId('C1', minutesBefore(0)),
        kind: 'COMPLAINT_CLUSTER',
        state: 'OPEN',
        cellIds: ['C1'],
        cause: 'SUSPECTED',
        openedAt: minutesBefore(0),
        healthyIntervals: 0,
      },
    ]);
  });

  it.each([
    ['4 tickets', [25, 20, 10, 5], 0],
    ['one of 5 exactly 30 minutes old (outside)', [30, 20, 10, 5, 1], 0],
    ['one of 5 in the future (outside)', [20, 15, 10, 5, -1], 0],
    ['6 tickets', [25, 20, 15, 10, 5, 1], 1],
  ])('%s → %d cluster(s)', (_case, ago, count) => {
    expect(detectComplaintClusters({ tickets: tickets('C1', ago), now: NOW, open: [] })).toHaveLength(count);
  });

  it('the same ticket twice counts once', () => {
    const list = [...tickets('C1', [25, 20, 10, 5]), { ticketId: 'C1-T0', servingCellId: 'C1', occurredAt: minutesBefore(1) }];
    expect(detectComplaintClusters({ tickets: list, now: NOW, open: [] })).toEqual([]);
  });

  it('counts per cell', () => {
    const clusters = detectComplaintClusters({ tickets: [...tickets('C2', [1, 2, 3, 4, 5]), ...tickets('C1', [1, 2, 3, 4, 5]), ...tickets('C3', [1, 2])], now: NOW, open: [] });
    expect(clusters.map((c) => c.cellIds[0])).toEqual(['C1', 'C2']);
  });

  it('honours minTickets and windowMinutes', () => {
    expect(detectComplaintClusters({ tickets: tickets('C1', [50, 40, 1]), now: NOW, open: [], minTickets: 3, windowMinutes: 60 })).toHaveLength(1);
    expect(detectComplaintClusters({ tickets: tickets('C1', [50, 40, 1]), now: NOW, open: [], minTickets: 3 })).toHaveLength(0);
  });

  it.each([
    ['an open cluster on the cell', [openIncident('COMPLAINT_CLUSTER', ['C1'])], 0],
    ['a resolved cluster on the cell', [openIncident('COMPLAINT_CLUSTER', ['C1'], 'RESOLVED')], 1],
    ['an open cluster on another cell', [openIncident('COMPLAINT_CLUSTER', ['C9'])], 1],
    ['an open outage covering the cell', [openIncident('SITE_OUTAGE', ['C0', 'C1'])], 0],
  ])('%s → %d new', (_case, open, count) => {
    expect(detectComplaintClusters({ tickets: tickets('C1', [1, 2, 3, 4, 5]), now: NOW, open })).toHaveLength(count);
  });

  it('an open outage does not suppress the cluster when skipCellsWithOpenOutage is false', () => {
    const open = [openIncident('CELL_OUTAGE', ['C1'])];
    expect(detectComplaintClusters({ tickets: tickets('C1', [1, 2, 3, 4, 5]), now: NOW, open, skipCellsWithOpenOutage: false })).toHaveLength(1);
  });

  it('is deterministic: the same input gives the same incident id', () => {
    const list = tickets('C1', [12, 9, 7, 3, 1, 0]);
    const a = detectComplaintClusters({ tickets: list, now: NOW, open: [] });
    const b = detectComplaintClusters({ tickets: [...list].reverse(), now: NOW, open: [] });
    expect(a[0].incidentId).toBe(b[0].incidentId);
    expect(a[0].openedAt).toEqual(minutesBefore(1)); // the 5th ticket in time order
  });
});
