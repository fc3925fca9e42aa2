import { CellRole, NetworkView } from '@cellscope/domain';
import { outageRecipients } from './outage-recipients';

/** Only the fields outageRecipients reads matter; the rest of the view is irrelevant here. */
function view(msisdn: string, cells: [string, CellRole][]): NetworkView {
  return { msisdn, cells: cells.map(([cellId, role]) => ({ cellId, role })) } as unknown as NetworkView;
}

describe('outageRecipients', () => {
  it('takes ticket holders whose SERVING cell is affected, then usage subscribers, each once and without +', () => {
    const recipients = outageRecipients({
      cellIds: ['A', 'B'],
      views: [
        view('+8613800000003', [['A', 'SERVING']]),
        view('8613800000001', [['X', 'SERVING'], ['B', 'SERVING']]),
        view('8613800000009', [['X', 'SERVING'], ['A', 'NEIGHBOR']]),
        view('8613800000003', [['B', 'SERVING']]),
      ],
      usageMsisdns: ['8613800000007', '+8613800000001', '8613800000005'],
    });
    expect(recipients).toEqual(['8613800000001', '8613800000003', '8613800000005', '8613800000007']);
  });

  it('is empty without tickets and usage', () => {
    expect(outageRecipients({ cellIds: ['A'], views: [], usageMsisdns: [] })).toEqual([]);
  });
});
