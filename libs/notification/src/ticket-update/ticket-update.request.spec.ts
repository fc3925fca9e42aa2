import { Incident } from '@cellscope/domain';
import { TICKET_UPDATE_MAX_AGE_MS, ticketUpdateRequest } from './ticket-update.request';
import { ViewUpdate } from './view-update';

const NOW = new Date('2026-03-02T08:00:00.000Z');

function view(overrides: Partial<ViewUpdate> = {}): ViewUpdate {
  return {
    ticketId: 'WO-1',
    complaintNo: 'CS202603020000001',
    status: 'FINAL',
    version: 1,
    msisdn: '+8613800000001',
    reportedAt: new Date(NOW.getTime() - 3_600_000),
    servingCellIds: ['C-1'],
    cause: 'CONGESTION',
    ...overrides,
  };
}

const outage = (incidentId: string, cellIds: string[], kind: Incident['kind'] = 'SITE_OUTAGE'): Incident => ({
  incidentId,
  kind,
  state: 'OPEN',
  cellIds,
  cause: kind === 'COMPLAINT_CLUSTER' ? 'SUSPECTED' : 'OUTAGE',
  openedAt: NOW,
  healthyIntervals: 0,
});

describe('ticketUpdateRequest', () => {
  it('asks for one TICKET_UPDATE per ticket with the verdict and the complaint number', () => {
    expect(ticketUpdateRequest(view(), NOW, [])).toEqual({
      kind: 'TICKET_UPDATE',
      subject: { ticketId: 'WO-1', key: 'WO-1:FINAL', cellIds: ['C-1'] },
      recipients: [{ msisdn: '8613800000001' }],
      text: { complaintNo: 'CS202603020000001', cause: 'CONGESTION' },
    });
  });

  it('ignores views that are not FINAL and tickets reported too long ago', () => {
    expect(ticketUpdateRequest(view({ status: 'PROVISIONAL' }), NOW, [])).toBeNull();
    expect(ticketUpdateRequest(view({ status: 'PENDING' }), NOW, [])).toBeNull();
    expect(ticketUpdateRequest(view({ reportedAt: new Date(NOW.getTime() - TICKET_UPDATE_MAX_AGE_MS - 1) }), NOW, [])).toBeNull();
    expect(ticketUpdateRequest(view({ reportedAt: new Date(NOW.getTime() - TICKET_UPDATE_MAX_AGE_MS) }), NOW, [])).not.toBeNull();
  });

  it('ties an OUTAGE verdict to the open outage on its SERVING cell so the subscriber gets the recovery', () => {
    const open = [outage('K-1', ['C-1'], 'COMPLAINT_CLUSTER'), outage('S-9', ['C-9']), outage('S-1', ['C-0', 'C-1'])];
    expect(ticketUpdateRequest(view({ cause: 'OUTAGE' }), NOW, open)?.subject.incidentId).toBe('S-1');
    expect(ticketUpdateRequest(view({ cause: 'OUTAGE', incidentId: 'GIVEN' }), NOW, open)?.subject.incidentId).toBe('GIVEN');
    expect(ticketUpdateRequest(view({ cause: 'CONGESTION' }), NOW, open)?.subject.incidentId).toBeUndefined();
  });

  it('passes the missing setting of a USER_SIDE verdict to the text', () => {
    const request = ticketUpdateRequest(view({ cause: 'USER_SIDE', userSide: 'VOLTE_NOT_ENABLED' }), NOW, []);
    expect(request?.text).toEqual({ complaintNo: 'CS202603020000001', cause: 'USER_SIDE', userSide: 'VOLTE_NOT_ENABLED' });
  });
});
