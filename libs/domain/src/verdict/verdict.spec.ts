import fc from 'fast-check';
import { CounterSums, Symptom, SYMPTOMS, VerdictCause, ViewCell } from '../model';
import { computeKpiValues } from '../kpi/kpi-values';
import { DEFAULT_THRESHOLDS } from '../kpi/thresholds';
import { aViewCell, emptyKpis, sumsOf } from '../testing/domain.factories';
import { decideVerdict, KpiCause, SYMPTOM_CAUSE_ORDER } from './verdict';

/** Counters that make exactly one KPI BAD (severity 1: at least one WARN–BAD gap beyond the limit). */
const BAD_COUNTERS: Record<KpiCause, CounterSums> = {
  CONGESTION: { prbDlUsed: 900, prbDlAvail: 1000 }, // 90 %
  LOW_THROUGHPUT: { thpDlVolKbit: 20_000, thpDlTimeMs: 10_000 }, // 2 Mbit/s (4G)
  WEAK_COVERAGE: { mrGood: 800, mrTotal: 1000 }, // 80 %
  HIGH_DROP_RATE: { dropAbnormal: 30, dropTotal: 1000 }, // 3 %
  ACCESS_FAILURE: { accessSucc: 960, accessAtt: 1000 }, // 96 %
};
/** 5G cells need a 5G-grade throughput to be healthy. */
const FAST_5G: CounterSums = { thpDlVolKbit: 1_500_000, thpDlTimeMs: 10_000 };

/** A view cell whose KPIs and findings come from real counters through computeKpiValues. */
function cellFrom(counters: CounterSums, overrides: Partial<ViewCell> = {}, downIntervals = 0): ViewCell {
  const networkType = overrides.networkType ?? '4G';
  const withSpeed = networkType === '5G' ? { ...FAST_5G, ...counters } : counters;
  const { kpis, findings } = computeKpiValues(sumsOf('x', withSpeed, { downIntervals }), sumsOf('x'), 7, networkType, DEFAULT_THRESHOLDS);
  return aViewCell({ ...overrides, kpis, findings });
}
const badOn = (causes: readonly KpiCause[], overrides: Partial<ViewCell> = {}) =>
  cellFrom(Object.assign({}, ...causes.map((c) => BAD_COUNTERS[c])) as CounterSums, overrides);

