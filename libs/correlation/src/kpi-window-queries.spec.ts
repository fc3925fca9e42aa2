import { TimeWindow } from '@cellscope/domain';
import { groupByWindow } from './kpi-window-queries';

const at = (hh: number) => new Date(Date.UTC(2026, 10, 2, hh));
const w = (from: number, to: number): TimeWindow => ({ from: at(from), to: at(to) });

interface Item {
  name: string;
  window: TimeWindow;
  cells: string[];
}

describe('groupByWindow', () => {
  const cases: { title: string; items: Item[]; expected: { window: TimeWindow; items: string[]; cellIds: string[] }[] }[] = [
    { title: 'no items: no groups', items: [], expected: [] },
    {
      title: 'equal windows (other Date objects) share a group with the union of their cells, first-seen order',
      items: [
        { name: 'a', window: w(1, 3), cells: ['c2', 'c1'] },
        { name: 'b', window: w(1, 3), cells: ['c1', 'c3'] },
      ],
      expected: [{ window: w(1, 3), items: ['a', 'b'], cellIds: ['c2', 'c1', 'c3'] }],
    },
    {
      title: 'same start, other end: two groups in first-seen order',
      items: [
        { name: 'a', window: w(1, 3), cells: ['c1'] },
        { name: 'b', window: w(1, 4), cells: ['c1'] },
        { name: 'c', window: w(1, 3), cells: ['c4'] },
      ],
      expected: [
        { window: w(1, 3), items: ['a', 'c'], cellIds: ['c1', 'c4'] },
        { window: w(1, 4), items: ['b'], cellIds: ['c1'] },
      ],
    },
    {
      title: 'an item without cells still gets its group (with no cells)',
      items: [{ name: 'a', window: w(2, 3), cells: [] }],
      expected: [{ window: w(2, 3), items: ['a'], cellIds: [] }],
    },
  ];

  it.each(cases)('$title', ({ items, expected }) => {
    const groups = groupByWindow(items, (i) => i.window, (i) => i.cells);
    expect(groups.map((g) => ({ window: g.window, items: g.items.map((i) => i.name), cellIds: g.cellIds }))).toEqual(expected);
  });
});
