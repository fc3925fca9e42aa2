import { InboundMessage } from '@cellscope/messaging';
import { summarizeSmsBatch } from './sms-activity.log';

const message = (value: string): InboundMessage => ({
  topic: 'notifications.sms.v1',
  partition: 0,
  offset: '0',
  key: null,
  value: Buffer.from(value, 'utf8'),
  timestamp: new Date(0),
});

describe('summarizeSmsBatch', () => {
  it('counts notifications per kind and quotes the first text', () => {
    const line = summarizeSmsBatch([
      message(JSON.stringify({ kind: 'OUTAGE_NOTICE', text: '尊敬的客户：您所在区域的基站发生故障，预计两小时内恢复。' })),
      message(JSON.stringify({ kind: 'OUTAGE_NOTICE', text: 'other' })),
      message(JSON.stringify({ kind: 'TICKET_UPDATE', text: 'update' })),
    ]);
    expect(line).toBe('SMS notifications published: 2 OUTAGE_NOTICE, 1 TICKET_UPDATE; e.g. “尊敬的客户：您所在区域的基站发生故障，预计两小时内恢复。”');
  });

  it('shortens a long text and counts what it cannot parse', () => {
    const line = summarizeSmsBatch([message(JSON.stringify({ kind: 'RECOVERY_NOTICE', text: 'x'.repeat(200) })), message('not json')]);
    expect(line).toContain('1 RECOVERY_NOTICE, 1 UNPARSABLE');
    expect(line).toContain(`“${'x'.repeat(120)}…”`);
  });
});
