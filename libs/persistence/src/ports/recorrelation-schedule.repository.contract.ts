import { RecorrelationScheduleRepository } from './recorrelation-schedule.repository';
import { RepositoryContractFactory, useRepositoryContract } from './repository.contract';

const MINUTE = 60_000;
const T0 = Date.parse('2026-11-20T10:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * MINUTE);
const LEASE_MS = 5 * MINUTE;

/** Contract of RecorrelationScheduleRepository: due claims with leases, earliest-due-wins, exclusive claimers. */
export function describeRecorrelationScheduleRepositoryContract(
  factory: RepositoryContractFactory<RecorrelationScheduleRepository>,
): void {
  describe('RecorrelationScheduleRepository contract', () => {
    const subject = useRepositoryContract(factory);

    it('claims only due entries, earliest first, up to the limit', async () => {
      const repository = subject.repository();
      await repository.schedule('T-LATER', at(30), 'late PM data');
      await repository.schedule('T-SECOND', at(-5), 'late PM data');
      await repository.schedule('T-FIRST', at(-10), 'late PM data');
      await repository.schedule('T-NOW', at(0), 'manual');

      expect(await repository.claimDue(at(0), 2, LEASE_MS)).toEqual(['T-FIRST', 'T-SECOND']);
      expect(await repository.claimDue(at(0), 10, LEASE_MS)).toEqual(['T-NOW']);
      expect(await repository.claimDue(at(0), 10, LEASE_MS)).toEqual([]);
      expect(await repository.pendingCount()).toBe(4);
    });

    it('does not hand out a claimed entry again until its lease ends', async () => {
      const repository = subject.repository();
      await repository.schedule('T-1', at(0), 'late PM data');
      expect(await repository.claimDue(at(1), 10, LEASE_MS)).toEqual(['T-1']);
      expect(await repository.claimDue(at(5), 10, LEASE_MS)).toEqual([]);
      // The claimer died: once the lease has run out, another claim gets it.
      expect(await repository.claimDue(at(6), 10, LEASE_MS)).toEqual(['T-1']);
    });

    it('keeps the earliest due time when a ticket is scheduled again', async () => {
      const repository = subject.repository();
      await repository.schedule('T-1', at(30), 'late PM data');
      await repository.schedule('T-1', at(10), 'new ticket version');
      await repository.schedule('T-1', at(50), 'late PM data');
      expect(await repository.pendingCount()).toBe(1);
      expect(await repository.claimDue(at(9), 10, LEASE_MS)).toEqual([]);
      expect(await repository.claimDue(at(10), 10, LEASE_MS)).toEqual(['T-1']);
    });

    it('lets the claimer put a claimed entry back with a later due time', async () => {
      const repository = subject.repository();
      await repository.schedule('T-1', at(0), 'late PM data');
      expect(await repository.claimDue(at(0), 10, LEASE_MS)).toEqual(['T-1']);
      await repository.schedule('T-1', at(30), 'still PROVISIONAL');
      expect(await repository.claimDue(at(10), 10, LEASE_MS)).toEqual([]);
      expect(await repository.claimDue(at(30), 10, LEASE_MS)).toEqual(['T-1']);
    });

    it('gives released claims back before their lease ends, due when asked', async () => {
      const repository = subject.repository();
      await repository.schedule('T-1', at(0), 'late PM data');
      await repository.schedule('T-2', at(0), 'late PM data');
      expect(await repository.claimDue(at(0), 10, LEASE_MS)).toEqual(['T-1', 'T-2']);
      await repository.release(['T-1', 'T-404'], at(2));
      expect(await repository.claimDue(at(1), 10, LEASE_MS)).toEqual([]);
      expect(await repository.claimDue(at(2), 10, LEASE_MS)).toEqual(['T-1']);
      await repository.release([], at(2));
      expect(await repository.pendingCount()).toBe(2);
    });

    it('schedules and completes batches in one call each', async () => {
      const repository = subject.repository();
      await repository.scheduleMany([
        { ticketId: 'T-1', dueAt: at(0), reason: 'late PM data' },
        { ticketId: 'T-2', dueAt: at(5), reason: 'late PM data' },
        { ticketId: 'T-3', dueAt: at(50), reason: 'late PM data' },
      ]);
      await repository.scheduleMany([{ ticketId: 'T-3', dueAt: at(1), reason: 'manual' }]);
      await repository.completeMany(['T-2', 'T-404']);
      expect(await repository.pendingCount()).toBe(2);
      expect(await repository.claimDue(at(5), 10, LEASE_MS)).toEqual(['T-1', 'T-3']);
      await repository.scheduleMany([]);
      await repository.completeMany([]);
      expect(await repository.pendingCount()).toBe(2);
    });

    it('removes completed entries', async () => {
      const repository = subject.repository();
      await repository.schedule('T-1', at(0), 'late PM data');
      await repository.schedule('T-2', at(0), 'late PM data');
      await repository.claimDue(at(0), 10, LEASE_MS);
      await repository.complete('T-1');
      await repository.complete('T-404');
      expect(await repository.pendingCount()).toBe(1);
      expect(await repository.claimDue(at(60), 10, LEASE_MS)).toEqual(['T-2']);
    });

    it('never gives the same entry to two concurrent claimers', async () => {
      const peer = await subject.peer();
      const repository = subject.repository();
      const ticketIds = Array.from({ length: 60 }, (_, i) => `T-${String(i).padStart(2, '0')}`);
      for (const ticketId of ticketIds) await repository.schedule(ticketId, at(-1 - (ticketId.length % 3)), 'late PM data');

      const claimed: string[][] = [];
      for (let round = 0; round < 3; round += 1) {
        const results = await Promise.all([
          repository.claimDue(at(0), 15, LEASE_MS),
          peer.claimDue(at(0), 15, LEASE_MS),
          repository.claimDue(at(0), 15, LEASE_MS),
          peer.claimDue(at(0), 15, LEASE_MS),
        ]);
        claimed.push(...results);
      }
      const all = claimed.flat();
      expect(all).toHaveLength(60);
      expect(new Set(all).size).toBe(60);
      expect([...all].sort()).toEqual(ticketIds);
    });
  });
}
