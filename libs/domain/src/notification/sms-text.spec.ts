import { VERDICT_CAUSES } from '../model';
import { renderSmsText } from './sms-text';

const MARKETING = /优惠|促销|办理套餐|流量包|特惠|offer|promotion|discount|upgrade your plan/i;

describe('renderSmsText', () => {
  it('OUTAGE_NOTICE zh: greeting, situation and expected recovery, then the hotline', () => {
    const text = renderSmsText('OUTAGE_NOTICE', 'zh-CN', { area: '新华大街', expectedRecoveryAt: new Date('2024-05-01T10:30:00Z') });
    expect(text).toBe('尊敬的客户，您好！您所在的新华大街附近的基站出现故障，手机通话和上网可能受到影响。我们正在全力抢修，预计5月1日18:30前恢复。如需帮助，请拨打客服热线10010。');
  });

  it('OUTAGE_NOTICE en without a recovery estimate promises a follow-up SMS', () => {
    const text = renderSmsText('OUTAGE_NOTICE', 'en', {});
    expect(text).toBe(
      'Dear customer, a base station in your area has a fault and calls and mobile data may be affected. Our engineers are repairing it; we will text you when service is back. For help, please call 10010.',
    );
  });

  it('RECOVERY_NOTICE in both languages, with the recovery time in the given zone', () => {
    const params = { area: 'Xinhua St', recoveredAt: new Date('2024-05-01T10:30:00Z'), timeZone: 'Asia/Shanghai', hotline: '10086' };
    expect(renderSmsText('RECOVERY_NOTICE', 'zh-CN', params)).toBe(
      '尊敬的客户，您好！您所在的Xinhua St附近的基站已于5月1日18:30修复，网络服务已恢复正常。感谢您的耐心等待。如仍有问题，请重启手机后再试，或拨打客服热线10086。',
    );
    expect(renderSmsText('RECOVERY_NOTICE', 'en', params)).toBe(
      'Dear customer, the base station near Xinhua St has been repaired (at 18:30 on 1 May) and service is back to normal. Thank you for your patience. If you still have problems, please restart your phone or call 10086.',
    );
  });

  it.each(VERDICT_CAUSES)('TICKET_UPDATE explains %s in customer words, in order, without marketing', (cause) => {
    for (const language of ['zh-CN', 'en'] as const) {
      const text = renderSmsText('TICKET_UPDATE', language, { cause, complaintNo: 'CS20240501ABCDEFGHIJ' });
      expect(text.startsWith(language === 'zh-CN' ? '尊敬的客户，您好！' : 'Dear customer, ')).toBe(true);
      expect(text).toContain('CS20240501ABCDEFGHIJ');
      expect(text.indexOf('CS20240501ABCDEFGHIJ')).toBeLessThan(text.indexOf('10010'));
      expect(text).not.toMatch(MARKETING);
      expect(text).not.toMatch(/prbUtilization|PRB|dropRate|_BAD/);
    }
  });

  it('TICKET_UPDATE for a user-side verdict names the missing setting', () => {
    expect(renderSmsText('TICKET_UPDATE', 'zh-CN', { cause: 'USER_SIDE', userSide: 'FIVE_G_NOT_ENABLED' })).toContain('开通5G功能');
    expect(renderSmsText('TICKET_UPDATE', 'en', { cause: 'USER_SIDE', userSide: 'VOLTE_NOT_ENABLED' })).toContain('VoLTE');
  });

  it('TICKET_UPDATE without a verdict says the complaint is being handled', () => {
    expect(renderSmsText('TICKET_UPDATE', 'zh-CN')).toContain('我们正在处理中');
  });

  it('appends the signature last', () => {
    expect(renderSmsText('OUTAGE_NOTICE', 'zh-CN', { signature: '中国联通' }).endsWith('【中国联通】')).toBe(true);
    expect(renderSmsText('OUTAGE_NOTICE', 'en', { signature: 'Unicom' }).endsWith(' [Unicom]')).toBe(true);
  });
});
