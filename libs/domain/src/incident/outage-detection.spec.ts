import { Cell, CellKpiInterval, Incident } from '../model';
import { aCell, anInterval } from '../testing/domain.factories';
import { detectOutages, outageIncidentId } from './outage-detection';

const T0 = new Date('2024-05-01T10:00:00Z');
const at = (i: number) => new Date(T0.getTime() + i * 900_000);
const down = (cellId: string, i: number): CellKpiInterval => anInterval(cellId, at(i), { unavailS: 900, periodS: 900 });
const up = (cellId: string, i: number): CellKpiInterval => anInterval(cellId, at(i), { unavailS: 0, periodS: 900 });
const nodata = (cellId: string, i: number): CellKpiInterval => anInterval(cellId, at(i), { unavailS: undefined, periodS: undefined });

const site1: Cell[] = ['A1', 'A2', 'A3'].map((cellId) => aCell({ cellId, siteId: 'S-A' }));
const site2: Cell[] = ['B1', 'B2'].map((cellId) => aCell({ cellId, siteId: 'S-B' }));
const inactive = aCell({ cellId: 'B3', siteId: 'S-B', status: 'INACTIVE' });
const cells = [...site1, ...site2, inactive];

/** Runs ticks in order, carrying open incidents forward as the notifier would. */
function run(ticks: CellKpiInterval[][], start: Incident[] = []) {
  let open = start;
  const history: ReturnType<typeof detectOutages>[] = [];
  ticks.forEach((latest, i) => {
    const result = detectOutages({ latest, cells, open, now: at(i + 1) });
    history.push(result);
    const changed = new Map([...result.updated, ...result.resolved].map((inc) => [inc.incidentId, inc]));
    open = [...open.map((inc) => changed.get(inc.incidentId) ?? inc), ...result.opened].filter((inc) => inc.state === 'OPEN');
  });
  return { history, open };
}

describe('detectOutages: opening', () => {
  it('one DOWN cell of a site → CELL_OUTAGE with a deterministic id', () => {
    const { opened, updated, resolved } = detectOutages({ latest: [down('A1', 0), up('A2', 0), up('A3', 0)], cells, open: [], now: at(1) });
    expect(opened).toEqual([
      {
        incidentId: outageIncidentId('CELL_OUTAGE', 'A1', at(0)),
        kind: 'CELL_OUTAGE',
        state: 'OPEN',
        siteId: 'S-A',
        cellIds: ['A1'],
        cause: 'OUTAGE',
        openedAt: at(0),
        healthyIntervals: 0,
        lastIntervalAt: at(0),
      },
    ]);
    expect(updated).toEqual([]);
    expect(resolved).toEqual([]);
  });

  it('every cell of a site DOWN → one SITE_OUTAGE covering them, no cell incidents', () => {
    const { opened } = detectOutages({ latest: [down('A1', 0), down('A2', 0), down('A3', 0), up('B1', 0)], cells, open: [], now: at(1) });
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ kind: 'SITE_OUTAGE', siteId: 'S-A', cellIds: ['A1', 'A2', 'A3'], incidentId: outageIncidentId('SITE_OUTAGE', 'S-A', at(0)) });
  });

  it('INACTIVE cells do not count for "every cell of the site"', () => {
    const { opened } = detectOutages({ latest: [down('B1', 0), down('B2', 0)], cells, open: [], now: at(1) });
    expect(opened.map((i) => [i.kind, i.cellIds])).toEqual([['SITE_OUTAGE', ['B1', 'B2']]]);
  });

  it('a site cell without data is not DOWN: two of three DOWN → two CELL_OUTAGEs', () => {
    const { opened } = detectOutages({ latest: [down('A1', 0), down('A2', 0), nodata('A3', 0)], cells, open: [], now: at(1) });
    expect(opened.map((i) => [i.kind, i.cellIds])).toEqual([
      ['CELL_OUTAGE', ['A1']],
      ['CELL_OUTAGE', ['A2']],
    ]);
  });

  it('a DOWN cell missing from the inventory → CELL_OUTAGE without site', () => {
    const { opened } = detectOutages({ latest: [down('X9', 0)], cells, open: [], now: at(1) });
    expect(opened).toEqual([expect.objectContaining({ kind: 'CELL_OUTAGE', cellIds: ['X9'] })]);
    expect(opened[0]).not.toHaveProperty('siteId');
  });

  it('uses the newest interval of a cell when several are given', () => {
    const { opened } = detectOutages({ latest: [up('A1', 1), down('A1', 0)], cells, open: [], now: at(2) });
    expect(opened).toEqual([]);
  });

  it('several sites at once, in a stable order', () => {
    const { opened } = detectOutages({ latest: [down('B1', 0), down('B2', 0), down('A2', 0)], cells, open: [], now: at(1) });
    expect(opened.map((i) => `${i.kind}:${i.siteId}:${i.cellIds.join(',')}`)).toEqual(['CELL_OUTAGE:S-A:A2', 'SITE_OUTAGE:S-B:B1,B2']);
  });
});

