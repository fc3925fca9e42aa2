import type { Ticket } from '@cellscope/domain';
import { RepositoryContractFactory, useRepositoryContract } from './repository.contract';
import { TicketRepository } from './ticket.repository';

let sequence = 0;

/** A complete ticket (every optional field set); unique ticketId unless given. */
function buildTicket(overrides: Partial<Ticket> = {}): Ticket {
  sequence += 1;
  return {
    ticketId: `WO-${Date.now().toString(36)}-${sequence}`,
    version: 1,
    status: 'OPEN',
    msisdn: `+86138${String(10_000_000 + sequence).slice(-8)}`,
    reportedAt: new Date('2026-11-20T08:15:30.123Z'),
    occurredAt: new Date('2026-11-20T07:45:00.000Z'),
    symptom: 'SLOW_DATA',
    description: '网速慢，视频卡顿 / video stalls',
    location: { lat: 40.8414, lon: 111.7519, address: '呼和浩特市新城区 1 号' },
    cellIds: ['CELL-A', 'CELL-B'],
    subscriber: { fiveGEnabled: true, volteEnabled: false, terminal: 'Phone X', plan: '5G-100' },
    region: 'HOHHOT',
    ...overrides,
  };
}

/** Contract of TicketRepository: versioned idempotent upserts, complaint numbers, look-ups. */
export function describeTicketRepositoryContract(factory: RepositoryContractFactory<TicketRepository>): void {
  describe('TicketRepository contract', () => {
    const subject = useRepositoryContract(factory);

    it('stores a new ticket, gives it a complaint number and finds it by either number', async () => {
      const ticket = buildTicket();
      const result = await subject.repository().upsert(ticket);
      expect(result.applied).toBe(true);
      expect(result.storedVersion).toBe(1);
      expect(result.complaintNo).toMatch(/^CS\d{8}\d{7,}$/);

      const byTicketId = await subject.repository().findByTicketIdOrComplaintNo(ticket.ticketId);
      const byComplaintNo = await subject.repository().findByTicketIdOrComplaintNo(result.complaintNo);
      expect(byTicketId).toEqual({ ...ticket, complaintNo: result.complaintNo, receivedAt: expect.any(Date) });
      expect(byComplaintNo).toEqual(byTicketId);
    });

    it('keeps optional fields absent when the ticket has none', async () => {
      const ticket: Ticket = {
        ticketId: buildTicket().ticketId,
        version: 1,
        status: 'OPEN',
        msisdn: '13800000000',
        reportedAt: new Date('2026-11-20T08:00:00Z'),
        occurredAt: new Date('2026-11-20T08:00:00Z'),
      };
      const { complaintNo } = await subject.repository().upsert(ticket);
      const stored = await subject.repository().findByTicketIdOrComplaintNo(ticket.ticketId);
      expect(stored).toEqual({ ...ticket, complaintNo, receivedAt: expect.any(Date) });
      expect(Object.keys(stored ?? {}).sort()).toEqual(
        ['complaintNo', 'msisdn', 'occurredAt', 'receivedAt', 'reportedAt', 'status', 'ticketId', 'version'],
      );
    });

    it('applies a newer version and keeps the complaint number and receivedAt', async () => {
      const v1 = buildTicket();
      const first = await subject.repository().upsert(v1);
      const before = await subject.repository().findByTicketIdOrComplaintNo(v1.ticketId);
      const v2 = { ...v1, version: 2, status: 'IN_PROGRESS' as const, location: undefined, region: 'BAOTOU' };
      const second = await subject.repository().upsert(v2);

      expect(second).toEqual({ applied: true, complaintNo: first.complaintNo, storedVersion: 2 });
      const stored = await subject.repository().findByTicketIdOrComplaintNo(v1.ticketId);
      expect(stored?.status).toBe('IN_PROGRESS');
      expect(stored?.region).toBe('BAOTOU');
      expect(stored?.location).toBeUndefined();
      expect(stored?.receivedAt).toEqual(before?.receivedAt);
    });

    it('never lets an older version overwrite a newer one', async () => {
      const v3 = buildTicket({ version: 3, status: 'RESOLVED' });
      const first = await subject.repository().upsert(v3);
      const stale = await subject.repository().upsert({ ...v3, version: 2, status: 'OPEN', description: 'old' });

      expect(stale).toEqual({ applied: false, complaintNo: first.complaintNo, storedVersion: 3 });
      const stored = await subject.repository().findByTicketIdOrComplaintNo(v3.ticketId);
      expect(stored?.status).toBe('RESOLVED');
      expect(stored?.description).toBe(v3.description);
    });

    it('treats the same version again as a duplicate (idempotent, not applied)', async () => {
      const ticket = buildTicket({ version: 4 });
      const first = await subject.repository().upsert(ticket);
      const again = await subject.repository().upsert({ ...ticket, status: 'CLOSED' });

      expect(again).toEqual({ applied: false, complaintNo: first.complaintNo, storedVersion: 4 });
      expect((await subject.repository().findByTicketIdOrComplaintNo(ticket.ticketId))?.status).toBe('OPEN');
    });

    it('gives every ticket its own complaint number', async () => {
      const results = await Promise.all(
        Array.from({ length: 20 }, () => subject.repository().upsert(buildTicket())),
      );
      expect(new Set(results.map((r) => r.complaintNo)).size).toBe(20);
    });

    it('ends with the highest version when versions arrive concurrently from two instances in any order', async () => {
      const peer = await subject.peer();
      const base = buildTicket();
      const versions = [7, 2, 9, 1, 5, 10, 3, 8, 4, 6];
      const results = await Promise.all(
        versions.map((version, i) =>
          (i % 2 === 0 ? subject.repository() : peer).upsert({ ...base, version, description: `v${version}` }),
        ),
      );
      const stored = await subject.repository().findByTicketIdOrComplaintNo(base.ticketId);
      expect(stored?.version).toBe(10);
      expect(stored?.description).toBe('v10');
      expect(results.find((_, i) => versions[i] === 10)?.applied).toBe(true);
      expect(new Set(results.map((r) => r.complaintNo)).size).toBe(1);
    });

    it('upserts a batch in order in one call, with the same version rules as upsert', async () => {
      const a = buildTicket();
      const b = buildTicket();
      const results = await subject.repository().upsertMany([
        { ...a, version: 2 },
        { ...b, version: 1 },
        { ...a, version: 1, status: 'CLOSED' },
        { ...a, version: 3, status: 'RESOLVED' },
      ]);
      expect(results.map((r) => [r.applied, r.storedVersion])).toEqual([
        [true, 2],
        [true, 1],
        [false, 2],
        [true, 3],
      ]);
      expect(results[0].complaintNo).toBe(results[3].complaintNo);
      expect((await subject.repository().findByTicketIdOrComplaintNo(a.ticketId))?.status).toBe('RESOLVED');
      expect(await subject.repository().upsertMany([])).toEqual([]);
    });

    it('upserts a batch over stored tickets as if one by one: stale, newer, duplicate and new tickets', async () => {
      const stored = buildTicket({ version: 3, status: 'IN_PROGRESS' });
      const storedResult = await subject.repository().upsert(stored);
      const fresh = buildTicket();
      const newest = { ...stored, version: 5, status: 'RESOLVED' as const, location: undefined, cellIds: ['X"1', 'Y\\2', 'a,b', '{c}'], region: undefined };
      const results = await subject.repository().upsertMany([
        { ...stored, version: 2, description: 'stale' },
        { ...fresh, version: 4 },
        { ...stored, version: 3, description: 'duplicate' },
        newest,
        { ...fresh, version: 4, status: 'CLOSED' },
        { ...stored, version: 5, description: 'same version again' },
        { ...stored, version: 4, description: 'older than the batch' },
      ]);

      expect(results.map((r) => [r.applied, r.storedVersion])).toEqual([
        [false, 3],
        [true, 4],
        [false, 3],
        [true, 5],
        [false, 4],
        [false, 5],
        [false, 5],
      ]);
      expect(new Set([storedResult.complaintNo, ...[0, 2, 3, 5, 6].map((i) => results[i].complaintNo)]).size).toBe(1);
      expect(results[4].complaintNo).toBe(results[1].complaintNo);
      expect(results[1].complaintNo).not.toBe(storedResult.complaintNo);
      expect(await subject.repository().findByTicketIdOrComplaintNo(stored.ticketId)).toEqual({
        ...newest,
        complaintNo: storedResult.complaintNo,
        receivedAt: expect.any(Date),
      });
      expect(await subject.repository().findByTicketIdOrComplaintNo(fresh.ticketId)).toEqual({
        ...fresh,
        version: 4,
        complaintNo: results[1].complaintNo,
        receivedAt: expect.any(Date),
      });
    });

    it('ends with the highest version when two instances upsert overlapping batches concurrently', async () => {
      const peer = await subject.peer();
      const tickets = Array.from({ length: 12 }, () => buildTicket());
      const batchOf = (offset: number) =>
        tickets.flatMap((t, i) => [1, 2, 3].map((k) => ({ ...t, version: ((i + k + offset) % 6) + 1, description: `v${((i + k + offset) % 6) + 1}` })));
      const [mine, theirs] = await Promise.all([
        subject.repository().upsertMany(batchOf(0)),
        peer.upsertMany(batchOf(3)),
        subject.repository().upsertMany(batchOf(1).reverse()),
      ]);
      const found = await subject.repository().findManyByIds(tickets.map((t) => t.ticketId));
      const highest = (i: number) => Math.max(...[0, 1, 3].flatMap((offset) => [1, 2, 3].map((k) => ((i + k + offset) % 6) + 1)));
      expect(found.map((t) => [t.ticketId, t.version, t.description])).toEqual(
        tickets
          .map((t, i) => [t.ticketId, highest(i), `v${highest(i)}`])
          .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      );
      // One complaint number per ticket, whichever instance inserted it.
      const numbers = new Map<string, Set<string>>();
      batchOf(0).forEach((t, i) => numbers.set(t.ticketId, (numbers.get(t.ticketId) ?? new Set()).add(mine[i].complaintNo)));
      batchOf(3).forEach((t, i) => numbers.get(t.ticketId)?.add(theirs[i].complaintNo));
      expect([...numbers.values()].every((set) => set.size === 1)).toBe(true);
      expect(new Set([...numbers.values()].map((set) => [...set][0])).size).toBe(tickets.length);
    });

    it('returns null for an unknown id', async () => {
      await subject.repository().upsert(buildTicket());
      expect(await subject.repository().findByTicketIdOrComplaintNo('no-such-ticket')).toBeNull();
    });

    it('finds many by ticketId, ordered, ignoring unknown and repeated ids', async () => {
      const b = buildTicket({ ticketId: 'MANY-B' });
      const a = buildTicket({ ticketId: 'MANY-A' });
      await subject.repository().upsert(b);
      await subject.repository().upsert(a);
      await subject.repository().upsert(buildTicket({ ticketId: 'MANY-C' }));

      const found = await subject.repository().findManyByIds(['MANY-B', 'unknown', 'MANY-A', 'MANY-B']);
      expect(found.map((t) => t.ticketId)).toEqual(['MANY-A', 'MANY-B']);
      expect(found[1]).toEqual({ ...b, complaintNo: expect.any(String), receivedAt: expect.any(Date) });
      expect(await subject.repository().findManyByIds([])).toEqual([]);
    });
  });
}
