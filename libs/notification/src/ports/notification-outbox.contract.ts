import type { Incident, NotificationKind, SmsNotification } from '@cellscope/domain';
import { RepositoryContractFactory, useRepositoryContract } from '@cellscope/persistence/ports/repository.contract';
import { LeadershipLostError } from '../leadership/leadership-lost.error';
import { IncidentRepository } from './incident.repository';
import { LeadershipFence } from './leader-lock';
import { NotificationOutbox } from './notification-outbox';

/** How the outbox contract reaches the incidents of the same store and a real leadership fence. */
export interface NotificationOutboxContractFactory extends RepositoryContractFactory<NotificationOutbox> {
  /** The IncidentRepository on the same store as the outbox of the current test. */
  incidents(): IncidentRepository;
  /** Takes leadership (on the same store) and returns its fence, and how to give it up. */
  leadership(): Promise<{ fence: LeadershipFence; release(): Promise<void> }>;
}

const T0 = Date.parse('2026-03-02T08:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

function notice(id: string, overrides: Partial<SmsNotification> = {}): SmsNotification {
  return {
    notificationId: id,
    msisdn: '8613800000001',
    kind: 'OUTAGE_NOTICE',
    language: 'zh-CN',
    text: '尊敬的客户，您好！',
    incidentId: 'INC-1',
    cellIds: ['C-1', 'C-2'],
    createdAt: at(0).toISOString(),
    notBefore: at(0).toISOString(),
    ...overrides,
  };
}

const incident: Incident = {
  incidentId: 'INC-1',
  kind: 'CELL_OUTAGE',
  state: 'OPEN',
  cellIds: ['C-1'],
  cause: 'OUTAGE',
  openedAt: at(0),
  healthyIntervals: 0,
  lastIntervalAt: at(0),
};

/** Contract of NotificationOutbox: atomic record with incidents, fences, policy look-ups, exclusive publishing. */
export function describeNotificationOutboxContract(factory: NotificationOutboxContractFactory): void {
  describe('NotificationOutbox contract', () => {
    const subject = useRepositoryContract(factory);
    const drainAll = async (outbox: NotificationOutbox): Promise<SmsNotification[]> => {
      const sent: SmsNotification[] = [];
      await outbox.publishPending(1000, at(1), async (batch) => {
        sent.push(...batch);
      });
      return sent;
    };

    it('records incident changes and notifications together, and a repeated record inserts nothing', async () => {
      const first = notice('N-1', { ticketId: 'WO-1', notBefore: at(30).toISOString() });
      const second = notice('N-2', { msisdn: '8613800000002', language: 'en', text: 'Dear customer, ', incidentId: undefined });
      delete second.incidentId;
      expect((await subject.repository().record({ incidents: [{ incident, affectedSubscribers: 2 }], notifications: [first, second] })).sort()).toEqual([
        'N-1',
        'N-2',
      ]);
      expect(await factory.incidents().findById('INC-1')).toMatchObject({ ...incident, affectedSubscribers: 2 });
      expect(await subject.repository().record({ incidents: [], notifications: [{ ...first, text: 'changed' }, second] })).toEqual([]);
      expect(await subject.repository().pendingCount()).toBe(2);
      const sent = await drainAll(subject.repository());
      expect(sent).toEqual([first, second]);
      expect('incidentId' in sent[1]).toBe(false);
    });

    it('writes nothing at all when part of the batch fails', async () => {
      const broken = { ...incident, incidentId: 'INC-BAD', kind: 'NOT_A_KIND' } as unknown as Incident;
      await expect(subject.repository().record({ incidents: [{ incident: broken }], notifications: [notice('N-1')] })).rejects.toThrow();
      expect(await subject.repository().pendingCount()).toBe(0);
      expect(await subject.repository().existingIds(['N-1'])).toEqual(new Set());
    });

    it('writes only while the leadership fence holds', async () => {
      const leadership = await factory.leadership();
      expect(await subject.repository().record({ incidents: [{ incident }], notifications: [notice('N-1')], fence: leadership.fence })).toEqual(['N-1']);
      await leadership.release();
      const stale = subject.repository().record({
        incidents: [{ incident: { ...incident, incidentId: 'INC-2' } }],
        notifications: [notice('N-2')],
        fence: leadership.fence,
      });
      await expect(stale).rejects.toBeInstanceOf(LeadershipLostError);
      expect(await factory.incidents().findById('INC-2')).toBeNull();
      expect(await subject.repository().existingIds(['N-1', 'N-2'])).toEqual(new Set(['N-1']));
    });

    it('answers the policy look-ups: known ids, counts since a time, recipients of incidents', async () => {
      await subject.repository().record({
        incidents: [],
        notifications: [
          notice('N-1', { createdAt: at(-60).toISOString() }),
          notice('N-2', { kind: 'RECOVERY_NOTICE', createdAt: at(10).toISOString() }),
          notice('N-3', { msisdn: '8613800000002', language: 'en', createdAt: at(20).toISOString() }),
          notice('N-4', { msisdn: '8613800000003', incidentId: 'INC-2', kind: 'TICKET_UPDATE', ticketId: 'WO-3' }),
          notice('N-5', { msisdn: '8613800000004', kind: 'TICKET_UPDATE', incidentId: undefined, ticketId: 'WO-4' }),
        ],
      });
      expect(await subject.repository().existingIds(['N-2', 'N-9', 'N-5'])).toEqual(new Set(['N-2', 'N-5']));
      expect(await subject.repository().countCreatedSince(['8613800000001', '8613800000002', '8613800000009'], at(0))).toEqual(
        new Map([
          ['8613800000001', 1],
          ['8613800000002', 1],
        ]),
      );
      const kinds: NotificationKind[] = ['OUTAGE_NOTICE', 'TICKET_UPDATE'];
      expect(await subject.repository().recipientsOf(['INC-1', 'INC-2'], kinds)).toEqual([
        { msisdn: '8613800000001', language: 'zh-CN' },
        { msisdn: '8613800000002', language: 'en' },
        { msisdn: '8613800000003', language: 'zh-CN' },
      ]);
      expect(await subject.repository().recipientsOf(['INC-1'], ['RECOVERY_NOTICE'])).toEqual([{ msisdn: '8613800000001', language: 'zh-CN' }]);
      expect(await subject.repository().recipientsOf([], kinds)).toEqual([]);
    });

    it('publishes oldest first in batches and leaves everything pending when sending fails', async () => {
      await subject.repository().record({
        incidents: [],
        notifications: [3, 1, 2].map((i) => notice(`N-${i}`, { msisdn: `861380000000${i}`, createdAt: at(i).toISOString() })),
      });
      await expect(subject.repository().publishPending(10, at(5), async () => Promise.reject(new Error('broker down')))).rejects.toThrow('broker down');
      expect(await subject.repository().pendingCount()).toBe(3);
      const batches: string[][] = [];
      const send = async (batch: SmsNotification[]) => {
        batches.push(batch.map((n) => n.notificationId));
      };
      expect(await subject.repository().publishPending(2, at(5), send)).toBe(2);
      expect(await subject.repository().publishPending(2, at(5), send)).toBe(1);
      expect(await subject.repository().publishPending(2, at(5), send)).toBe(0);
      expect(batches).toEqual([['N-1', 'N-2'], ['N-3']]);
      expect(await subject.repository().pendingCount()).toBe(0);
    });

    it('never hands the same notification to two concurrent publishers', async () => {
      const notifications = Array.from({ length: 300 }, (_, i) => notice(`N-${String(i).padStart(3, '0')}`, { msisdn: `8613900${String(i).padStart(6, '0')}` }));
      await subject.repository().record({ incidents: [], notifications });
      const peer = await subject.peer();
      const sent: string[] = [];
      const send = async (batch: SmsNotification[]) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        sent.push(...batch.map((n) => n.notificationId));
      };
      const worker = async (outbox: NotificationOutbox) => {
        while ((await outbox.publishPending(25, at(5), send)) > 0);
      };
      await Promise.all([worker(subject.repository()), worker(peer), worker(subject.repository()), worker(peer)]);
      expect(sent).toHaveLength(300);
      expect(new Set(sent).size).toBe(300);
    });
  });
}