describe('decideVerdict rule 3: the first BAD KPI on a SERVING cell, in the symptom order', () => {
  const cases: [Symptom, number, KpiCause][] = SYMPTOMS.flatMap((symptom) =>
    SYMPTOM_CAUSE_ORDER[symptom].map((cause, index) => [symptom, index, cause] as [Symptom, number, KpiCause]),
  );
  it.each(cases)('%s with BAD from position %d of its order on → %s', (symptom, index, cause) => {
    const order = SYMPTOM_CAUSE_ORDER[symptom];
    const cell = badOn(order.slice(index));
    const verdict = decideVerdict({ symptom, cells: [cell] });
    expect(verdict.cause).toBe(cause);
    expect(verdict.networkRelated).toBe(true);
    expect(verdict.evidence).toHaveLength(order.length - index);
    expect(verdict.evidence[0]).toMatchObject({ cellId: cell.cellId, code: expect.stringMatching(/_BAD$/) });
  });

  it('the documented orders', () => {
    expect(SYMPTOM_CAUSE_ORDER).toEqual({
      SLOW_DATA: ['CONGESTION', 'LOW_THROUGHPUT', 'WEAK_COVERAGE', 'HIGH_DROP_RATE', 'ACCESS_FAILURE'],
      NO_DATA: ['CONGESTION', 'LOW_THROUGHPUT', 'WEAK_COVERAGE', 'HIGH_DROP_RATE', 'ACCESS_FAILURE'],
      NO_SIGNAL: ['WEAK_COVERAGE', 'ACCESS_FAILURE', 'HIGH_DROP_RATE', 'CONGESTION', 'LOW_THROUGHPUT'],
      WEAK_SIGNAL: ['WEAK_COVERAGE', 'ACCESS_FAILURE', 'HIGH_DROP_RATE', 'CONGESTION', 'LOW_THROUGHPUT'],
      CALL_DROP: ['HIGH_DROP_RATE', 'WEAK_COVERAGE', 'CONGESTION', 'ACCESS_FAILURE', 'LOW_THROUGHPUT'],
      CALL_SETUP_FAILURE: ['ACCESS_FAILURE', 'CONGESTION', 'WEAK_COVERAGE', 'HIGH_DROP_RATE', 'LOW_THROUGHPUT'],
      POOR_VOICE: ['WEAK_COVERAGE', 'HIGH_DROP_RATE', 'CONGESTION', 'ACCESS_FAILURE', 'LOW_THROUGHPUT'],
      OTHER: ['ACCESS_FAILURE', 'HIGH_DROP_RATE', 'WEAK_COVERAGE', 'CONGESTION', 'LOW_THROUGHPUT'],
    });
  });

  it('evidence: the decisive finding (cellId, kpi, value, threshold, code) first, then the other BAD findings', () => {
    const cell = badOn(['HIGH_DROP_RATE', 'CONGESTION']);
    const verdict = decideVerdict({ symptom: 'CALL_DROP', cells: [cell] });
    expect(verdict.evidence).toEqual([
      { cellId: cell.cellId, code: 'dropRate_BAD', kpi: 'dropRate', value: 3, threshold: 2 },
      { cellId: cell.cellId, code: 'prbUtilizationDl_BAD', kpi: 'prbUtilizationDl', value: 90, threshold: 80 },
    ]);
  });

  it('the most relevant cause wins across several SERVING cells', () => {
    const congested = badOn(['CONGESTION'], { role: 'SERVING', selection: 'TICKET' });
    const weak = badOn(['WEAK_COVERAGE'], { role: 'SERVING', selection: 'TICKET' });
    const verdict = decideVerdict({ symptom: 'WEAK_SIGNAL', cells: [congested, weak] });
    expect(verdict.cause).toBe('WEAK_COVERAGE');
    expect(verdict.evidence.map((e) => [e.cellId, e.code])).toEqual([
      [weak.cellId, 'goodCoverageRate_BAD'],
      [congested.cellId, 'prbUtilizationDl_BAD'],
    ]);
  });

  it('a BAD KPI on a NEIGHBOR cell decides nothing', () => {
    const verdict = decideVerdict({ symptom: 'SLOW_DATA', cells: [cellFrom({}), badOn(['CONGESTION'], { role: 'NEIGHBOR' })] });
    expect(verdict.cause).toBe('NO_NETWORK_ISSUE');
    expect(verdict.evidence).toEqual([]);
  });

  it('a WARN KPI is not a cause', () => {
    const verdict = decideVerdict({ symptom: 'SLOW_DATA', cells: [cellFrom({ prbDlUsed: 750, prbDlAvail: 1000 })] });
    expect(verdict.cause).toBe('NO_NETWORK_ISSUE');
  });
});

