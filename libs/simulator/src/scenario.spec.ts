import { createHash } from 'node:crypto';
import {
  CellKpiInterval,
  CellKpiSums,
  DEFAULT_THRESHOLDS,
  UsageRecord,
  VERDICT_CAUSES,
  assembleNetworkView,
  distanceMetres,
  evaluationWindow,
  selectCells,
  sumIntervals,
} from '@cellscope/domain';
import { parseCellRecord, parseTicketEvent, parseUsageRecord } from '@cellscope/contracts';
import { Scenario, buildScenario } from './scenario';
import { summarizeScenario } from './scenario-summary';

const NOW = new Date('2026-03-04T12:07:00Z');

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** What the correlator's domain logic concludes for a ticket from the data delivered by `now`. */
function correlate(scenario: Scenario) {
  const usageBy = groupBy<UsageRecord>(scenario.usage, (r) => r.msisdn);
  const kpisBy = groupBy<CellKpiInterval>(scenario.kpis, (i) => i.cellId);
  return (event: unknown) => {
    const parsed = parseTicketEvent(event);
    if (!parsed.ok) throw new Error(`invalid ticket event: ${JSON.stringify(parsed.errors)}`);
    const ticket = parsed.value;
    const window = evaluationWindow(ticket.occurredAt, 60);
    const from = +window.from;
    const to = +window.to;
    const usage = usageBy.get(ticket.msisdn) ?? [];
    const nearby = ticket.location ? scenario.cells.filter((c) => distanceMetres(ticket.location!, c) <= 2000) : [];
    const selected = selectCells({
      ticket,
      window,
      usageInWindow: usage.filter((r) => +r.start < to && +r.end > from),
      usageHistory: usage.filter((r) => +r.start < from),
      nearbyCells: nearby,
    });
    const windowSums = new Map<string, CellKpiSums>();
    for (const sel of selected) {
      const intervals = (kpisBy.get(sel.cellId) ?? []).filter((i) => +i.time >= from && +i.time < to);
      if (intervals.length > 0) windowSums.set(sel.cellId, sumIntervals(sel.cellId, intervals));
    }
    return assembleNetworkView({
      ticket,
      complaintNo: 'C1',
      selected,
      cells: scenario.cells,
      windowSums,
      baselineSums: new Map(),
      baselineDays: 7,
      thresholds: DEFAULT_THRESHOLDS,
      kpiDataThrough: scenario.kpiDataThrough,
      window,
      now: scenario.now,
    });
  };
}

