import type { UsageRecord } from '@cellscope/domain';
import { RepositoryContractFactory, useRepositoryContract } from './repository.contract';
import { UsageRepository } from './usage.repository';

const T0 = Date.parse('2026-11-20T08:00:00.000Z');
const MINUTE = 60_000;

/** A usage record from T0 + startMin to T0 + endMin. */
function buildUsage(msisdn: string, cellId: string, startMin: number, endMin: number, extra: Partial<UsageRecord> = {}): UsageRecord {
  return {
    msisdn,
    cellId,
    start: new Date(T0 + startMin * MINUTE),
    end: new Date(T0 + endMin * MINUTE),
    bytesDl: 1_500_000,
    bytesUl: 250_000,
    ...extra,
  };
}

const at = (minutes: number) => new Date(T0 + minutes * MINUTE);
const keyOf = (r: UsageRecord) => `${r.cellId}@${r.start.toISOString()}`;

/** Contract of UsageRepository: idempotent inserts, overlap look-ups, subscribers on cells, retention. */
export function describeUsageRepositoryContract(factory: RepositoryContractFactory<UsageRepository>): void {
  describe('UsageRepository contract', () => {
    const subject = useRepositoryContract(factory);

    it('returns the records of one subscriber that overlap a half-open window', async () => {
      const a = '8613800000001';
      await subject.repository().insertMany([
        buildUsage(a, 'ENDS-AT-FROM', -30, 0),
        buildUsage(a, 'STRADDLES-FROM', -10, 10),
        buildUsage(a, 'INSIDE', 20, 40),
        buildUsage(a, 'STRADDLES-TO', 50, 70),
        buildUsage(a, 'STARTS-AT-TO', 60, 90),
        buildUsage(a, 'COVERS', -60, 120),
        buildUsage('8613800000002', 'OTHER-SUBSCRIBER', 20, 40),
      ]);
      const found = await subject.repository().findForSubscriber(a, { from: at(0), to: at(60) });
      expect(found.map((r) => r.cellId)).toEqual(['COVERS', 'STRADDLES-FROM', 'INSIDE', 'STRADDLES-TO']);
      expect(found[2]).toEqual(buildUsage(a, 'INSIDE', 20, 40));
    });

    it('returns the overlapping records of many subscribers in one call, per msisdn', async () => {
      await subject.repository().insertMany([
        buildUsage('8613800000011', 'A1', 0, 30),
        buildUsage('8613800000011', 'A2', 90, 120),
        buildUsage('8613800000012', 'B1', 10, 20),
        buildUsage('8613800000013', 'C1', 10, 20),
      ]);
      const found = await subject.repository().findForSubscribers(['8613800000011', '8613800000012', '8613800000014'], { from: at(0), to: at(60) });
      expect([...found.keys()].sort()).toEqual(['8613800000011', '8613800000012']);
      expect(found.get('8613800000011')?.map((r) => r.cellId)).toEqual(['A1']);
      expect(found.get('8613800000012')?.[0]).toEqual(buildUsage('8613800000012', 'B1', 10, 20));
      expect((await subject.repository().findForSubscribers([], { from: at(0), to: at(60) })).size).toBe(0);
    });

    it('keeps one record per (msisdn, cellId, start), also within one batch', async () => {
      const m = '8613800000003';
      const record = buildUsage(m, 'C-1', 0, 10);
      await subject.repository().insertMany([record, { ...record, end: at(15) }, buildUsage(m, 'C-1', 10, 20)]);
      await subject.repository().insertMany([record]);
      const found = await subject.repository().findForSubscriber(m, { from: at(-60), to: at(60) });
      expect(found.map(keyOf)).toEqual([keyOf(record), keyOf(buildUsage(m, 'C-1', 10, 20))]);
      expect(found[0]?.end).toEqual(at(10));
    });

    it('keeps byte counters exact, large ones included, and absent ones absent', async () => {
      const m = '8613800000004';
      await subject.repository().insertMany([
        buildUsage(m, 'BIG', 0, 10, { bytesDl: 9_876_543_210_123, bytesUl: 0 }),
        buildUsage(m, 'NONE', 10, 20, { bytesDl: undefined, bytesUl: undefined }),
      ]);
      const [big, none] = await subject.repository().findForSubscriber(m, { from: at(0), to: at(20) });
      expect(big).toEqual(buildUsage(m, 'BIG', 0, 10, { bytesDl: 9_876_543_210_123, bytesUl: 0 }));
      expect(none).toEqual({ msisdn: m, cellId: 'NONE', start: at(10), end: at(20) });
      expect('bytesDl' in (none ?? {})).toBe(false);
    });

    it('lists distinct subscribers on cells since a time, up to a limit', async () => {
      await subject.repository().insertMany([
        buildUsage('8613800000010', 'C-1', 0, 30),
        buildUsage('8613800000010', 'C-2', 30, 60),
        buildUsage('8613800000011', 'C-2', 0, 60),
        buildUsage('8613800000012', 'C-1', -120, -60),
        buildUsage('8613800000013', 'C-3', 0, 60),
        buildUsage('8613800000014', 'C-1', 0, 5),
      ]);
      const since = at(0);
      expect(await subject.repository().findSubscribersOnCells(['C-1', 'C-2'], since, 10)).toEqual([
        '8613800000010',
        '8613800000011',
        '8613800000014',
      ]);
      expect(await subject.repository().findSubscribersOnCells(['C-1', 'C-2'], since, 2)).toHaveLength(2);
      expect(await subject.repository().findSubscribersOnCells(['C-1'], at(-200), 10)).toContain('8613800000012');
      expect(await subject.repository().findSubscribersOnCells([], since, 10)).toEqual([]);
    });

    it('deletes records that ended before a cutoff and says how many', async () => {
      const m = '8613800000020';
      await subject.repository().insertMany([
        buildUsage(m, 'OLD-1', -300, -200),
        buildUsage(m, 'OLD-2', -200, -100),
        buildUsage(m, 'ENDS-AT-CUTOFF', -100, 0),
        buildUsage(m, 'NEW', 0, 100),
      ]);
      expect(await subject.repository().deleteEndedBefore(at(0))).toBe(2);
      expect(await subject.repository().deleteEndedBefore(at(0))).toBe(0);
      const left = await subject.repository().findForSubscriber(m, { from: at(-1000), to: at(1000) });
      expect(left.map((r) => r.cellId)).toEqual(['ENDS-AT-CUTOFF', 'NEW']);
    });

    it('stores a batch of 25,000 records (several chunks) in one call', async () => {
      const records = Array.from({ length: 25_000 }, (_, i) =>
        buildUsage(`86139${String(i % 500).padStart(8, '0')}`, `C-${i % 50}`, Math.floor(i / 500) * 15, Math.floor(i / 500) * 15 + 15),
      );
      await subject.repository().insertMany(records);
      const one = await subject.repository().findForSubscriber('8613900000007', { from: at(0), to: at(50 * 15) });
      expect(one).toHaveLength(50);
      expect(await subject.repository().deleteEndedBefore(at(100_000))).toBe(25_000);
    });
  });
}