describe('detectOutages: open incidents', () => {
  it('a DOWN cell already covered by an open incident opens nothing new', () => {
    const { history } = run([[down('A1', 0)], [down('A1', 1)]]);
    expect(history[1].opened).toEqual([]);
    expect(history[1].updated).toEqual([expect.objectContaining({ cellIds: ['A1'], healthyIntervals: 0, lastIntervalAt: at(1) })]);
  });

  it('resolves after 2 consecutive healthy intervals (resolvedAt = now)', () => {
    const { history, open } = run([[down('A1', 0)], [up('A1', 1)], [up('A1', 2)]]);
    expect(history[1].updated).toEqual([expect.objectContaining({ healthyIntervals: 1, state: 'OPEN' })]);
    expect(history[1].resolved).toEqual([]);
    expect(history[2].resolved).toEqual([expect.objectContaining({ state: 'RESOLVED', healthyIntervals: 2, resolvedAt: at(3), lastIntervalAt: at(2) })]);
    expect(open).toEqual([]);
  });

  it('a DOWN interval in between resets the count', () => {
    const { history, open } = run([[down('A1', 0)], [up('A1', 1)], [down('A1', 2)], [up('A1', 3)]]);
    expect(history[2].updated[0].healthyIntervals).toBe(0);
    expect(history[3].resolved).toEqual([]);
    expect(open).toEqual([expect.objectContaining({ healthyIntervals: 1 })]);
  });

  it('a replayed tick with the same interval does not count twice', () => {
    const { history, open } = run([[down('A1', 0)], [up('A1', 1)], [up('A1', 1)], [up('A1', 1)]]);
    expect(history[2]).toEqual({ opened: [], updated: [], resolved: [] });
    expect(history[3]).toEqual({ opened: [], updated: [], resolved: [] });
    expect(open).toEqual([expect.objectContaining({ healthyIntervals: 1, state: 'OPEN' })]);
  });

  it('replaying the opening tick with nothing persisted reproduces the same incident id', () => {
    const a = detectOutages({ latest: [down('A1', 0)], cells, open: [], now: at(1) });
    const b = detectOutages({ latest: [down('A1', 0)], cells, open: [], now: at(5) });
    expect(b.opened[0].incidentId).toBe(a.opened[0].incidentId);
  });

  it('intervals without availability data neither reset nor count', () => {
    const { history, open } = run([[down('A1', 0)], [up('A1', 1)], [nodata('A1', 2)], [up('A1', 3)]]);
    expect(history[2]).toEqual({ opened: [], updated: [], resolved: [] });
    expect(history[3].resolved).toHaveLength(1);
    expect(open).toEqual([]);
  });

  it('cell incidents of a site are absorbed when the whole site goes DOWN (updated, not resolved)', () => {
    const { history, open } = run([[down('A1', 0), up('A2', 0), up('A3', 0)], [down('A1', 1), down('A2', 1), down('A3', 1)]]);
    const siteIncident = history[1].opened.find((i) => i.kind === 'SITE_OUTAGE')!;
    expect(history[1].opened).toHaveLength(1);
    expect(history[1].resolved).toEqual([]);
    expect(history[1].updated).toEqual([
      expect.objectContaining({ kind: 'CELL_OUTAGE', cellIds: ['A1'], state: 'RESOLVED', absorbedBy: siteIncident.incidentId, resolvedAt: at(2) }),
    ]);
    expect(open.map((i) => i.kind)).toEqual(['SITE_OUTAGE']);
  });

  it('no new cell incident while the site incident is open, even when some cells recover', () => {
    const { history, open } = run([
      [down('A1', 0), down('A2', 0), down('A3', 0)],
      [down('A1', 1), up('A2', 1), up('A3', 1)],
    ]);
    expect(history[1].opened).toEqual([]);
    expect(open).toEqual([expect.objectContaining({ kind: 'SITE_OUTAGE', healthyIntervals: 0 })]);
  });

  it('a site incident resolves when all its cells are healthy twice', () => {
    const { history } = run([
      [down('A1', 0), down('A2', 0), down('A3', 0)],
      [up('A1', 1), up('A2', 1), up('A3', 1)],
      [up('A1', 2), up('A2', 2), nodata('A3', 2)],
    ]);
    expect(history[2].resolved).toEqual([expect.objectContaining({ kind: 'SITE_OUTAGE', state: 'RESOLVED' })]);
  });

  it('leaves COMPLAINT_CLUSTER incidents alone', () => {
    const cluster: Incident = { incidentId: 'CL', kind: 'COMPLAINT_CLUSTER', state: 'OPEN', cellIds: ['A1'], cause: 'SUSPECTED', openedAt: T0, healthyIntervals: 0 };
    const result = detectOutages({ latest: [up('A1', 0)], cells, open: [cluster], now: at(1) });
    expect(result).toEqual({ opened: [], updated: [], resolved: [] });
  });
});
