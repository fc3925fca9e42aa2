import type { CellKpis, CellRole, KpiValue, NetworkView, VerdictCause, ViewCell, ViewStatus } from '@cellscope/domain';
import { NetworkViewRepository } from './network-view.repository';
import { RepositoryContractFactory, useRepositoryContract } from './repository.contract';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-11-20T00:00:00.000Z');
const at = (hours: number) => new Date(T0 + hours * HOUR);

function kpi(value: number | null, unit: KpiValue['unit'], status: KpiValue['status'], warn?: number, bad?: number): KpiValue {
  const result: KpiValue = { value, unit, status };
  if (warn !== undefined) result.warn = warn;
  if (bad !== undefined) result.bad = bad;
  return result;
}

function buildKpis(): CellKpis {
  return {
    prbUtilizationDl: kpi(85.2, '%', 'BAD', 70, 80),
    accessSuccessRate: kpi(99.5, '%', 'OK', 99, 98),
    dropRate: kpi(0.4, '%', 'OK', 1, 2),
    goodCoverageRate: kpi(null, '%', 'NO_DATA', 95, 90),
    userDlThroughputMbps: kpi(42.75, 'Mbit/s', 'BAD', 100, 50),
    availability: kpi(100, '%', 'OK', 99.9, 99),
    dailyTrafficGb: kpi(312.5, 'GB/day', 'OK'),
  };
}

function buildCell(cellId: string, role: CellRole): ViewCell {
  return {
    cellId,
    role,
    selection: 'USAGE',
    usageShare: role === 'SERVING' ? 0.75 : 0.25,
    name: `Cell ${cellId}`,
    siteId: `SITE-${cellId}`,
    siteType: 'MACRO',
    networkType: '5G',
    kpis: buildKpis(),
    findings: [{ code: 'prbUtilizationDl_BAD', kpi: 'prbUtilizationDl', value: 85.2, threshold: 80 }],
  };
}

interface ViewSpec {
  ticketId: string;
  occurredHours?: number;
  msisdn?: string;
  cells?: [string, CellRole][];
  cause?: VerdictCause;
  status?: ViewStatus;
  version?: number;
}

/** A complete view; networkRelated follows the cause. */
function buildView(spec: ViewSpec): NetworkView {
  const occurredAt = at(spec.occurredHours ?? 10);
  const cause = spec.cause ?? 'CONGESTION';
  const networkRelated = cause === 'INSUFFICIENT_DATA' ? null : !['USER_SIDE', 'NO_NETWORK_ISSUE'].includes(cause);
  return {
    ticketId: spec.ticketId,
    complaintNo: `CS-${spec.ticketId}`,
    status: spec.status ?? 'FINAL',
    version: spec.version ?? 1,
    msisdn: spec.msisdn ?? '8613800000001',
    symptom: 'SLOW_DATA',
    symptomSource: 'CLASSIFIED',
    reportedAt: new Date(occurredAt.getTime() + 0.5 * HOUR).toISOString(),
    occurredAt: occurredAt.toISOString(),
    window: { from: new Date(occurredAt.getTime() - HOUR).toISOString(), to: new Date(occurredAt.getTime() + HOUR).toISOString() },
    kpiDataThrough: new Date(occurredAt.getTime() + 2 * HOUR).toISOString(),
    userSide: { fiveGEnabled: true, volteEnabled: true, terminal: 'Phone X' },
    cells: (spec.cells ?? [['C-1', 'SERVING'], ['C-2', 'NEIGHBOR']]).map(([cellId, role]) => buildCell(cellId, role)),
    verdict: {
      networkRelated,
      cause,
      confidence: 0.85,
      summary: { zh: '小区拥塞', en: 'The serving cell is congested' },
      evidence: [{ cellId: 'C-1', code: 'prbUtilizationDl_BAD', kpi: 'prbUtilizationDl', value: 85.2, threshold: 80 }],
      suggestedReply: { zh: '您好，…', en: 'Hello, …' },
    },
    correlatedAt: new Date(occurredAt.getTime() + 3 * HOUR).toISOString(),
  };
}

