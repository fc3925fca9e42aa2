import { Cell, CellKpiSums } from '../model';
import { evaluationWindow, baselineWindow } from '../kpi/kpi-windows';
import { DEFAULT_THRESHOLDS } from '../kpi/thresholds';
import { aCell, aTicket, sumsOf } from '../testing/domain.factories';
import { assembleNetworkView, NetworkViewInput } from './network-view-assembly';
import { viewStatusFor } from './view-status';

const occurredAt = new Date('2024-05-01T10:00:00Z');
const window = evaluationWindow(occurredAt);
const now = new Date('2024-05-01T12:30:00Z');

function input(overrides: Partial<NetworkViewInput> = {}): NetworkViewInput {
  return {
    ticket: aTicket({ ticketId: 'WO-1', msisdn: '13812345678', occurredAt, reportedAt: occurredAt, description: '网速慢', subscriber: { fiveGEnabled: true, terminal: 'Phone X' } }),
    complaintNo: 'CS20240501ABCDEFGHIJ',
    selected: [],
    cells: [],
    windowSums: new Map(),
    baselineSums: new Map(),
    baselineDays: 7,
    thresholds: DEFAULT_THRESHOLDS,
    kpiDataThrough: window.to,
    window,
    now,
    ...overrides,
  };
}

describe('viewStatusFor', () => {
  it.each([
    ['data through the end of the window', window.to, 'FINAL'],
    ['data beyond the window', new Date(window.to.getTime() + 1), 'FINAL'],
    ['data one interval short', new Date(window.to.getTime() - 900_000), 'PROVISIONAL'],
    ['no data at all', null, 'PROVISIONAL'],
  ])('%s → %s', (_case, through, status) => {
    expect(viewStatusFor(through, window)).toBe(status);
  });
});