describe('decideVerdict rule 2: OUTAGE', () => {
  it('a DOWN interval on a SERVING cell beats every other BAD KPI', () => {
    const cell = cellFrom({ ...BAD_COUNTERS.CONGESTION, unavailS: 900, periodS: 7200 }, {}, 1);
    const verdict = decideVerdict({ symptom: 'SLOW_DATA', cells: [cell] });
    expect(verdict).toMatchObject({ cause: 'OUTAGE', networkRelated: true, confidence: 0.95 });
    expect(verdict.evidence.map((e) => e.code)).toEqual(['CELL_DOWN', 'availability_BAD', 'prbUtilizationDl_BAD']);
    expect(verdict.evidence[0]).toEqual({ cellId: cell.cellId, code: 'CELL_DOWN', kpi: 'availability', value: 87.5, threshold: null });
  });

  it('availability BAD without a DOWN interval is an outage too (lower confidence)', () => {
    const verdict = decideVerdict({ symptom: 'NO_SIGNAL', cells: [cellFrom({ unavailS: 300, periodS: 7200 })] });
    expect(verdict).toMatchObject({ cause: 'OUTAGE', confidence: 0.85 });
    expect(verdict.evidence).toEqual([expect.objectContaining({ code: 'availability_BAD', value: 95.83, threshold: 99 })]);
  });

  it('an outage of a NEIGHBOR cell is not the verdict', () => {
    const verdict = decideVerdict({ symptom: 'NO_SIGNAL', cells: [cellFrom({}), cellFrom({ unavailS: 900, periodS: 7200 }, { role: 'NEIGHBOR' }, 1)] });
    expect(verdict.cause).toBe('NO_NETWORK_ISSUE');
  });

  it('availability WARN is not an outage', () => {
    expect(decideVerdict({ symptom: 'NO_SIGNAL', cells: [cellFrom({ unavailS: 36, periodS: 7200 })] }).cause).toBe('NO_NETWORK_ISSUE');
  });
});

describe('decideVerdict rule 4: USER_SIDE', () => {
  const fiveG = (overrides: Partial<ViewCell> = {}) => cellFrom({}, { networkType: '5G', ...overrides });
  it.each<[string, Symptom, () => ViewCell[], { fiveGEnabled?: boolean; volteEnabled?: boolean } | undefined, VerdictCause, string | null]>([
    ['slow data on 5G without 5G', 'SLOW_DATA', () => [fiveG()], { fiveGEnabled: false }, 'USER_SIDE', 'FIVE_G_NOT_ENABLED'],
    ['no data on 5G without 5G', 'NO_DATA', () => [fiveG()], { fiveGEnabled: false }, 'USER_SIDE', 'FIVE_G_NOT_ENABLED'],
    ['slow data on 4G without 5G', 'SLOW_DATA', () => [cellFrom({})], { fiveGEnabled: false }, 'NO_NETWORK_ISSUE', null],
    ['5G only as NEIGHBOR', 'SLOW_DATA', () => [cellFrom({}), fiveG({ role: 'NEIGHBOR' })], { fiveGEnabled: false }, 'NO_NETWORK_ISSUE', null],
    ['5G enabled', 'SLOW_DATA', () => [fiveG()], { fiveGEnabled: true }, 'NO_NETWORK_ISSUE', null],
    ['5G setting unknown', 'SLOW_DATA', () => [fiveG()], {}, 'NO_NETWORK_ISSUE', null],
    ['no subscriber profile', 'SLOW_DATA', () => [fiveG()], undefined, 'NO_NETWORK_ISSUE', null],
    ['a voice symptom on 5G without 5G', 'CALL_DROP', () => [fiveG()], { fiveGEnabled: false }, 'NO_NETWORK_ISSUE', null],
    ['call drop without VoLTE', 'CALL_DROP', () => [cellFrom({})], { volteEnabled: false }, 'USER_SIDE', 'VOLTE_NOT_ENABLED'],
    ['call setup failure without VoLTE', 'CALL_SETUP_FAILURE', () => [cellFrom({})], { volteEnabled: false }, 'USER_SIDE', 'VOLTE_NOT_ENABLED'],
    ['poor voice without VoLTE', 'POOR_VOICE', () => [cellFrom({})], { volteEnabled: false }, 'USER_SIDE', 'VOLTE_NOT_ENABLED'],
    ['call drop with VoLTE', 'CALL_DROP', () => [cellFrom({})], { volteEnabled: true }, 'NO_NETWORK_ISSUE', null],
    ['call drop, VoLTE unknown', 'CALL_DROP', () => [cellFrom({})], {}, 'NO_NETWORK_ISSUE', null],
    ['weak signal without VoLTE (not voice)', 'WEAK_SIGNAL', () => [cellFrom({})], { volteEnabled: false }, 'NO_NETWORK_ISSUE', null],
    ['slow data without VoLTE (not voice)', 'SLOW_DATA', () => [cellFrom({})], { volteEnabled: false }, 'NO_NETWORK_ISSUE', null],
    ['a network cause wins over the user side', 'CALL_DROP', () => [badOn(['HIGH_DROP_RATE'])], { volteEnabled: false }, 'HIGH_DROP_RATE', null],
    ['an outage wins over the user side', 'SLOW_DATA', () => [cellFrom({ ...FAST_5G, unavailS: 900, periodS: 7200 }, { networkType: '5G' }, 1)], { fiveGEnabled: false }, 'OUTAGE', null],
  ])('%s', (_case, symptom, cells, subscriber, cause, code) => {
    const verdict = decideVerdict({ symptom, cells: cells(), subscriber });
    expect(verdict.cause).toBe(cause);
    if (cause === 'USER_SIDE') {
      expect(verdict.networkRelated).toBe(false);
      expect(verdict.evidence[0]).toEqual({ cellId: null, code, kpi: null, value: null, threshold: null });
    }
  });

  it('lists WARN findings of the serving cells after the user-side finding and lowers confidence for them', () => {
    const clean = decideVerdict({ symptom: 'CALL_DROP', cells: [cellFrom({})], subscriber: { volteEnabled: false } });
    const warned = decideVerdict({ symptom: 'CALL_DROP', cells: [cellFrom({ dropAbnormal: 15, dropTotal: 1000 })], subscriber: { volteEnabled: false } });
    expect(warned.evidence.map((e) => e.code)).toEqual(['VOLTE_NOT_ENABLED', 'dropRate_WARN']);
    expect(clean.confidence).toBe(0.8);
    expect(warned.confidence).toBe(0.75);
  });
});