describe('buildScenario (default size: 300 sites, 2,000 subscribers, 300 tickets, 48 h)', () => {
  let scenario: Scenario;
  let cpuMs: number;

  beforeAll(() => {
    const before = process.cpuUsage();
    scenario = buildScenario({ seed: 42, now: NOW });
    const used = process.cpuUsage(before);
    cpuMs = (used.user + used.system) / 1000;
  });

  it('builds the default scenario fast (CPU time; the 2 s target is measured by bench/simulator.bench.ts)', () => {
    // Jest's sandbox slows hot code several-fold, and the CI machine may be shared: a loose regression bound.
    expect(cpuMs).toBeLessThan(8000);
    expect(scenario.cells.length).toBeGreaterThan(800);
    expect(scenario.kpis.length).toBeGreaterThan(140_000);
    expect(scenario.usage.length).toBeGreaterThan(100_000);
  });

  it('has exactly the requested number of tickets, reported by now, and every verdict cause among them', () => {
    expect(scenario.tickets).toHaveLength(300);
    for (const ticket of scenario.tickets) {
      expect(+ticket.reportedAt).toBeLessThanOrEqual(+NOW);
      expect(+ticket.occurredAt).toBeGreaterThanOrEqual(+scenario.from + 60 * 60_000);
    }
    const summary = summarizeScenario(scenario);
    for (const cause of VERDICT_CAUSES) expect(summary.tickets.byExpectedCause[cause]).toBeGreaterThan(0);
    // Largest-remainder allocation of the default mix (26 % healthy, 12 % congestion, …) per day.
    expect(summary.tickets.byExpectedCause.NO_NETWORK_ISSUE).toBeGreaterThanOrEqual(70);
    expect(summary.tickets.freeText).toBeGreaterThan(20);
  });

  it('leads the domain correlation logic to the expected verdict for every ticket whose data is complete', () => {
    const view = correlate(scenario);
    const complete = scenario.tickets.filter((t) => +t.expected.dataCompleteAt <= +scenario.now);
    expect(complete.length).toBeGreaterThan(250);
    const mismatches: string[] = [];
    for (const ticket of complete) {
      const v = view(ticket.emissions[0].event);
      const serving = v.cells.find((c) => c.role === 'SERVING')?.cellId ?? null;
      const expected = ticket.expected;
      const selection = v.cells.length === 0 ? 'NONE' : v.cells[0].selection;
      if (
        v.verdict.cause !== expected.cause ||
        v.symptom !== expected.symptom ||
        v.symptomSource !== expected.symptomSource ||
        selection !== expected.selection ||
        serving !== expected.servingCellId ||
        v.verdict.networkRelated !== expected.networkRelated
      ) {
        mismatches.push(
          `${ticket.ticketId} ${ticket.ticketCase}: expected ${expected.cause}/${expected.symptom}/${expected.selection}/${expected.servingCellId}, ` +
            `got ${v.verdict.cause}/${v.symptom}/${selection}/${serving}`,
        );
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('delivers only contract-valid records', () => {
    for (const cell of scenario.cells) expect(parseCellRecord(JSON.parse(JSON.stringify(cell))).ok).toBe(true);
    for (const event of scenario.ticketEvents) {
      const parsed = parseTicketEvent(JSON.parse(JSON.stringify(event)));
      expect(parsed.ok ? 'ok' : parsed.errors).toBe('ok');
    }
    for (const record of scenario.usage.filter((_, i) => i % 97 === 0)) {
      const wire = { ...record, start: record.start.toISOString(), end: record.end.toISOString() };
      expect(parseUsageRecord(wire).ok).toBe(true);
    }
  });

  it('reports kpiDataThrough as the end of the newest delivered interval, 30–60 minutes behind now', () => {
    const newest = scenario.kpis.reduce((max, i) => Math.max(max, +i.time), -Infinity);
    expect(scenario.kpiDataThrough?.getTime()).toBe(newest + 15 * 60_000);
    const lagMinutes = (+NOW - newest - 15 * 60_000) / 60_000;
    expect(lagMinutes).toBeGreaterThanOrEqual(30);
    expect(lagMinutes).toBeLessThanOrEqual(60);
    expect(scenario.kpis.reduce((min, i) => Math.min(min, +i.time), Infinity)).toBeGreaterThanOrEqual(+scenario.from);
  });
});

describe.each([
  ['seed 1, weekday noon', 1, '2026-03-04T04:00:00Z'],
  ['seed 7, local midnight', 7, '2026-03-06T16:00:00Z'],
  ['text seed, weekend evening', 'weekend', '2026-03-08T12:30:00Z'],
])('ground truth holds for other seeds and times (%s)', (_label, seed, now) => {
  it('every data-complete ticket gets its expected verdict from the domain logic', () => {
    const scenario = buildScenario({ seed, now: new Date(now), sites: 120, subscribers: 800, tickets: 150, historyHours: 36 });
    const view = correlate(scenario);
    const complete = scenario.tickets.filter((t) => +t.expected.dataCompleteAt <= +scenario.now);
    expect(complete.length).toBeGreaterThan(100);
    const wrong = complete
      .map((t) => ({ t, v: view(t.emissions[0].event) }))
      .filter(({ t, v }) => v.verdict.cause !== t.expected.cause)
      .map(({ t, v }) => `${t.ticketId} ${t.ticketCase} expected ${t.expected.cause}, got ${v.verdict.cause}`);
    expect(wrong).toEqual([]);
  });
});

describe('buildScenario determinism and streaming (small scenario)', () => {
  const options = { seed: 'hohhot-demo', now: NOW, sites: 40, subscribers: 300, tickets: 60, historyHours: 30 };

  it('gives the same scenario for the same seed and a different one for another seed', () => {
    const a = buildScenario(options);
    const b = buildScenario(options);
    const c = buildScenario({ ...options, seed: 'other' });
    const parts = (s: Scenario) => [s.cells, s.subscribers, s.faults, s.kpis, s.usage, s.ticketEvents, s.tickets.map((t) => t.expected)].map(digest);
    expect(parts(a)).toEqual(parts(b));
    const pa = parts(a);
    parts(c).forEach((part, i) => expect(part).not.toBe(pa[i]));
  });

  it('continues the snapshot live: the stream hands out the same data whatever the step size', () => {
    const coarse = buildScenario(options).stream().advance(6 * 60);
    const fine = [...buildScenario(options).stream().steps(7, new Date(+NOW + 6 * 3600_000))];
    expect(digest(fine.flatMap((d) => d.kpis))).toBe(digest(coarse.kpis));
    expect(digest(fine.flatMap((d) => d.usage))).toBe(digest(coarse.usage));
    expect(digest(fine.flatMap((d) => d.ticketEvents))).toBe(digest(coarse.ticketEvents));
    expect(coarse.kpis.length).toBeGreaterThan(0);
    expect(coarse.usage.length).toBeGreaterThan(0);
    expect(coarse.ticketEvents.length).toBeGreaterThan(0);
    expect(coarse.kpiDataThrough!.getTime()).toBeGreaterThan(+buildScenario(options).kpiDataThrough!);
  });

  it('snapshot + stream equals a later snapshot for the KPI data (same history start)', () => {
    const early = buildScenario(options);
    const delta = early.stream().advance(3 * 60);
    const later = buildScenario({ ...options, now: new Date(+NOW + 3 * 3600_000), historyHours: options.historyHours + 3 });
    expect(+later.from).toBe(+early.from);
    const key = (i: CellKpiInterval) => `${i.cellId}@${i.time.toISOString()}`;
    const combined = new Map([...early.kpis, ...delta.kpis].map((i) => [key(i), i]));
    expect(combined.size).toBe(early.kpis.length + delta.kpis.length);
    expect(digest([...combined.keys()].sort())).toBe(digest(later.kpis.map(key).sort()));
    expect(digest(later.kpis.map((i) => combined.get(key(i))))).toBe(digest(later.kpis));
  });

  it('streams new tickets after now with their ground truth, and new versions of earlier ones', () => {
    const scenario = buildScenario(options);
    const delta = scenario.stream().advance(24 * 60);
    expect(delta.newTickets.length).toBeGreaterThan(10);
    for (const ticket of delta.newTickets) expect(+ticket.reportedAt).toBeGreaterThan(+NOW);
    const known = new Set(scenario.tickets.map((t) => t.ticketId));
    expect(delta.ticketEvents.some((e) => known.has(e.ticketId) && e.version > 1)).toBe(true);
    expect(delta.faultsStarted.length).toBeGreaterThan(0);
  });

  it('rejects nonsense options', () => {
    expect(() => buildScenario({ ...options, tickets: -1 })).toThrow(RangeError);
    expect(() => buildScenario({ ...options, sites: 0 })).toThrow(RangeError);
    expect(() => buildScenario({ ...options, now: new Date('nope') })).toThrow(RangeError);
  });
});
