import { HASH_UUID_PATTERN } from '../identity/hash-uuid';
import { notificationIdFor } from './notification-id';
import { NotificationPlanInput, planNotifications } from './notification-policy';

const NOW_DAY = new Date('2024-05-01T03:00:00Z'); // 11:00 in Shanghai
const NOW_NIGHT = new Date('2024-05-01T15:00:00Z'); // 23:00 in Shanghai

function input(overrides: Partial<NotificationPlanInput> = {}): NotificationPlanInput {
  return {
    kind: 'OUTAGE_NOTICE',
    subject: { incidentId: 'INC-1', cellIds: ['C1', 'C2'] },
    recipients: [],
    alreadySent: new Set(),
    sentToday: new Map(),
    optedOut: new Set(),
    dailyCap: 3,
    now: NOW_DAY,
    quietHours: '22:00-08:00',
    timeZone: 'Asia/Shanghai',
    text: { area: '新华大街' },
    ...overrides,
  };
}

describe('notificationIdFor', () => {
  it('is deterministic, UUID-shaped and differs per subject, msisdn and kind', () => {
    const id = notificationIdFor('INC-1', '13812345678', 'OUTAGE_NOTICE');
    expect(id).toMatch(HASH_UUID_PATTERN);
    expect(notificationIdFor('INC-1', '13812345678', 'OUTAGE_NOTICE')).toBe(id);
    const others = [
      notificationIdFor('INC-2', '13812345678', 'OUTAGE_NOTICE'),
      notificationIdFor('INC-1', '13812345679', 'OUTAGE_NOTICE'),
      notificationIdFor('INC-1', '13812345678', 'RECOVERY_NOTICE'),
    ];
    expect(new Set([id, ...others]).size).toBe(4);
  });
});

describe('planNotifications', () => {
  it('one notice per recipient: language, text, ids, cells, times', () => {
    const plan = planNotifications(input({ recipients: [{ msisdn: '13800000001' }, { msisdn: '13800000002', language: 'en' }] }));
    expect(plan.skipped).toEqual([]);
    expect(plan.notifications).toHaveLength(2);
    expect(plan.notifications[0]).toEqual({
      notificationId: notificationIdFor('INC-1', '13800000001', 'OUTAGE_NOTICE'),
      msisdn: '13800000001',
      kind: 'OUTAGE_NOTICE',
      language: 'zh-CN',
      text: expect.stringContaining('新华大街'),
      incidentId: 'INC-1',
      cellIds: ['C1', 'C2'],
      createdAt: '2024-05-01T03:00:00.000Z',
      notBefore: '2024-05-01T03:00:00.000Z',
    });
    expect(plan.notifications[1]).toMatchObject({ language: 'en', text: expect.stringMatching(/^Dear customer/) });
    expect(plan.notifications[0]).not.toHaveProperty('ticketId');
  });

  it('holds notices created in quiet hours until 08:00', () => {
    const plan = planNotifications(input({ now: NOW_NIGHT, recipients: [{ msisdn: '13800000001' }] }));
    expect(plan.notifications[0]).toMatchObject({ createdAt: '2024-05-01T15:00:00.000Z', notBefore: '2024-05-02T00:00:00.000Z' });
  });

  it.each([
    ['opted out', { optedOut: new Set(['13800000001']) }, 'OPTED_OUT'],
    ['already sent (same subject, msisdn, kind)', { alreadySent: new Set([notificationIdFor('INC-1', '13800000001', 'OUTAGE_NOTICE')]) }, 'DUPLICATE'],
    ['daily cap reached', { sentToday: new Map([['13800000001', 3]]) }, 'DAILY_CAP'],
    ['daily cap exceeded', { sentToday: new Map([['13800000001', 7]]) }, 'DAILY_CAP'],
    ['opt-out beats everything', { optedOut: new Set(['13800000001']), sentToday: new Map([['13800000001', 9]]) }, 'OPTED_OUT'],
    ['duplicate beats the cap', { alreadySent: new Set([notificationIdFor('INC-1', '13800000001', 'OUTAGE_NOTICE')]), sentToday: new Map([['13800000001', 9]]) }, 'DUPLICATE'],
  ] as const)('%s → skipped as %s', (_case, overrides, reason) => {
    const plan = planNotifications(input({ ...overrides, recipients: [{ msisdn: '13800000001' }, { msisdn: '13800000002' }] }));
    expect(plan.skipped).toEqual([{ msisdn: '13800000001', reason }]);
    expect(plan.notifications.map((n) => n.msisdn)).toEqual(['13800000002']);
  });

  it('below the cap is fine', () => {
    const plan = planNotifications(input({ sentToday: new Map([['13800000001', 2]]), recipients: [{ msisdn: '13800000001' }] }));
    expect(plan.notifications).toHaveLength(1);
  });

  it('a recipient listed twice gets one notice', () => {
    const plan = planNotifications(input({ recipients: [{ msisdn: '13800000001' }, { msisdn: '13800000001', language: 'en' }] }));
    expect(plan.notifications).toHaveLength(1);
    expect(plan.skipped).toEqual([{ msisdn: '13800000001', reason: 'DUPLICATE' }]);
  });

  it('the same recipient may get another kind about the same incident', () => {
    const first = planNotifications(input({ recipients: [{ msisdn: '13800000001' }] }));
    const sent = new Set(first.notifications.map((n) => n.notificationId));
    const again = planNotifications(input({ alreadySent: sent, recipients: [{ msisdn: '13800000001' }] }));
    const recovery = planNotifications(input({ kind: 'RECOVERY_NOTICE', alreadySent: sent, recipients: [{ msisdn: '13800000001' }] }));
    expect(again.notifications).toHaveLength(0);
    expect(recovery.notifications).toHaveLength(1);
  });

  it('a ticket update is keyed by ticket id, or by an explicit key', () => {
    const plan = planNotifications(input({ kind: 'TICKET_UPDATE', subject: { ticketId: 'WO-1', cellIds: [] }, recipients: [{ msisdn: '13800000001' }] }));
    expect(plan.notifications[0]).toMatchObject({ ticketId: 'WO-1', notificationId: notificationIdFor('WO-1', '13800000001', 'TICKET_UPDATE') });
    expect(plan.notifications[0]).not.toHaveProperty('incidentId');
    const keyed = planNotifications(input({ kind: 'TICKET_UPDATE', subject: { ticketId: 'WO-1', key: 'WO-1:FINAL', cellIds: [] }, recipients: [{ msisdn: '13800000001' }] }));
    expect(keyed.notifications[0].notificationId).toBe(notificationIdFor('WO-1:FINAL', '13800000001', 'TICKET_UPDATE'));
  });

  it('needs a subject', () => {
    expect(() => planNotifications(input({ subject: { cellIds: [] }, recipients: [{ msisdn: '1' }] }))).toThrow(/subject/);
  });
});
