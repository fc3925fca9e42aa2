import { Language, NotificationKind, VerdictCause } from '../model';
import { zonedFields } from '../time/zoned-time';

/** What an SMS may mention; everything is optional and left out when absent. */
export interface SmsTextParams {
  /** Where, in customer words (site name, street, district). */
  area?: string;
  /** OUTAGE_NOTICE: when service is expected back. */
  expectedRecoveryAt?: Date;
  /** RECOVERY_NOTICE: when service came back. */
  recoveredAt?: Date;
  /** Time zone of the times in the text (default Asia/Shanghai). */
  timeZone?: string;
  /** Customer-service hotline (default 10010). */
  hotline?: string;
  /** TICKET_UPDATE: the complaint number the customer can quote. */
  complaintNo?: string;
  /** TICKET_UPDATE: the verdict, explained in customer words. */
  cause?: VerdictCause;
  /** TICKET_UPDATE with cause USER_SIDE: which setting is missing. */
  userSide?: 'FIVE_G_NOT_ENABLED' | 'VOLTE_NOT_ENABLED';
  /** Sender signature, appended as 【…】 (zh) or [...] (en). */
  signature?: string;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function formatTime(at: Date, language: Language, timeZone: string): string {
  const f = zonedFields(at, timeZone);
  const hhmm = `${String(f.hour).padStart(2, '0')}:${String(f.minute).padStart(2, '0')}`;
  return language === 'zh-CN' ? `${f.month}月${f.day}日${hhmm}` : `${hhmm} on ${f.day} ${MONTHS_EN[f.month - 1]}`;
}

const TICKET_EXPLANATION: Record<VerdictCause, { zh: string; en: string }> = {
  OUTAGE: {
    zh: '经核查为您所在区域的基站发生故障，工程师正在抢修，恢复后将短信通知您',
    en: 'a base station in your area had a fault; engineers are repairing it and we will text you when service is back',
  },
  CONGESTION: {
    zh: '经核查为您所在区域的基站使用人数较多导致网速变慢，我们正在进行扩容优化',
    en: 'the base station in your area was very busy, which slowed your connection; we are adding capacity',
  },
  LOW_THROUGHPUT: {
    zh: '经核查为您所在区域的基站速率偏低，我们正在进行网络优化',
    en: 'data speeds on the base station in your area were below normal; we are tuning the network',
  },
  WEAK_COVERAGE: {
    zh: '经核查为您所在位置的信号覆盖较弱，我们正在进行覆盖优化',
    en: 'the signal where you are is weak; we are improving the coverage',
  },
  HIGH_DROP_RATE: {
    zh: '经核查为您所在区域的基站连接不够稳定，工程师正在排查处理',
    en: 'connections on the base station in your area were unstable; engineers are fixing it',
  },
  ACCESS_FAILURE: {
    zh: '经核查为您所在区域的基站接入异常，工程师正在排查处理',
    en: 'the base station in your area was failing to connect some calls and sessions; engineers are fixing it',
  },
  USER_SIDE: {
    zh: '经核查，您的号码尚未开通相关功能，开通后即可正常使用',
    en: 'a service needed for this is not enabled on your number; once it is enabled, it will work normally',
  },
  NO_NETWORK_ISSUE: {
    zh: '经核查，您所在区域网络运行正常，建议您重启手机并检查手机设置，如问题仍存在可到营业厅检测手机',
    en: 'the network in your area was working normally; please restart your phone and check its settings, and if the problem continues, a service hall can check your phone',
  },
  INSUFFICIENT_DATA: {
    zh: '我们正在进一步核查，核查完成后将与您联系',
    en: 'we are looking into it further and will contact you when we have checked',
  },
};

const USER_SIDE_EXPLANATION = {
  FIVE_G_NOT_ENABLED: {
    zh: '经核查，您的套餐尚未开通5G功能，开通后重启手机即可使用5G网络',
    en: '5G is not enabled on your plan; once you enable it and restart your phone, you can use the 5G network',
  },
  VOLTE_NOT_ENABLED: {
    zh: '经核查，您的号码尚未开通VoLTE高清通话，开通并在手机设置中打开VoLTE后通话质量将得到改善',
    en: 'VoLTE (HD voice) is not enabled on your number; enabling it and switching it on in your phone settings will improve your calls',
  },
};

/**
 * The text of a proactive SMS in zh-CN or en. Order: greeting, then the network situation and the expected
 * recovery (or what was found, for TICKET_UPDATE), then the service information (hotline); optional signature
 * last. No marketing.
 */
export function renderSmsText(kind: NotificationKind, language: Language, params: SmsTextParams = {}): string {
  const zh = language === 'zh-CN';
  const hotline = params.hotline ?? '10010';
  const timeZone = params.timeZone ?? 'Asia/Shanghai';
  const greeting = zh ? '尊敬的客户，您好！' : 'Dear customer, ';
  const where = params.area ? (zh ? `您所在的${params.area}附近` : `near ${params.area}`) : zh ? '您所在区域' : 'in your area';
  let body: string;
  let service: string;
  switch (kind) {
    case 'OUTAGE_NOTICE': {
      const recovery = params.expectedRecoveryAt
        ? zh
          ? `预计${formatTime(params.expectedRecoveryAt, language, timeZone)}前恢复`
          : `service is expected back by ${formatTime(params.expectedRecoveryAt, language, timeZone)}`
        : zh
          ? '恢复后我们将短信通知您'
          : 'we will text you when service is back';
      body = zh
        ? `${where}的基站出现故障，手机通话和上网可能受到影响。我们正在全力抢修，${recovery}。`
        : `a base station ${where} has a fault and calls and mobile data may be affected. Our engineers are repairing it; ${recovery}.`;
      service = zh ? `如需帮助，请拨打客服热线${hotline}。` : ` For help, please call ${hotline}.`;
      break;
    }
    case 'RECOVERY_NOTICE': {
      const when = params.recoveredAt ? formatTime(params.recoveredAt, language, timeZone) : null;
      body = zh
        ? `${where}的基站${when ? `已于${when}` : '已'}修复，网络服务已恢复正常。感谢您的耐心等待。`
        : `the base station ${where} has been repaired${when ? ` (at ${when})` : ''} and service is back to normal. Thank you for your patience.`;
      service = zh ? `如仍有问题，请重启手机后再试，或拨打客服热线${hotline}。` : ` If you still have problems, please restart your phone or call ${hotline}.`;
      break;
    }
    case 'TICKET_UPDATE': {
      const explanation =
        params.cause === 'USER_SIDE' && params.userSide
          ? USER_SIDE_EXPLANATION[params.userSide]
          : params.cause
            ? TICKET_EXPLANATION[params.cause]
            : { zh: '我们正在处理中，处理完成后将通知您', en: 'we are working on it and will let you know the result' };
      const ref = params.complaintNo ? (zh ? `（投诉编号${params.complaintNo}）` : ` (complaint no. ${params.complaintNo})`) : '';
      body = zh
        ? `您反映的网络问题${ref}有了处理进展：${explanation.zh}。`
        : `here is an update on the network problem you reported${ref}: ${explanation.en}.`;
      service = zh ? `如有疑问，请拨打客服热线${hotline}。` : ` If you have questions, please call ${hotline}.`;
      break;
    }
  }
  const signature = params.signature ? (zh ? `【${params.signature}】` : ` [${params.signature}]`) : '';
  return `${greeting}${body}${service}${signature}`;
}
