import { parseTicketEvent, toTicketEvent } from './ticket-event.dto';

const valid = {
  ticketId: 'WO-2026:12.04_1',
  version: 1,
  status: 'OPEN',
  msisdn: '+8613812345678',
  reportedAt: '2026-12-04T20:15:00+08:00',
};

describe('parseTicketEvent', () => {
  it('accepts a minimal valid event and defaults occurredAt to reportedAt', () => {
    const r = parseTicketEvent(valid);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.occurredAt.toISOString()).toBe('2026-12-04T12:15:00.000Z');
    expect(r.value.reportedAt.getTime()).toBe(r.value.occurredAt.getTime());
  });

  it('keeps all optional fields and drops unknown ones', () => {
    const r = parseTicketEvent({
      ...valid,
      occurredAt: '2026-12-04T19:40:00+08:00',
      symptom: 'SLOW_DATA',
      description: '家里5G网速很慢',
      location: { lat: 40.84, lon: 111.75, address: '新城区' },
      cellIds: ['460-01-1-1', '460-01-1-1', '460-01-1-2'],
      subscriber: { fiveGEnabled: false, volteEnabled: true, terminal: 'Mate 60' },
      region: 'Hohhot',
      futureField: 'ignored',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.cellIds).toEqual(['460-01-1-1', '460-01-1-2']);
    expect(r.value.subscriber).toEqual({ fiveGEnabled: false, volteEnabled: true, terminal: 'Mate 60', plan: undefined });
    expect((r.value as unknown as Record<string, unknown>).futureField).toBeUndefined();
    expect(toTicketEvent(r.value).occurredAt).toBe('2026-12-04T11:40:00.000Z');
  });

  it.each([
    ['not an object', 'hello', '$'],
    ['array', [valid], '$'],
    ['null', null, '$'],
    ['missing ticketId', { ...valid, ticketId: undefined }, 'ticketId'],
    ['ticketId with a quote', { ...valid, ticketId: "a'b" }, 'ticketId'],
    ['ticketId too long', { ...valid, ticketId: 'x'.repeat(65) }, 'ticketId'],
    ['version as string', { ...valid, version: '2' }, 'version'],
    ['version zero', { ...valid, version: 0 }, 'version'],
    ['version fractional', { ...valid, version: 1.5 }, 'version'],
    ['unknown status', { ...valid, status: 'REOPENED' }, 'status'],
    ['msisdn with letters', { ...valid, msisdn: '1381234abcd' }, 'msisdn'],
    ['msisdn too short', { ...valid, msisdn: '1234567' }, 'msisdn'],
    ['reportedAt without offset', { ...valid, reportedAt: '2026-12-04T20:15:00' }, 'reportedAt'],
    ['reportedAt impossible', { ...valid, reportedAt: '2026-13-45T20:15:00Z' }, 'reportedAt'],
    ['unknown symptom', { ...valid, symptom: 'SLOW' }, 'symptom'],
    ['description too long', { ...valid, description: 'x'.repeat(2001) }, 'description'],
    ['lat out of range', { ...valid, location: { lat: 91, lon: 0 } }, 'location.lat'],
    ['lon not a number', { ...valid, location: { lat: 1, lon: '2' } }, 'location.lon'],
    ['location not an object', { ...valid, location: 'here' }, 'location'],
    ['location an empty array', { ...valid, location: [] }, 'location'],
    ['location an array of locations', { ...valid, location: [{ lat: 1, lon: 2 }] }, 'location'],
    ['subscriber an empty array', { ...valid, subscriber: [] }, 'subscriber'],
    ['too many cells', { ...valid, cellIds: Array.from({ length: 21 }, (_, i) => `c${i}`) }, 'cellIds'],
    ['bad cell id', { ...valid, cellIds: ['ok', 'bad id'] }, 'cellIds'],
    ['fiveGEnabled as string', { ...valid, subscriber: { fiveGEnabled: 'yes' } }, 'subscriber.fiveGEnabled'],
    ['region too long', { ...valid, region: 'r'.repeat(65) }, 'region'],
  ])('rejects %s naming the field', (_name, raw, field) => {
    const r = parseTicketEvent(raw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field)).toContain(field);
  });
});
