import type { Incident } from '@cellscope/domain';
import { RepositoryContractFactory, useRepositoryContract } from '@cellscope/persistence/ports/repository.contract';
import { IncidentRepository } from './incident.repository';

const T0 = Date.parse('2026-03-02T08:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

function outage(incidentId: string, overrides: Partial<Incident> = {}): Incident {
  return {
    incidentId,
    kind: 'SITE_OUTAGE',
    state: 'OPEN',
    siteId: 'SITE-1',
    cellIds: ['C-1', 'C-2', 'C-3'],
    cause: 'OUTAGE',
    openedAt: at(0),
    healthyIntervals: 0,
    lastIntervalAt: at(0),
    ...overrides,
  };
}

/** Contract of IncidentRepository: round trips, monotonic changes (no reopening, no stale updates), search. */
export function describeIncidentRepositoryContract(factory: RepositoryContractFactory<IncidentRepository>): void {
  describe('IncidentRepository contract', () => {
    const subject = useRepositoryContract(factory);

    it('stores incidents as given and finds them by id and as open, ordered by id', async () => {
      const site = outage('INC-B');
      const cluster: Incident = {
        incidentId: 'INC-A',
        kind: 'COMPLAINT_CLUSTER',
        state: 'OPEN',
        cellIds: ['C-9'],
        cause: 'SUSPECTED',
        openedAt: at(5),
        healthyIntervals: 0,
      };
      await subject.repository().save([{ incident: site, affectedSubscribers: 42 }, { incident: cluster }]);
      const found = await subject.repository().findById('INC-B');
      expect(found).toMatchObject({ ...site, affectedSubscribers: 42 });
      expect(found?.updatedAt).toBeInstanceOf(Date);
      const open = await subject.repository().findOpen();
      expect(open.map((i) => i.incidentId)).toEqual(['INC-A', 'INC-B']);
      const { updatedAt: _ignored, ...storedCluster } = open[0];
      expect(storedCluster).toEqual({ ...cluster, affectedSubscribers: 0 });
      expect('siteId' in storedCluster || 'resolvedAt' in storedCluster || 'lastIntervalAt' in storedCluster).toBe(false);
      expect(await subject.repository().findById('INC-404')).toBeNull();
    });

    it('applies newer changes to an open incident and keeps the affected count an update leaves out', async () => {
      await subject.repository().save([{ incident: outage('INC-1'), affectedSubscribers: 7 }]);
      await subject.repository().save([{ incident: outage('INC-1', { healthyIntervals: 1, lastIntervalAt: at(15) }) }]);
      expect(await subject.repository().findById('INC-1')).toMatchObject({ healthyIntervals: 1, lastIntervalAt: at(15), affectedSubscribers: 7 });
      const resolved = outage('INC-1', { state: 'RESOLVED', resolvedAt: at(31), healthyIntervals: 2, lastIntervalAt: at(30) });
      await subject.repository().save([{ incident: resolved }]);
      expect(await subject.repository().findById('INC-1')).toMatchObject({ ...resolved, affectedSubscribers: 7 });
      expect(await subject.repository().findOpen()).toEqual([]);
    });

    it('ignores an update older than what is stored (a stale replica)', async () => {
      await subject.repository().save([{ incident: outage('INC-1', { healthyIntervals: 1, lastIntervalAt: at(30) }) }]);
      await subject.repository().save([{ incident: outage('INC-1', { healthyIntervals: 0, lastIntervalAt: at(15) }) }]);
      expect(await subject.repository().findById('INC-1')).toMatchObject({ healthyIntervals: 1, lastIntervalAt: at(30) });
    });

    it('never changes or reopens a RESOLVED incident', async () => {
      const resolved = outage('INC-1', { state: 'RESOLVED', resolvedAt: at(31), healthyIntervals: 2, lastIntervalAt: at(30) });
      await subject.repository().save([{ incident: resolved, affectedSubscribers: 3 }]);
      await subject.repository().save([{ incident: outage('INC-1', { lastIntervalAt: at(45) }), affectedSubscribers: 9 }]);
      expect(await subject.repository().findById('INC-1')).toMatchObject({ ...resolved, affectedSubscribers: 3 });
    });

    it('finds the cell outages a site outage took over', async () => {
      const cell = (id: string, absorbedBy?: string): Incident => ({
        ...outage(id, { kind: 'CELL_OUTAGE', cellIds: [id] }),
        ...(absorbedBy ? { state: 'RESOLVED' as const, resolvedAt: at(15), absorbedBy } : {}),
      });
      await subject.repository().save([cell('C-2', 'SITE'), cell('C-1', 'SITE'), cell('C-3', 'OTHER'), cell('C-4')].map((incident) => ({ incident })));
      expect((await subject.repository().findAbsorbedInto(['SITE'])).map((i) => i.incidentId)).toEqual(['C-1', 'C-2']);
      expect((await subject.repository().findAbsorbedInto(['SITE', 'OTHER'])).map((i) => i.incidentId)).toEqual(['C-1', 'C-2', 'C-3']);
      expect(await subject.repository().findAbsorbedInto([])).toEqual([]);
    });

    it('takes the last change when a batch names an incident twice', async () => {
      await subject.repository().save([
        { incident: outage('INC-1', { healthyIntervals: 1, lastIntervalAt: at(15) }) },
        { incident: outage('INC-1', { healthyIntervals: 0, lastIntervalAt: at(30) }) },
      ]);
      expect(await subject.repository().findById('INC-1')).toMatchObject({ healthyIntervals: 0, lastIntervalAt: at(30) });
    });

    it('searches by state, kind and openedAt range, newest first, with the total', async () => {
      await subject.repository().save(
        [
          outage('S-1', { openedAt: at(0) }),
          outage('S-2', { openedAt: at(60), state: 'RESOLVED', resolvedAt: at(90) }),
          outage('C-1', { kind: 'CELL_OUTAGE', openedAt: at(120) }),
          outage('C-2', { kind: 'CELL_OUTAGE', openedAt: at(180) }),
        ].map((incident) => ({ incident })),
      );
      const ids = (page: { items: Incident[] }) => page.items.map((i) => i.incidentId);
      const all = await subject.repository().search({ limit: 10, offset: 0 });
      expect([all.total, ids(all)]).toEqual([4, ['C-2', 'C-1', 'S-2', 'S-1']]);
      expect(ids(await subject.repository().search({ state: 'OPEN', limit: 10, offset: 0 }))).toEqual(['C-2', 'C-1', 'S-1']);
      expect(ids(await subject.repository().search({ kind: 'SITE_OUTAGE', limit: 10, offset: 0 }))).toEqual(['S-2', 'S-1']);
      expect(ids(await subject.repository().search({ from: at(60), to: at(180), limit: 10, offset: 0 }))).toEqual(['C-1', 'S-2']);
      const page = await subject.repository().search({ limit: 2, offset: 2 });
      expect([page.total, ids(page)]).toEqual([4, ['S-2', 'S-1']]);
    });

    it('converges when two instances save the same new incident at once', async () => {
      const peer = await subject.peer();
      await Promise.all([
        subject.repository().save([{ incident: outage('INC-RACE'), affectedSubscribers: 5 }]),
        peer.save([{ incident: outage('INC-RACE'), affectedSubscribers: 5 }]),
      ]);
      expect((await subject.repository().findOpen()).map((i) => [i.incidentId, i.affectedSubscribers])).toEqual([['INC-RACE', 5]]);
    });
  });
}
