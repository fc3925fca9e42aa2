import type { NetworkView } from '@cellscope/domain';
import { hashNetworkView } from './network-view-hash';

function view(overrides: Partial<NetworkView> = {}): NetworkView {
  return {
    ticketId: 'T-1',
    complaintNo: 'CS202612040000001',
    status: 'FINAL',
    version: 1,
    msisdn: '8613800000001',
    symptom: 'SLOW_DATA',
    symptomSource: 'TICKET',
    reportedAt: '2026-12-04T10:00:00.000Z',
    occurredAt: '2026-12-04T09:30:00.000Z',
    window: { from: '2026-12-04T08:30:00.000Z', to: '2026-12-04T10:30:00.000Z' },
    kpiDataThrough: '2026-12-04T11:00:00.000Z',
    userSide: { fiveGEnabled: true },
    cells: [],
    verdict: {
      networkRelated: false,
      cause: 'NO_NETWORK_ISSUE',
      confidence: 0.8,
      summary: { zh: '无', en: 'none' },
      evidence: [],
      suggestedReply: { zh: '无', en: 'none' },
    },
    correlatedAt: '2026-12-04T11:05:00.000Z',
    ...overrides,
  };
}

describe('hashNetworkView', () => {
  it('is a sha256 hex digest', () => {
    expect(hashNetworkView(view())).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores correlatedAt', () => {
    expect(hashNetworkView(view({ correlatedAt: '2026-12-05T00:00:00.000Z' }))).toBe(hashNetworkView(view()));
  });

  it('does not depend on key order', () => {
    const reordered = view({ window: { to: '2026-12-04T10:30:00.000Z', from: '2026-12-04T08:30:00.000Z' } });
    const original = view();
    expect(Object.keys(reordered.window)).not.toEqual(Object.keys(original.window));
    expect(hashNetworkView(reordered)).toBe(hashNetworkView(original));
  });

  it('treats an undefined member like an absent one', () => {
    expect(hashNetworkView(view({ incidentId: undefined }))).toBe(hashNetworkView(view()));
  });

  it('changes with the content', () => {
    const base = hashNetworkView(view());
    expect(hashNetworkView(view({ status: 'PROVISIONAL' }))).not.toBe(base);
    expect(hashNetworkView(view({ kpiDataThrough: null }))).not.toBe(base);
    expect(hashNetworkView(view({ incidentId: 'INC-1' }))).not.toBe(base);
    expect(hashNetworkView(view({ userSide: { fiveGEnabled: false } }))).not.toBe(base);
  });
});
