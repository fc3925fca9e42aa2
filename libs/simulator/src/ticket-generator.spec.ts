import { DATA_SYMPTOMS, VOICE_SYMPTOMS, classifySymptom } from '@cellscope/domain';
import { SimulatedTicket } from './model/simulated-ticket';
import { buildScenario } from './scenario';

const NOW = new Date('2026-03-04T12:07:00Z');
const scenario = buildScenario({ seed: 'tickets', now: NOW, sites: 150, subscribers: 1000, tickets: 240, historyHours: 48 });
const subscribers = new Map(scenario.subscribers.map((s) => [s.msisdn, s]));
const cells = new Map(scenario.cells.map((c) => [c.cellId, c]));
const faults = new Map(scenario.faults.map((f) => [f.faultId, f]));
const first = (t: SimulatedTicket) => t.emissions[0].event;
const ofCase = (c: SimulatedTicket['ticketCase']) => scenario.tickets.filter((t) => t.ticketCase === c);

describe('TicketGenerator (through buildScenario)', () => {
  it('issues unique work-order numbers and valid MSISDNs, with +08:00 timestamps', () => {
    const ids = scenario.tickets.map((t) => t.ticketId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of scenario.tickets) {
      expect(t.ticketId).toMatch(/^WO\d{8}[0-9A-F]{4}\d{4}$/);
      expect(t.msisdn).toMatch(/^1\d{10}$/);
      expect(first(t).reportedAt).toMatch(/\+08:00$/);
      expect(+t.reportedAt).toBeGreaterThanOrEqual(+t.occurredAt);
      expect(first(t).region).toBe('呼和浩特');
    }
  });

  it('sends version 1 OPEN at reportedAt, then later versions in order with the same content', () => {
    const updated = scenario.tickets.filter((t) => t.emissions.length > 1);
    expect(updated.length).toBeGreaterThan(50);
    for (const t of scenario.tickets) {
      expect(+t.emissions[0].at).toBe(+t.reportedAt);
      t.emissions.forEach((e, i) => {
        expect(e.event.version).toBe(i + 1);
        expect(e.event.status).toBe(['OPEN', 'IN_PROGRESS', 'RESOLVED'][i]);
        if (i > 0) expect(+e.at).toBeGreaterThan(+t.emissions[i - 1].at);
        expect({ ...e.event, version: 1, status: 'OPEN' }).toEqual(first(t));
      });
    }
  });

  it('writes Chinese descriptions whose words name the expected symptom (free-text tickets have no symptom field)', () => {
    const chinese = scenario.tickets.filter((t) => /[\u4e00-\u9fff]/.test(first(t).description ?? ''));
    expect(chinese.length / scenario.tickets.length).toBeGreaterThan(0.9);
    const misread = scenario.tickets.filter((t) => classifySymptom(first(t).description) !== t.expected.symptom).map((t) => `${t.expected.symptom}: ${first(t).description}`);
    expect(misread).toEqual([]);
    const freeText = scenario.tickets.filter((t) => t.expected.symptomSource === 'CLASSIFIED');
    expect(freeText.length).toBeGreaterThan(15);
    for (const t of freeText) expect(first(t).symptom).toBeUndefined();
    for (const t of scenario.tickets.filter((x) => x.expected.symptomSource === 'TICKET')) expect(first(t).symptom).toBe(t.expected.symptom);
  });

  it('puts network-fault complaints on the faulty cell, during the fault, with a fitting symptom', () => {
    const fitting: Record<string, string[]> = {
      OUTAGE: ['NO_SIGNAL', 'NO_DATA', 'CALL_SETUP_FAILURE'],
      CONGESTION: ['SLOW_DATA', 'NO_DATA'],
      LOW_THROUGHPUT: ['SLOW_DATA'],
      WEAK_COVERAGE: ['WEAK_SIGNAL', 'NO_SIGNAL', 'POOR_VOICE'],
      HIGH_DROP_RATE: ['CALL_DROP', 'POOR_VOICE'],
      ACCESS_FAILURE: ['CALL_SETUP_FAILURE', 'NO_DATA'],
    };
    const network = ofCase('NETWORK_FAULT');
    expect(new Set(network.map((t) => t.expected.cause)).size).toBe(6);
    for (const t of network) {
      const fault = faults.get(t.expected.faultId!)!;
      expect(fault.kind).toBe(t.expected.cause);
      expect(fault.cellIds).toContain(t.expected.servingCellId);
      expect(+t.occurredAt).toBeGreaterThanOrEqual(+fault.from);
      expect(+t.occurredAt).toBeLessThan(+fault.to);
      expect(fitting[fault.kind]).toContain(t.expected.symptom);
      expect(t.expected.networkRelated).toBe(true);
    }
    const named = network.filter((t) => t.expected.selection === 'TICKET');
    for (const t of named) expect(first(t).cellIds).toEqual([t.expected.servingCellId]);
    const byLocation = scenario.tickets.filter((t) => t.expected.selection === 'LOCATION');
    expect(byLocation.length).toBeGreaterThan(3);
    for (const t of byLocation) {
      expect(subscribers.get(t.msisdn)!.probeVisible).toBe(false);
      expect(first(t).location?.address).toMatch(/^呼和浩特市/);
    }
  });

  it('builds user-side complaints from the line’s own settings', () => {
    const fiveG = ofCase('USER_SIDE_5G');
    const volte = ofCase('USER_SIDE_VOLTE');
    expect(fiveG.length).toBeGreaterThan(0);
    expect(volte.length).toBeGreaterThan(0);
    for (const t of fiveG) {
      expect(first(t).subscriber?.fiveGEnabled).toBe(false);
      expect(DATA_SYMPTOMS).toContain(t.expected.symptom);
      expect(cells.get(t.expected.servingCellId!)!.networkType).toBe('5G');
    }
    for (const t of volte) {
      expect(first(t).subscriber?.volteEnabled).toBe(false);
      expect(VOICE_SYMPTOMS).toContain(t.expected.symptom);
    }
  });

  it('leaves insufficient-data complaints without usable data', () => {
    const unknown = ofCase('UNKNOWN_SUBSCRIBER');
    expect(unknown.length).toBeGreaterThan(0);
    for (const t of unknown) {
      expect(subscribers.has(t.msisdn)).toBe(false);
      expect(scenario.usage.some((r) => r.msisdn === t.msisdn)).toBe(false);
      expect(first(t).location).toBeUndefined();
      expect(first(t).subscriber).toBeUndefined();
      expect(first(t).cellIds).toBeUndefined();
    }
    for (const t of ofCase('NO_USAGE_NO_LOCATION')) {
      expect(subscribers.get(t.msisdn)!.probeVisible).toBe(false);
      expect(first(t).location).toBeUndefined();
    }
    for (const t of ofCase('INACTIVE_CELL')) expect(cells.get(first(t).cellIds![0])!.status).toBe('INACTIVE');
    for (const t of scenario.tickets.filter((x) => x.expected.cause === 'INSUFFICIENT_DATA')) expect(t.expected.networkRelated).toBeNull();
  });
});
