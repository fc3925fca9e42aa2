/**
 * CPU cost of the pure domain rules on realistic sizes: one ticket's view assembly, an outage scan of 100,000
 * cells, an SMS plan for 5,000 recipients, free-text classification.
 * Run: npm run build --silent && node dist/bench/domain.bench.js
 */
import {
  assembleNetworkView,
  Cell,
  CellKpiInterval,
  CellKpiSums,
  classifySymptom,
  complaintNumberFor,
  DEFAULT_THRESHOLDS,
  detectOutages,
  evaluationWindow,
  planNotifications,
  SelectedCell,
  Ticket,
} from '../libs/domain/src';

function time(label: string, iterations: number, fn: (i: number) => unknown): void {
  for (let i = 0; i < Math.min(50, iterations); i++) fn(i); // warm-up
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) fn(i);
  const ns = Number(process.hrtime.bigint() - start);
  const perOp = ns / iterations;
  const unit = perOp > 1e6 ? `${(perOp / 1e6).toFixed(2)} ms` : `${(perOp / 1e3).toFixed(1)} µs`;
  console.log(`${label.padEnd(52)} ${unit.padStart(12)} /op   ${Math.round(1e9 / perOp).toLocaleString('en-US').padStart(12)} op/s   (${iterations} ops)`);
}

const counters = {
  prbDlUsed: 3000, prbDlAvail: 8000, accessSucc: 7990, accessAtt: 8000, dropAbnormal: 10, dropTotal: 8000,
  mrGood: 7800, mrTotal: 8000, thpDlVolKbit: 2.4e8, thpDlTimeMs: 8e6, trafficMb: 16000, unavailS: 0, periodS: 7200,
};
const occurredAt = new Date('2024-05-01T10:00:00Z');
const window = evaluationWindow(occurredAt);
const ticket: Ticket = { ticketId: 'WO-1', version: 1, status: 'OPEN', msisdn: '13812345678', reportedAt: occurredAt, occurredAt, description: '晚上网速慢，看视频卡顿' };
const cells: Cell[] = Array.from({ length: 5 }, (_, i) => ({
  cellId: `C${i}`, name: `Cell ${i}`, siteId: `S${i}`, siteType: 'MACRO', networkType: i % 2 ? '5G' : '4G', lat: 40.8, lon: 111.7, azimuth: 0, status: 'ACTIVE',
}));
const selected: SelectedCell[] = cells.map((c, i) => ({ cellId: c.cellId, role: i === 0 ? 'SERVING' : 'NEIGHBOR', selection: 'USAGE', usageShare: 0.2 }));
const sums = new Map<string, CellKpiSums>(cells.map((c) => [c.cellId, { cellId: c.cellId, counters, intervals: 8, downIntervals: 0 }]));
const baseline = new Map<string, CellKpiSums>(cells.map((c) => [c.cellId, { cellId: c.cellId, counters: { trafficMb: 7 * 16000 * 12 }, intervals: 672, downIntervals: 0 }]));

time('assembleNetworkView (5 cells)', 20_000, () =>
  assembleNetworkView({ ticket, complaintNo: 'CS20240501AAAAAAAAAA', selected, cells, windowSums: sums, baselineSums: baseline, baselineDays: 7, thresholds: DEFAULT_THRESHOLDS, kpiDataThrough: window.to, window, now: occurredAt }),
);
time('complaintNumberFor', 100_000, (i) => complaintNumberFor(`WO-${i}`, occurredAt));
time('classifySymptom (zh, 12 chars)', 100_000, () => classifySymptom('晚上网速慢，看视频卡顿'));
time('classifySymptom (en, 60 chars)', 100_000, () => classifySymptom('Since last week my phone keeps losing the call in the lift'));

const CELLS = 100_000;
const inventory: Cell[] = Array.from({ length: CELLS }, (_, i) => ({
  cellId: `C${i}`, name: `Cell ${i}`, siteId: `S${Math.floor(i / 3)}`, siteType: 'MACRO', networkType: '4G', lat: 40, lon: 111, azimuth: (i % 3) * 120, status: 'ACTIVE',
}));
const tick = new Date('2024-05-01T10:00:00Z');
const latest: CellKpiInterval[] = inventory.map((c, i) => ({
  cellId: c.cellId, time: tick, counters: { unavailS: i % 100 < 3 ? 900 : 0, periodS: 900 }, // 3 % DOWN: some whole sites, some single cells
}));
const first = detectOutages({ latest, cells: inventory, open: [], now: tick });
console.log(`outage scan: ${first.opened.filter((i) => i.kind === 'SITE_OUTAGE').length} site + ${first.opened.filter((i) => i.kind === 'CELL_OUTAGE').length} cell incidents opened from ${CELLS} cells`);
time(`detectOutages (${CELLS.toLocaleString('en-US')} cells, nothing open)`, 10, () => detectOutages({ latest, cells: inventory, open: [], now: tick }));
time(`detectOutages (${CELLS.toLocaleString('en-US')} cells, ${first.opened.length} open)`, 10, () => detectOutages({ latest, cells: inventory, open: first.opened, now: tick }));

const recipients = Array.from({ length: 5000 }, (_, i) => ({ msisdn: `1380000${String(i).padStart(4, '0')}` }));
time('planNotifications (5,000 recipients)', 200, () =>
  planNotifications({
    kind: 'OUTAGE_NOTICE', subject: { incidentId: 'INC-1', cellIds: ['C1'] }, recipients, alreadySent: new Set(), sentToday: new Map(), optedOut: new Set(),
    dailyCap: 3, now: tick, quietHours: '22:00-08:00', timeZone: 'Asia/Shanghai', text: { area: '新华大街' },
  }),
);