describe('decideVerdict rule 5: NO_NETWORK_ISSUE', () => {
  it('networkRelated false, the serving cells’ WARN findings as evidence', () => {
    const cell = cellFrom({ prbDlUsed: 750, prbDlAvail: 1000, mrGood: 930, mrTotal: 1000 });
    const verdict = decideVerdict({ symptom: 'SLOW_DATA', cells: [cell, cellFrom({ prbDlUsed: 750, prbDlAvail: 1000 }, { role: 'NEIGHBOR' })] });
    expect(verdict).toMatchObject({ cause: 'NO_NETWORK_ISSUE', networkRelated: false });
    expect(verdict.evidence).toEqual([
      { cellId: cell.cellId, code: 'prbUtilizationDl_WARN', kpi: 'prbUtilizationDl', value: 75, threshold: 70 },
      { cellId: cell.cellId, code: 'goodCoverageRate_WARN', kpi: 'goodCoverageRate', value: 93, threshold: 95 },
    ]);
  });

  it('confidence: full data 0.8, fewer KPIs or warnings lower', () => {
    expect(decideVerdict({ symptom: 'OTHER', cells: [cellFrom({})] }).confidence).toBe(0.8);
    const partial = cellFrom({ dropAbnormal: undefined, dropTotal: undefined, mrGood: undefined, mrTotal: undefined });
    expect(decideVerdict({ symptom: 'OTHER', cells: [partial] }).confidence).toBe(0.65); // 0.35 + 0.45·4/6
    expect(decideVerdict({ symptom: 'OTHER', cells: [cellFrom({ prbDlUsed: 750, prbDlAvail: 1000 })] }).confidence).toBe(0.75);
  });

  it('only neighbours have data: not INSUFFICIENT_DATA (rule 1 is about any selected cell), low confidence', () => {
    const blind = aViewCell({ kpis: emptyKpis() });
    const verdict = decideVerdict({ symptom: 'SLOW_DATA', cells: [blind, cellFrom({}, { role: 'NEIGHBOR' })] });
    expect(verdict.cause).toBe('NO_NETWORK_ISSUE');
    expect(verdict.confidence).toBe(0.35);
  });
});

