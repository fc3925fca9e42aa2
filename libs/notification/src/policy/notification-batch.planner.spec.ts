import { notificationIdFor } from '@cellscope/domain';
import { candidateNotificationIds, NotificationRequest, PlanningContext, planNotificationBatch, subjectKeyOf } from './notification-batch.planner';

const NOON_SHANGHAI = new Date('2026-03-02T04:00:00.000Z'); // 12:00 in Asia/Shanghai
const NIGHT_SHANGHAI = new Date('2026-03-02T15:30:00.000Z'); // 23:30 in Asia/Shanghai

function context(overrides: Partial<PlanningContext> = {}): PlanningContext {
  return {
    alreadySent: new Set(),
    sentToday: new Map(),
    optedOut: new Set(),
    dailyCap: 3,
    now: NOON_SHANGHAI,
    quietHours: '22:00-08:00',
    timeZone: 'Asia/Shanghai',
    ...overrides,
  };
}

const outage = (incidentId: string, msisdns: string[]): NotificationRequest => ({
  kind: 'OUTAGE_NOTICE',
  subject: { incidentId, cellIds: ['C-1', 'C-2'] },
  recipients: msisdns.map((msisdn) => ({ msisdn })),
});

describe('planNotificationBatch', () => {
  it('plans one notice per recipient with deterministic ids, incident and cells', () => {
    const plan = planNotificationBatch([outage('INC-1', ['8613800000001', '8613800000002'])], context());
    expect(plan.skipped).toEqual([]);
    expect(plan.notifications.map((n) => n.notificationId)).toEqual([
      notificationIdFor('INC-1', '8613800000001', 'OUTAGE_NOTICE'),
      notificationIdFor('INC-1', '8613800000002', 'OUTAGE_NOTICE'),
    ]);
    expect(plan.notifications[0]).toMatchObject({
      kind: 'OUTAGE_NOTICE',
      incidentId: 'INC-1',
      cellIds: ['C-1', 'C-2'],
      language: 'zh-CN',
      createdAt: NOON_SHANGHAI.toISOString(),
      notBefore: NOON_SHANGHAI.toISOString(),
    });
    expect(plan.notifications[0].text.startsWith('尊敬的客户')).toBe(true);
  });

  it('holds notices created during quiet hours until the end of the quiet hours', () => {
    const plan = planNotificationBatch([outage('INC-1', ['8613800000001'])], context({ now: NIGHT_SHANGHAI }));
    // 08:00 the next morning in Asia/Shanghai.
    expect(plan.notifications[0].notBefore).toBe('2026-03-03T00:00:00.000Z');
    expect(plan.notifications[0].createdAt).toBe(NIGHT_SHANGHAI.toISOString());
  });

  it('counts notices planned for earlier requests against the daily cap of later ones', () => {
    const plan = planNotificationBatch(
      [outage('INC-1', ['111111111']), outage('INC-2', ['111111111']), outage('INC-3', ['111111111', '222222222'])],
      context({ dailyCap: 2 }),
    );
    expect(plan.notifications.map((n) => `${n.incidentId}:${n.msisdn}`)).toEqual(['INC-1:111111111', 'INC-2:111111111', 'INC-3:222222222']);
    expect(plan.skipped).toEqual([{ kind: 'OUTAGE_NOTICE', subjectKey: 'INC-3', msisdn: '111111111', reason: 'DAILY_CAP' }]);
  });

  it('respects what was sent today, what is already in the outbox and opt-outs', () => {
    const sent = notificationIdFor('INC-1', '333333333', 'OUTAGE_NOTICE');
    const plan = planNotificationBatch(
      [outage('INC-1', ['111111111', '222222222', '333333333', '444444444'])],
      context({ sentToday: new Map([['222222222', 3]]), alreadySent: new Set([sent]), optedOut: new Set(['444444444']) }),
    );
    expect(plan.notifications.map((n) => n.msisdn)).toEqual(['111111111']);
    expect(plan.skipped.map((s) => [s.msisdn, s.reason])).toEqual([
      ['222222222', 'DAILY_CAP'],
      ['333333333', 'DUPLICATE'],
      ['444444444', 'OPTED_OUT'],
    ]);
  });

  it('never plans the same notice twice when two requests repeat a subject', () => {
    const plan = planNotificationBatch([outage('INC-1', ['111111111']), outage('INC-1', ['111111111'])], context());
    expect(plan.notifications).toHaveLength(1);
    expect(plan.skipped).toEqual([{ kind: 'OUTAGE_NOTICE', subjectKey: 'INC-1', msisdn: '111111111', reason: 'DUPLICATE' }]);
  });

  it('does not change the context it was given', () => {
    const sentToday = new Map([['111111111', 1]]);
    planNotificationBatch([outage('INC-1', ['111111111'])], context({ sentToday }));
    expect(sentToday.get('111111111')).toBe(1);
  });

  it('writes TICKET_UPDATE texts with the complaint number and the verdict, in the recipient language', () => {
    const request: NotificationRequest = {
      kind: 'TICKET_UPDATE',
      subject: { ticketId: 'WO-1', key: 'WO-1:FINAL', cellIds: ['C-1'] },
      recipients: [{ msisdn: '111111111', language: 'en' }],
      text: { complaintNo: 'CS202603020000001', cause: 'CONGESTION' },
    };
    const [notice] = planNotificationBatch([request], context({ hotline: '10086' })).notifications;
    expect(notice.notificationId).toBe(notificationIdFor('WO-1:FINAL', '111111111', 'TICKET_UPDATE'));
    expect(notice.ticketId).toBe('WO-1');
    expect(notice.incidentId).toBeUndefined();
    expect(notice.text).toContain('CS202603020000001');
    expect(notice.text).toContain('busy');
    expect(notice.text).toContain('10086');
  });
});

describe('candidateNotificationIds / subjectKeyOf', () => {
  it('lists the ids the requests could produce, once each', () => {
    const ids = candidateNotificationIds([outage('INC-1', ['1', '2']), outage('INC-1', ['2'])]);
    expect(ids.sort()).toEqual([notificationIdFor('INC-1', '1', 'OUTAGE_NOTICE'), notificationIdFor('INC-1', '2', 'OUTAGE_NOTICE')].sort());
  });

  it('takes the key, else the incident, else the ticket, and refuses a subject without any', () => {
    expect(subjectKeyOf({ key: 'K', incidentId: 'I', ticketId: 'T', cellIds: [] })).toBe('K');
    expect(subjectKeyOf({ incidentId: 'I', ticketId: 'T', cellIds: [] })).toBe('I');
    expect(subjectKeyOf({ ticketId: 'T', cellIds: [] })).toBe('T');
    expect(() => subjectKeyOf({ cellIds: [] })).toThrow(RangeError);
  });
});
