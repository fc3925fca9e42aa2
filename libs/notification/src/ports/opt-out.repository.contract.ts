import { RepositoryContractFactory, useRepositoryContract } from '@cellscope/persistence/ports/repository.contract';
import { OptOutRepository } from './opt-out.repository';

const T1 = new Date('2026-03-02T08:00:00.000Z');
const T2 = new Date('2026-03-03T08:00:00.000Z');

/** Contract of OptOutRepository: idempotent add, remove, and look-ups that ignore a leading +. */
export function describeOptOutRepositoryContract(factory: RepositoryContractFactory<OptOutRepository>): void {
  describe('OptOutRepository contract', () => {
    const subject = useRepositoryContract(factory);

    it('opts a subscriber out once, keeping the first time, and finds them with or without +', async () => {
      expect(await subject.repository().add('+8613800000001', T1)).toEqual({ msisdn: '8613800000001', since: T1 });
      expect(await subject.repository().add('8613800000001', T2)).toEqual({ msisdn: '8613800000001', since: T1 });
      expect(await subject.repository().find('8613800000001')).toEqual({ msisdn: '8613800000001', since: T1 });
      expect(await subject.repository().find('+8613800000001')).toEqual({ msisdn: '8613800000001', since: T1 });
      expect(await subject.repository().find('8613800000002')).toBeNull();
    });

    it('tells which of many subscribers opted out, as they were given', async () => {
      await subject.repository().add('8613800000001', T1);
      await subject.repository().add('8613800000003', T1);
      const found = await subject.repository().findOptedOut(['+8613800000001', '8613800000002', '8613800000003', '8613800000001']);
      expect([...found].sort()).toEqual(['+8613800000001', '8613800000001', '8613800000003']);
      expect(await subject.repository().findOptedOut([])).toEqual(new Set());
    });

    it('opts a subscriber back in, and says when there was nothing to remove', async () => {
      await subject.repository().add('8613800000001', T1);
      expect(await subject.repository().remove('+8613800000001')).toBe(true);
      expect(await subject.repository().remove('8613800000001')).toBe(false);
      expect(await subject.repository().find('8613800000001')).toBeNull();
    });

    it('sees opt-outs made by another instance', async () => {
      const peer = await subject.peer();
      await peer.add('8613800000009', T1);
      expect(await subject.repository().findOptedOut(['8613800000009'])).toEqual(new Set(['8613800000009']));
    });
  });
}