describe('decideVerdict rule 1: INSUFFICIENT_DATA', () => {
  it.each<[string, () => ViewCell[]]>([
    ['no cells', () => []],
    ['no KPI data on any cell', () => [aViewCell({ kpis: emptyKpis() }), aViewCell({ role: 'NEIGHBOR', kpis: emptyKpis() })]],
    ['only daily traffic (baseline, not judged)', () => [aViewCell({ kpis: { ...emptyKpis(), dailyTrafficGb: { value: 3, unit: 'GB/day', status: 'OK' } } })]],
  ])('%s', (_case, cells) => {
    const verdict = decideVerdict({ symptom: 'SLOW_DATA', cells: cells(), subscriber: { fiveGEnabled: false, volteEnabled: false } });
    expect(verdict).toMatchObject({ cause: 'INSUFFICIENT_DATA', networkRelated: null, confidence: 0, evidence: [] });
  });

  it('a CELL_DOWN finding alone is data', () => {
    const cell = aViewCell({ kpis: { ...emptyKpis(), availability: { value: null, unit: '%', status: 'BAD', warn: 99.9, bad: 99 } } }, [
      { code: 'CELL_DOWN', kpi: 'availability', value: null, threshold: null },
    ]);
    expect(decideVerdict({ symptom: 'NO_SIGNAL', cells: [cell] }).cause).toBe('OUTAGE');
  });

  it('says whether there were no cells or no data', () => {
    expect(decideVerdict({ symptom: 'OTHER', cells: [] }).summary.en).toMatch(/No cell could be determined/);
    expect(decideVerdict({ symptom: 'OTHER', cells: [aViewCell({ kpis: emptyKpis() })] }).summary.en).toMatch(/no KPI data/);
  });
});

