import { generateRegion } from './region-generator';
import { NetworkTopology } from './network-topology';
import { generateSubscribers } from './subscriber-generator';

describe('generateSubscribers (default 2,000)', () => {
  const topology = new NetworkTopology(generateRegion({ seed: 5, sites: 150 }));
  const subscribers = generateSubscribers({ seed: 5, topology });

  it('is deterministic for a seed', () => {
    expect(generateSubscribers({ seed: 5, topology })).toEqual(subscribers);
    expect(generateSubscribers({ seed: 6, topology })).not.toEqual(subscribers);
  });

  it('gives unique 11-digit MSISDNs with Chinese mobile prefixes', () => {
    expect(subscribers).toHaveLength(2000);
    for (const s of subscribers) expect(s.msisdn).toMatch(/^1(3[0-2]|45|5[56]|66|7[56]|8[56])\d{8}$/);
    expect(new Set(subscribers.map((s) => s.msisdn)).size).toBe(2000);
  });

  it('enables 5G on about 70 % and VoLTE on about 90 % of lines, with fitting terminals and plans', () => {
    const share = (pred: (s: (typeof subscribers)[number]) => boolean) => subscribers.filter(pred).length / subscribers.length;
    expect(share((s) => s.fiveGEnabled)).toBeGreaterThan(0.66);
    expect(share((s) => s.fiveGEnabled)).toBeLessThan(0.74);
    expect(share((s) => s.volteEnabled)).toBeGreaterThan(0.87);
    expect(share((s) => s.volteEnabled)).toBeLessThan(0.93);
    expect(share((s) => !s.probeVisible)).toBeGreaterThan(0.02);
    expect(share((s) => !s.probeVisible)).toBeLessThan(0.07);
    for (const s of subscribers.filter((x) => x.fiveGEnabled)) expect(s.plan.startsWith('5G')).toBe(true);
  });

  it('houses every subscriber on active cells; lines without 5G only on 4G cells; commuters work elsewhere', () => {
    for (const s of subscribers) {
      for (const cellId of [s.homeCellId, s.workCellId]) {
        const index = topology.cellIndex(cellId);
        expect(index).toBeGreaterThanOrEqual(0);
        expect(topology.isActive(index)).toBe(true);
        if (!s.fiveGEnabled) expect(topology.is5G(index)).toBe(false);
      }
      if (s.routine === 'COMMUTER') {
        expect(topology.siteOfCell(topology.cellIndex(s.homeCellId))).not.toBe(topology.siteOfCell(topology.cellIndex(s.workCellId)));
      }
    }
    const onFiveG = subscribers.filter((s) => topology.is5G(topology.cellIndex(s.homeCellId))).length;
    expect(onFiveG).toBeGreaterThan(200);
  });
});
