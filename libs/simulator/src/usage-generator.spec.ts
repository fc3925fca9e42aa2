import { UsageRecord } from '@cellscope/domain';
import { ScenarioTimeline } from './scenario-timeline';
import { USAGE_BLOCK_MS } from './usage-generator';

const NOW = Date.parse('2026-03-06T04:00:00Z'); // Friday noon local
const timeline = new ScenarioTimeline({ seed: 'usage', now: new Date(NOW), sites: 80, subscribers: 500, tickets: 40, historyHours: 72 });
const records = timeline.usageGenerator.records(timeline.from, NOW, timeline.from);
const bySubscriber = new Map<string, UsageRecord[]>();
for (const r of records) {
  const list = bySubscriber.get(r.msisdn);
  if (list) list.push(r);
  else bySubscriber.set(r.msisdn, [r]);
}
const minutes = (r: UsageRecord) => (+r.end - +r.start) / 60_000;

describe('UsageGenerator', () => {
  it('aggregates in 15-minute steps within hourly blocks, without overlaps per subscriber', () => {
    expect(records.length).toBeGreaterThan(500 * 72 * 0.8);
    const problems: string[] = [];
    for (const r of records) {
      if (!(+r.end > +r.start)) problems.push(`end ≤ start ${JSON.stringify(r)}`);
      if (minutes(r) % 15 !== 0 || minutes(r) > 60) problems.push(`length ${minutes(r)}`);
      if (Math.floor(+r.start / USAGE_BLOCK_MS) !== Math.floor((+r.end - 1) / USAGE_BLOCK_MS)) problems.push(`crosses an hour ${JSON.stringify(r)}`);
      if (!(r.bytesDl! >= 0 && r.bytesUl! >= 0 && r.bytesUl! <= r.bytesDl!)) problems.push(`bytes ${JSON.stringify(r)}`);
      if (+r.start < timeline.from) problems.push('before the history');
    }
    for (const list of bySubscriber.values()) {
      const sorted = [...list].sort((a, b) => +a.start - +b.start);
      for (let i = 1; i < sorted.length; i++) if (+sorted[i].start < +sorted[i - 1].end) problems.push(`overlap ${sorted[i].msisdn}`);
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('is the same block by block as in one go', () => {
    const block = Math.ceil(timeline.from / USAGE_BLOCK_MS) * USAGE_BLOCK_MS + 30 * USAGE_BLOCK_MS;
    const one: UsageRecord[] = [];
    timeline.usageGenerator.appendBlock(block, timeline.from, one);
    expect(one).toEqual(records.filter((r) => +r.start >= block && +r.start < block + USAGE_BLOCK_MS));
  });

  it('has no records for lines the probes do not see, nor on cells that are DOWN', () => {
    for (const s of timeline.subscribers.filter((x) => !x.probeVisible)) expect(bySubscriber.has(s.msisdn)).toBe(false);
    const outages = timeline.faultPlan.faultsBetween(timeline.from, NOW).filter((f) => f.kind === 'OUTAGE');
    expect(outages.length).toBeGreaterThan(0);
    const onDownCell = records.filter((r) => outages.some((f) => f.cellIds.includes(r.cellId) && +r.start < +f.to && +r.end > +f.from));
    expect(onDownCell).toEqual([]);
  });

  it('puts subscribers on their home cell at night and commuters on their work cell in office hours', () => {
    let night = 0;
    let nightHome = 0;
    let office = 0;
    let officeWork = 0;
    const bySub = new Map(timeline.subscribers.map((s) => [s.msisdn, s]));
    for (const r of records) {
      const s = bySub.get(r.msisdn)!;
      const hour = timeline.time.hourOfDay(r.start);
      const day = timeline.time.dayOf(r.start);
      if (hour < 6) {
        night += minutes(r);
        if (r.cellId === s.homeCellId) nightHome += minutes(r);
      }
      if (s.routine === 'COMMUTER' && !timeline.time.isWeekend(day) && hour >= 9.5 && hour < 11.5) {
        office += minutes(r);
        if (r.cellId === s.workCellId) officeWork += minutes(r);
      }
    }
    expect(nightHome / night).toBeGreaterThan(0.8);
    expect(officeWork / office).toBeGreaterThan(0.75);
  });
});