describe('decideVerdict confidence', () => {
  it('is higher far beyond the BAD limit', () => {
    const justBad = cellFrom({ prbDlUsed: 801, prbDlAvail: 1000 });
    const farBad = cellFrom({ prbDlUsed: 950, prbDlAvail: 1000 });
    const c1 = decideVerdict({ symptom: 'SLOW_DATA', cells: [justBad] }).confidence;
    const c2 = decideVerdict({ symptom: 'SLOW_DATA', cells: [farBad] }).confidence;
    expect(c1).toBe(0.7); // 0.55 + 0.25·0.01 + 0.15
    expect(c2).toBe(0.95); // 0.55 + 0.25 + 0.15
  });

  it('is lower for a less relevant cause, a LOCATION or home-cell selection, and a PROVISIONAL view', () => {
    const relevant = decideVerdict({ symptom: 'SLOW_DATA', cells: [badOn(['CONGESTION'])] }).confidence;
    const lessRelevant = decideVerdict({ symptom: 'SLOW_DATA', cells: [badOn(['ACCESS_FAILURE'])] }).confidence;
    const byLocation = decideVerdict({ symptom: 'SLOW_DATA', cells: [badOn(['CONGESTION'], { selection: 'LOCATION', usageShare: undefined, distanceM: 300 })] }).confidence;
    const homeCell = decideVerdict({ symptom: 'SLOW_DATA', cells: [badOn(['CONGESTION'], { usageShare: undefined })] }).confidence;
    const provisional = decideVerdict({ symptom: 'SLOW_DATA', cells: [badOn(['CONGESTION'])], provisional: true }).confidence;
    expect(relevant).toBe(0.95);
    expect(lessRelevant).toBe(0.79);
    expect(byLocation).toBe(0.76);
    expect(homeCell).toBe(0.86);
    expect(provisional).toBe(0.76);
  });

  it('stays within 0..1 with two decimals for any mix of cells, and evidence only names given cells', () => {
    const causes = Object.keys(BAD_COUNTERS) as KpiCause[];
    const cellArb = fc.record({
      bad: fc.subarray(causes),
      role: fc.constantFrom('SERVING' as const, 'NEIGHBOR' as const),
      selection: fc.constantFrom('TICKET' as const, 'USAGE' as const, 'LOCATION' as const),
      networkType: fc.constantFrom('4G' as const, '5G' as const),
      down: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(cellArb, { maxLength: 5 }), fc.constantFrom(...SYMPTOMS), fc.boolean(), fc.boolean(), (specs, symptom, fiveGEnabled, provisional) => {
        const cells = specs.map((s) => {
          const counters = Object.assign({}, ...s.bad.map((c) => BAD_COUNTERS[c]), s.down ? { unavailS: 900, periodS: 7200 } : {}) as CounterSums;
          return cellFrom(counters, { role: s.role, selection: s.selection, networkType: s.networkType }, s.down ? 1 : 0);
        });
        const verdict = decideVerdict({ symptom, cells, subscriber: { fiveGEnabled }, provisional });
        expect(verdict.confidence).toBeGreaterThanOrEqual(0);
        expect(verdict.confidence).toBeLessThanOrEqual(1);
        expect(Math.round(verdict.confidence * 100) / 100).toBe(verdict.confidence);
        const ids = new Set(cells.map((c) => c.cellId));
        for (const e of verdict.evidence) expect(e.cellId === null || ids.has(e.cellId)).toBe(true);
        expect(verdict.summary.zh.length).toBeGreaterThan(0);
        expect(verdict.suggestedReply.en.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});

describe('decideVerdict texts', () => {
  it.each<[string, () => ReturnType<typeof decideVerdict>, RegExp, RegExp]>([
    ['OUTAGE', () => decideVerdict({ symptom: 'NO_SIGNAL', cells: [cellFrom({ unavailS: 900, periodS: 7200 }, { name: 'Xinhua Rd 1' }, 1)] }), /抢修/, /repairing/],
    ['CONGESTION', () => decideVerdict({ symptom: 'SLOW_DATA', cells: [badOn(['CONGESTION'])] }), /扩容/, /capacity/],
    ['WEAK_COVERAGE', () => decideVerdict({ symptom: 'WEAK_SIGNAL', cells: [badOn(['WEAK_COVERAGE'])] }), /覆盖/, /coverage/],
    ['USER_SIDE 5G', () => decideVerdict({ symptom: 'SLOW_DATA', cells: [cellFrom({}, { networkType: '5G' })], subscriber: { fiveGEnabled: false } }), /开通5G/, /enable 5G/],
    ['USER_SIDE VoLTE', () => decideVerdict({ symptom: 'POOR_VOICE', cells: [cellFrom({})], subscriber: { volteEnabled: false } }), /开通VoLTE/, /enable VoLTE/],
    ['NO_NETWORK_ISSUE', () => decideVerdict({ symptom: 'OTHER', cells: [cellFrom({})] }), /重启手机/, /restart your phone/],
    ['INSUFFICIENT_DATA', () => decideVerdict({ symptom: 'OTHER', cells: [] }), /与您联系/, /contact you/],
  ])('%s: the suggested reply says what happens next', (_case, verdict, zh, en) => {
    const v = verdict();
    expect(v.suggestedReply.zh).toMatch(zh);
    expect(v.suggestedReply.en).toMatch(en);
    expect(v.suggestedReply.zh.startsWith('您好')).toBe(true);
    expect(v.suggestedReply.en.startsWith('Hello')).toBe(true);
  });

  it('the summary names the cell, the value and the limit', () => {
    const cell = badOn(['HIGH_DROP_RATE'], { name: 'Xinhua Rd 2' });
    const v = decideVerdict({ symptom: 'CALL_DROP', cells: [cell] });
    expect(v.summary.zh).toBe('服务小区 Xinhua Rd 2掉线率3%（高于门限2%），判定为掉线率高，属网络问题。');
    expect(v.summary.en).toBe('Serving 4G cell Xinhua Rd 2: drop rate 3% (above the threshold of 2%), i.e. high drop rate. Network-related.');
    const outage = decideVerdict({ symptom: 'NO_SIGNAL', cells: [cellFrom({ unavailS: 900, periodS: 7200 }, { name: 'Xinhua Rd 1' }, 1)] });
    expect(outage.summary.en).toBe('Serving 4G cell Xinhua Rd 1 was out of service in the complaint window: availability 87.5% (below the threshold of 99%). Network-related.');
  });
});