describe('assembleNetworkView', () => {
  const serving: Cell = aCell({ cellId: 'C-S', name: 'Xinhua Rd 1', siteId: 'S1', networkType: '4G', siteType: 'MICRO' });
  const neighbor: Cell = aCell({ cellId: 'C-N', name: 'Xinhua Rd 2', siteId: 'S1' });
  const windowSums = new Map<string, CellKpiSums>([
    ['C-S', sumsOf('C-S', { prbDlUsed: 900, prbDlAvail: 1000 })],
    ['C-N', sumsOf('C-N')],
  ]);
  const baselineSums = new Map<string, CellKpiSums>([['C-S', { cellId: 'C-S', counters: { trafficMb: 7 * 1024 * 12 }, intervals: 672, downIntervals: 0 }]]);

  it('builds the view: cells with KPIs and findings, verdict, symptom, status, ISO timestamps, raw msisdn', () => {
    const view = assembleNetworkView(
      input({
        selected: [
          { cellId: 'C-S', role: 'SERVING', selection: 'USAGE', usageShare: 0.8 },
          { cellId: 'C-N', role: 'NEIGHBOR', selection: 'USAGE', usageShare: 0.2 },
        ],
        cells: [serving, neighbor],
        windowSums,
        baselineSums,
        incidentId: 'INC-1',
      }),
    );
    expect(view).toMatchObject({
      ticketId: 'WO-1',
      complaintNo: 'CS20240501ABCDEFGHIJ',
      status: 'FINAL',
      version: 1,
      msisdn: '13812345678',
      symptom: 'SLOW_DATA',
      symptomSource: 'CLASSIFIED',
      reportedAt: '2024-05-01T10:00:00.000Z',
      occurredAt: '2024-05-01T10:00:00.000Z',
      window: { from: '2024-05-01T09:00:00.000Z', to: '2024-05-01T11:00:00.000Z' },
      kpiDataThrough: '2024-05-01T11:00:00.000Z',
      userSide: { fiveGEnabled: true, terminal: 'Phone X' },
      incidentId: 'INC-1',
      correlatedAt: '2024-05-01T12:30:00.000Z',
    });
    expect(view.userSide).not.toHaveProperty('volteEnabled');
    expect(view.cells[0]).toMatchObject({
      cellId: 'C-S',
      name: 'Xinhua Rd 1',
      siteId: 'S1',
      siteType: 'MICRO',
      networkType: '4G',
      role: 'SERVING',
      selection: 'USAGE',
      usageShare: 0.8,
      findings: [{ code: 'prbUtilizationDl_BAD', kpi: 'prbUtilizationDl', value: 90, threshold: 80 }],
    });
    expect(view.cells[0].kpis.dailyTrafficGb).toEqual({ value: 12, unit: 'GB/day', status: 'OK' });
    expect(view.cells[1].kpis.dailyTrafficGb.status).toBe('NO_DATA');
    expect(view.verdict).toMatchObject({ cause: 'CONGESTION', networkRelated: true, confidence: 0.95 });
  });

  it('accepts the inventory as a Map', () => {
    const view = assembleNetworkView(input({ selected: [{ cellId: 'C-S', role: 'SERVING', selection: 'TICKET' }], cells: new Map([['C-S', serving]]), windowSums }));
    expect(view.cells[0].name).toBe('Xinhua Rd 1');
  });

  it('keeps a selected cell missing from the inventory as a 4G placeholder named by its id', () => {
    const view = assembleNetworkView(input({ selected: [{ cellId: 'GHOST', role: 'SERVING', selection: 'TICKET' }], windowSums: new Map([['GHOST', sumsOf('GHOST')]]) }));
    expect(view.cells[0]).toMatchObject({ cellId: 'GHOST', name: 'GHOST', siteId: '', siteType: 'OTHER', networkType: '4G' });
    expect(view.cells[0].kpis.userDlThroughputMbps).toMatchObject({ value: 30, status: 'OK', warn: 10, bad: 5 });
  });

  it('is PROVISIONAL, with lower confidence, while the data does not cover the window', () => {
    const base = input({ selected: [{ cellId: 'C-S', role: 'SERVING', selection: 'USAGE', usageShare: 1 }], cells: [serving], windowSums });
    const provisional = assembleNetworkView({ ...base, kpiDataThrough: new Date('2024-05-01T10:30:00Z') });
    expect(provisional.status).toBe('PROVISIONAL');
    expect(provisional.kpiDataThrough).toBe('2024-05-01T10:30:00.000Z');
    expect(provisional.verdict.confidence).toBe(0.76);
    const none = assembleNetworkView({ ...base, kpiDataThrough: null });
    expect(none).toMatchObject({ status: 'PROVISIONAL', kpiDataThrough: null });
  });

  it('no selected cells → INSUFFICIENT_DATA, the ticket symptom kept', () => {
    const view = assembleNetworkView(input({ ticket: aTicket({ symptom: 'CALL_DROP', occurredAt, reportedAt: occurredAt }) }));
    expect(view).toMatchObject({ cells: [], symptom: 'CALL_DROP', symptomSource: 'TICKET', userSide: {} });
    expect(view.verdict).toMatchObject({ cause: 'INSUFFICIENT_DATA', networkRelated: null });
    expect(view).not.toHaveProperty('incidentId');
  });

  it('uses the 5G thresholds for a 5G cell', () => {
    const fiveG = aCell({ cellId: 'C-5', networkType: '5G' });
    const view = assembleNetworkView(input({ selected: [{ cellId: 'C-5', role: 'SERVING', selection: 'TICKET' }], cells: [fiveG], windowSums: new Map([['C-5', sumsOf('C-5')]]) }));
    expect(view.cells[0].kpis.userDlThroughputMbps).toMatchObject({ value: 30, status: 'BAD', warn: 100, bad: 50 });
    expect(view.verdict.cause).toBe('LOW_THROUGHPUT');
  });

  it('baseline sums over the baseline window give daily traffic per day', () => {
    const b = baselineWindow(occurredAt, 7);
    expect((b.to.getTime() - b.from.getTime()) / 86_400_000).toBe(7);
  });
});