/** Contract of NetworkViewRepository: versioned saves with change detection, search, hot-spots, serving cells. */
export function describeNetworkViewRepositoryContract(factory: RepositoryContractFactory<NetworkViewRepository>): void {
  describe('NetworkViewRepository contract', () => {
    const subject = useRepositoryContract(factory);

    it('stores a new view and finds it by ticketId and by complaintNo', async () => {
      const view = { ...buildView({ ticketId: 'T-1' }), incidentId: 'INC-7' };
      expect(await subject.repository().save(view)).toEqual({ applied: true, changed: true });
      expect(await subject.repository().findByTicketIdOrComplaintNo('T-1')).toEqual(view);
      expect(await subject.repository().findByTicketIdOrComplaintNo('CS-T-1')).toEqual(view);
      expect(await subject.repository().findByTicketIdOrComplaintNo('T-404')).toBeNull();
    });

    it('reports no change when only correlatedAt differs, yet stores the new correlatedAt', async () => {
      const view = buildView({ ticketId: 'T-1' });
      await subject.repository().save(view);
      const again = { ...view, correlatedAt: at(20).toISOString() };
      expect(await subject.repository().save(again)).toEqual({ applied: true, changed: false });
      expect((await subject.repository().findByTicketIdOrComplaintNo('T-1'))?.correlatedAt).toBe(at(20).toISOString());
    });

    it('reports a change when a re-correlation of the same version finds something else', async () => {
      const provisional = buildView({ ticketId: 'T-1', status: 'PROVISIONAL' });
      await subject.repository().save(provisional);
      const final = { ...provisional, status: 'FINAL' as const };
      expect(await subject.repository().save(final)).toEqual({ applied: true, changed: true });
      expect((await subject.repository().findByTicketIdOrComplaintNo('T-1'))?.status).toBe('FINAL');
    });

    it('never lets a view of an older ticket version overwrite a newer one', async () => {
      await subject.repository().save(buildView({ ticketId: 'T-1', version: 3, cause: 'OUTAGE' }));
      const stale = buildView({ ticketId: 'T-1', version: 2, cause: 'NO_NETWORK_ISSUE' });
      expect(await subject.repository().save(stale)).toEqual({ applied: false, changed: false });
      const stored = await subject.repository().findByTicketIdOrComplaintNo('T-1');
      expect(stored?.version).toBe(3);
      expect(stored?.verdict.cause).toBe('OUTAGE');
      const newer = buildView({ ticketId: 'T-1', version: 4, cause: 'OUTAGE' });
      expect(await subject.repository().save(newer)).toEqual({ applied: true, changed: true });
    });

    it('saves a batch in one call with the same rules as save, one result per view in order', async () => {
      await subject.repository().save(buildView({ ticketId: 'T-OLD', version: 5 }));
      await subject.repository().save(buildView({ ticketId: 'T-SAME', cells: [['C-1', 'SERVING']] }));
      const batch = [
        buildView({ ticketId: 'T-NEW', cells: [['C-9', 'SERVING'], ['C-8', 'NEIGHBOR']] }),
        buildView({ ticketId: 'T-OLD', version: 4, cause: 'OUTAGE' }),
        { ...buildView({ ticketId: 'T-SAME', cells: [['C-1', 'SERVING']] }), correlatedAt: at(30).toISOString() },
      ];
      expect(await subject.repository().saveMany(batch)).toEqual([
        { applied: true, changed: true },
        { applied: false, changed: false },
        { applied: true, changed: false },
      ]);
      expect((await subject.repository().findByTicketIdOrComplaintNo('T-OLD'))?.version).toBe(5);
      const page = await subject.repository().search({ cellId: 'C-8', limit: 10, offset: 0 });
      expect(page.items.map((v) => v.ticketId)).toEqual(['T-NEW']);
      expect(await subject.repository().saveMany([])).toEqual([]);
    });

    it('hands only the views whose stored content changed to beforeCommit', async () => {
      await subject.repository().save(buildView({ ticketId: 'T-OLD', version: 5 }));
      await subject.repository().save(buildView({ ticketId: 'T-SAME' }));
      const fresh = buildView({ ticketId: 'T-NEW' });
      const batch = [buildView({ ticketId: 'T-OLD', version: 4 }), fresh, { ...buildView({ ticketId: 'T-SAME' }), correlatedAt: at(30).toISOString() }];
      const seen: string[][] = [];
      await subject.repository().saveMany(batch, {
        beforeCommit: async (changed) => {
          seen.push(changed.map((v) => v.ticketId));
        },
      });
      expect(seen).toEqual([['T-NEW']]);
      const unchanged: string[][] = [];
      await subject.repository().saveMany([fresh], { beforeCommit: async (changed) => void unchanged.push(changed.map((v) => v.ticketId)) });
      expect(unchanged).toEqual([]);
    });

    it('hands beforeCommit the JSON text it stores for each changed view', async () => {
      const batch = [buildView({ ticketId: 'T-DOC-1' }), buildView({ ticketId: 'T-DOC-2', status: 'PROVISIONAL' })];
      const handed: { ids: string[]; documents: unknown[] }[] = [];
      await subject.repository().saveMany(batch, {
        beforeCommit: async (changed, documents) => {
          handed.push({ ids: changed.map((v) => v.ticketId), documents: documents.map((d) => JSON.parse(d)) });
        },
      });
      expect(handed).toEqual([{ ids: ['T-DOC-1', 'T-DOC-2'], documents: batch }]);
      expect(await subject.repository().findByTicketIdOrComplaintNo('T-DOC-2')).toEqual(handed[0].documents[1]);
    });

    it('stores nothing of the batch when beforeCommit fails, so the retry reports the views as changed again', async () => {
      await subject.repository().save(buildView({ ticketId: 'T-1', status: 'PROVISIONAL' }));
      const batch = [buildView({ ticketId: 'T-1', status: 'FINAL' }), buildView({ ticketId: 'T-2' })];
      const publishFails = async () => {
        throw new Error('broker unavailable');
      };
      await expect(subject.repository().saveMany(batch, { beforeCommit: publishFails })).rejects.toThrow('broker unavailable');
      expect((await subject.repository().findByTicketIdOrComplaintNo('T-1'))?.status).toBe('PROVISIONAL');
      expect(await subject.repository().findByTicketIdOrComplaintNo('T-2')).toBeNull();
      const published: string[] = [];
      const results = await subject.repository().saveMany(batch, { beforeCommit: async (changed) => void published.push(...changed.map((v) => v.ticketId)) });
      expect(results).toEqual([
        { applied: true, changed: true },
        { applied: true, changed: true },
      ]);
      expect(published).toEqual(['T-1', 'T-2']);
    });

    it('ends with the newest version when two instances save concurrently, first saves included', async () => {
      const peer = await subject.peer();
      const versions = [3, 6, 1, 5, 2, 4];
      for (const ticketId of ['T-RACE-1', 'T-RACE-2', 'T-RACE-3', 'T-RACE-4']) {
        // allSettled: a failed save must not leave the others running into the next test.
        const outcomes = await Promise.allSettled(
          versions.map((version, i) => (i % 2 === 0 ? subject.repository() : peer).save(buildView({ ticketId, version }))),
        );
        expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
        expect((await subject.repository().findByTicketIdOrComplaintNo(ticketId))?.version).toBe(6);
      }
    });

    describe('search', () => {
      beforeEach(async () => {
        const repository = subject.repository();
        await repository.save(buildView({ ticketId: 'S-1', occurredHours: 1, msisdn: '111', cells: [['A', 'SERVING']], cause: 'CONGESTION' }));
        await repository.save(buildView({ ticketId: 'S-2', occurredHours: 2, msisdn: '222', cells: [['B', 'SERVING'], ['A', 'NEIGHBOR']], cause: 'OUTAGE' }));
        await repository.save(buildView({ ticketId: 'S-3', occurredHours: 3, msisdn: '111', cells: [['B', 'SERVING']], cause: 'CONGESTION', status: 'PROVISIONAL' }));
        await repository.save(buildView({ ticketId: 'S-4', occurredHours: 4, msisdn: '333', cells: [], cause: 'INSUFFICIENT_DATA', status: 'PENDING' }));
        await repository.save(buildView({ ticketId: 'S-5', occurredHours: 5, msisdn: '111', cells: [['C', 'SERVING']], cause: 'NO_NETWORK_ISSUE' }));
      });
      const ids = (page: { items: NetworkView[] }) => page.items.map((v) => v.ticketId);

      it('returns everything newest first with the total', async () => {
        const page = await subject.repository().search({ limit: 10, offset: 0 });
        expect(page.total).toBe(5);
        expect(ids(page)).toEqual(['S-5', 'S-4', 'S-3', 'S-2', 'S-1']);
      });

      it('filters by msisdn, cause, status and occurredAt range [from, to)', async () => {
        expect(ids(await subject.repository().search({ msisdn: '111', limit: 10, offset: 0 }))).toEqual(['S-5', 'S-3', 'S-1']);
        expect(ids(await subject.repository().search({ cause: 'CONGESTION', limit: 10, offset: 0 }))).toEqual(['S-3', 'S-1']);
        expect(ids(await subject.repository().search({ status: 'PENDING', limit: 10, offset: 0 }))).toEqual(['S-4']);
        expect(ids(await subject.repository().search({ from: at(2), to: at(4), limit: 10, offset: 0 }))).toEqual(['S-3', 'S-2']);
        const combined = await subject.repository().search({ msisdn: '111', cause: 'CONGESTION', status: 'FINAL', limit: 10, offset: 0 });
        expect(ids(combined)).toEqual(['S-1']);
        expect(combined.total).toBe(1);
      });

      it('filters by cell in any role, following re-saves', async () => {
        expect(ids(await subject.repository().search({ cellId: 'A', limit: 10, offset: 0 }))).toEqual(['S-2', 'S-1']);
        await subject.repository().save(buildView({ ticketId: 'S-2', occurredHours: 2, msisdn: '222', cells: [['B', 'SERVING']], cause: 'OUTAGE', version: 2 }));
        expect(ids(await subject.repository().search({ cellId: 'A', limit: 10, offset: 0 }))).toEqual(['S-1']);
        expect(ids(await subject.repository().search({ cellId: 'B', limit: 10, offset: 0 }))).toEqual(['S-3', 'S-2']);
      });

      it('pages with limit and offset and counts all matches', async () => {
        const first = await subject.repository().search({ limit: 2, offset: 0 });
        const second = await subject.repository().search({ limit: 2, offset: 2 });
        const beyond = await subject.repository().search({ limit: 2, offset: 10 });
        expect([first.total, second.total, beyond.total]).toEqual([5, 5, 5]);
        expect(ids(first)).toEqual(['S-5', 'S-4']);
        expect(ids(second)).toEqual(['S-3', 'S-2']);
        expect(ids(beyond)).toEqual([]);
      });
    });

    it('ranks SERVING cells by tickets in a time range (hot-spots)', async () => {
      const repository = subject.repository();
      await repository.save(buildView({ ticketId: 'H-1', occurredHours: 1, cells: [['X', 'SERVING'], ['Y', 'NEIGHBOR']], cause: 'CONGESTION' }));
      await repository.save(buildView({ ticketId: 'H-2', occurredHours: 2, cells: [['X', 'SERVING']], cause: 'NO_NETWORK_ISSUE' }));
      await repository.save(buildView({ ticketId: 'H-3', occurredHours: 3, cells: [['Y', 'SERVING'], ['Z', 'SERVING']], cause: 'OUTAGE' }));
      await repository.save(buildView({ ticketId: 'H-4', occurredHours: 4, cells: [['X', 'SERVING']], cause: 'OUTAGE' }));
      await repository.save(buildView({ ticketId: 'H-5', occurredHours: 30, cells: [['Z', 'SERVING']], cause: 'OUTAGE' }));

      expect(await repository.hotspots(at(0), at(24), 10)).toEqual([
        { cellId: 'X', tickets: 3, networkRelated: 2 },
        { cellId: 'Y', tickets: 1, networkRelated: 1 },
        { cellId: 'Z', tickets: 1, networkRelated: 1 },
      ]);
      expect(await repository.hotspots(at(0), at(4), 1)).toEqual([{ cellId: 'X', tickets: 2, networkRelated: 1 }]);
      expect(await repository.hotspots(at(100), at(200), 10)).toEqual([]);
    });

    it('finds views by SERVING cell in a time range, newest first', async () => {
      const repository = subject.repository();
      await repository.save(buildView({ ticketId: 'F-1', occurredHours: 1, cells: [['P', 'SERVING']] }));
      await repository.save(buildView({ ticketId: 'F-2', occurredHours: 2, cells: [['Q', 'SERVING'], ['P', 'NEIGHBOR']] }));
      await repository.save(buildView({ ticketId: 'F-3', occurredHours: 3, cells: [['R', 'SERVING']] }));
      await repository.save(buildView({ ticketId: 'F-4', occurredHours: 48, cells: [['P', 'SERVING']] }));

      const found = await repository.findByServingCells(['P', 'R'], at(0), at(24));
      expect(found.map((v) => v.ticketId)).toEqual(['F-3', 'F-1']);
      expect(found[1]).toEqual(buildView({ ticketId: 'F-1', occurredHours: 1, cells: [['P', 'SERVING']] }));
      expect(await repository.findByServingCells(['P'], at(1), at(2))).toHaveLength(1);
      expect(await repository.findByServingCells(['P'], at(2), at(3))).toEqual([]);
      expect(await repository.findByServingCells([], at(0), at(100))).toEqual([]);
    });
  });
}
