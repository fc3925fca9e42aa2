import fc from 'fast-check';
import { legalHostileTextArbitrary } from './bad-kafka-records';

type Json = Record<string, unknown>;

const id = () => fc.stringMatching(/^[A-Za-z0-9._:-]{1,64}$/);
const msisdn = () => fc.stringMatching(/^1[3-9]\d{9}$/);
const timestamp = () =>
  fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2027-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().replace('.000Z', 'Z'));

/** A complete valid TicketEvent (every optional field present), the base the bad messages mutate. */
export const fullTicketEvent: fc.Arbitrary<Json> = fc.record({
  ticketId: id(),
  version: fc.integer({ min: 1, max: 1000 }),
  status: fc.constantFrom('OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'),
  msisdn: msisdn(),
  reportedAt: timestamp(),
  occurredAt: timestamp(),
  symptom: fc.constantFrom('SLOW_DATA', 'NO_DATA', 'CALL_DROP'),
  description: legalHostileTextArbitrary(2000),
  location: fc.record({ lat: fc.double({ min: -90, max: 90, noNaN: true }), lon: fc.double({ min: -180, max: 180, noNaN: true }), address: legalHostileTextArbitrary(200) }),
  cellIds: fc.array(id(), { maxLength: 5 }),
  subscriber: fc.record({ fiveGEnabled: fc.boolean(), volteEnabled: fc.boolean(), terminal: legalHostileTextArbitrary(100), plan: legalHostileTextArbitrary(100) }),
  region: legalHostileTextArbitrary(64),
});

/** A complete valid CellRecord. */
export const fullCellRecord: fc.Arbitrary<Json> = fc.record({
  cellId: id(),
  name: legalHostileTextArbitrary(200).filter((s) => s.length > 0),
  siteId: id(),
  siteName: legalHostileTextArbitrary(200),
  siteType: fc.constantFrom('MACRO', 'MICRO', 'PICO', 'INDOOR', 'OTHER'),
  networkType: fc.constantFrom('4G', '5G'),
  band: fc.constantFrom('B3', 'n78'),
  lat: fc.double({ min: -90, max: 90, noNaN: true }),
  lon: fc.double({ min: -180, max: 180, noNaN: true }),
  azimuth: fc.integer({ min: 0, max: 359 }),
  region: legalHostileTextArbitrary(64),
  vendor: legalHostileTextArbitrary(64),
  status: fc.constantFrom('ACTIVE', 'INACTIVE'),
});

/** A complete valid UsageRecord (end after start). */
export const fullUsageRecord: fc.Arbitrary<Json> = fc
  .record({ msisdn: msisdn(), cellId: id(), start: fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2027-01-01T00:00:00Z'), noInvalidDate: true }), minutes: fc.integer({ min: 1, max: 600 }), bytesDl: fc.nat(), bytesUl: fc.nat() })
  .map(({ start, minutes, ...rest }) => ({ ...rest, start: start.toISOString(), end: new Date(start.getTime() + minutes * 60_000).toISOString() }));

/** UsageRecords that break only the cross-field rule: end not after start. */
export const usageEndNotAfterStart: fc.Arbitrary<Json> = fc
  .tuple(fullUsageRecord, fc.integer({ min: 0, max: 600 }))
  .map(([record, minutes]) => ({ ...record, end: new Date(new Date(String(record.start)).getTime() - minutes * 60_000).toISOString() }));
