import { parseNetworkViewMessage } from './network-view-message.parser';

function message(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ticketId: 'WO-1',
    complaintNo: 'CS202603020000001',
    status: 'FINAL',
    version: 2,
    msisdn: '+8613800000001',
    symptom: 'SLOW_DATA',
    reportedAt: '2026-03-02T16:00:00+08:00',
    cells: [
      { cellId: 'C-1', role: 'SERVING', kpis: {} },
      { cellId: 'C-2', role: 'NEIGHBOR' },
    ],
    verdict: { networkRelated: false, cause: 'USER_SIDE', evidence: [{ cellId: null, code: 'FIVE_G_NOT_ENABLED' }] },
    ...overrides,
  };
}

describe('parseNetworkViewMessage', () => {
  it('reads what a TICKET_UPDATE needs from a published view', () => {
    const parsed = parseNetworkViewMessage(message({ incidentId: 'INC-1' }));
    expect(parsed).toEqual({
      ok: true,
      value: {
        ticketId: 'WO-1',
        complaintNo: 'CS202603020000001',
        status: 'FINAL',
        version: 2,
        msisdn: '+8613800000001',
        reportedAt: new Date('2026-03-02T08:00:00.000Z'),
        servingCellIds: ['C-1'],
        cause: 'USER_SIDE',
        userSide: 'FIVE_G_NOT_ENABLED',
        incidentId: 'INC-1',
      },
    });
  });

  it('names every bad field instead of throwing', () => {
    const parsed = parseNetworkViewMessage(
      message({ ticketId: "x'; DROP", status: 'DONE', version: 0, msisdn: '12', reportedAt: 'yesterday', cells: [{ cellId: 'C-1', role: 'BOSS' }], verdict: {} }),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => e.field)).toEqual(['ticketId', 'status', 'version', 'msisdn', 'reportedAt', 'cells.0.role', 'verdict.cause']);
  });

  it('refuses what is not an object', () => {
    expect(parseNetworkViewMessage([1, 2])).toEqual({ ok: false, errors: [{ field: '$', message: 'must be a JSON object' }] });
    expect(parseNetworkViewMessage(null).ok).toBe(false);
  });

  it('finds a missing VoLTE setting in the evidence and accepts a view without cells', () => {
    const parsed = parseNetworkViewMessage(message({ cells: [], verdict: { cause: 'USER_SIDE', evidence: [{ code: 'VOLTE_NOT_ENABLED' }] } }));
    expect(parsed.ok && parsed.value.userSide).toBe('VOLTE_NOT_ENABLED');
    expect(parsed.ok && parsed.value.servingCellIds).toEqual([]);
  });
});
