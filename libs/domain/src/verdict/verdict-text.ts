import { JudgedKpiName, KpiUnit, LocalizedText, NetworkType, VerdictCause } from '../model';

/** What the texts of a verdict may mention (all optional; missing parts are left out). */
export interface VerdictTextContext {
  /** Name of the cell the verdict rests on. */
  cellName?: string;
  networkType?: NetworkType;
  kpi?: JudgedKpiName;
  value?: number | null;
  threshold?: number | null;
  unit?: KpiUnit;
  /** Which user-side setting is missing (USER_SIDE). */
  userSide?: 'FIVE_G_NOT_ENABLED' | 'VOLTE_NOT_ENABLED';
  /** Number of WARN findings on serving cells (NO_NETWORK_ISSUE, USER_SIDE). */
  warnings?: number;
  /** true when no cell could be selected at all (INSUFFICIENT_DATA). */
  noCells?: boolean;
}

/** KPI labels as the panel shows them. */
export const KPI_LABELS: Readonly<Record<JudgedKpiName, LocalizedText>> = {
  prbUtilizationDl: { zh: 'PRB利用率', en: 'downlink PRB utilisation' },
  accessSuccessRate: { zh: '接通率', en: 'access success rate' },
  dropRate: { zh: '掉线率', en: 'drop rate' },
  goodCoverageRate: { zh: '良好覆盖率', en: 'good-coverage rate' },
  userDlThroughputMbps: { zh: '单用户感知速率', en: 'per-user downlink throughput' },
  availability: { zh: '可用率', en: 'availability' },
};

/** Cause labels for handlers. */
export const CAUSE_LABELS: Readonly<Record<VerdictCause, LocalizedText>> = {
  OUTAGE: { zh: '基站故障退服', en: 'outage' },
  CONGESTION: { zh: '网络拥塞', en: 'congestion' },
  LOW_THROUGHPUT: { zh: '速率低', en: 'low throughput' },
  WEAK_COVERAGE: { zh: '弱覆盖', en: 'weak coverage' },
  HIGH_DROP_RATE: { zh: '掉线率高', en: 'high drop rate' },
  ACCESS_FAILURE: { zh: '接入失败', en: 'access failure' },
  USER_SIDE: { zh: '用户侧原因', en: 'user side' },
  NO_NETWORK_ISSUE: { zh: '未发现网络问题', en: 'no network issue' },
  INSUFFICIENT_DATA: { zh: '数据不足', en: 'insufficient data' },
};

const HIGHER_IS_WORSE: ReadonlySet<JudgedKpiName> = new Set(['prbUtilizationDl', 'dropRate']);

function measured(ctx: VerdictTextContext): LocalizedText {
  if (!ctx.kpi || ctx.value === null || ctx.value === undefined) return { zh: '', en: '' };
  const unit = ctx.unit === '%' ? '%' : ` ${ctx.unit ?? ''}`.trimEnd();
  const label = KPI_LABELS[ctx.kpi];
  const worse = HIGHER_IS_WORSE.has(ctx.kpi);
  const limit = ctx.threshold === null || ctx.threshold === undefined ? null : `${ctx.threshold}${unit}`;
  return {
    zh: `${label.zh}${ctx.value}${unit}` + (limit ? `（${worse ? '高于' : '低于'}门限${limit}）` : ''),
    en: `${label.en} ${ctx.value}${unit}` + (limit ? ` (${worse ? 'above' : 'below'} the threshold of ${limit})` : ''),
  };
}

function cellLabel(ctx: VerdictTextContext): LocalizedText {
  const type = ctx.networkType ? `${ctx.networkType} ` : '';
  return ctx.cellName ? { zh: `服务小区 ${ctx.cellName}`, en: `Serving ${type}cell ${ctx.cellName}` } : { zh: '服务小区', en: `Serving ${type}cell` };
}

/** Summary for the handler: what was found and on which cell. */
export function verdictSummary(cause: VerdictCause, ctx: VerdictTextContext): LocalizedText {
  const cell = cellLabel(ctx);
  const m = measured(ctx);
  switch (cause) {
    case 'OUTAGE':
      return {
        zh: `${cell.zh}在投诉时段发生故障退服${m.zh ? `，${m.zh}` : ''}，属网络问题。`,
        en: `${cell.en} was out of service in the complaint window${m.en ? `: ${m.en}` : ''}. Network-related.`,
      };
    case 'CONGESTION':
    case 'LOW_THROUGHPUT':
    case 'WEAK_COVERAGE':
    case 'HIGH_DROP_RATE':
    case 'ACCESS_FAILURE':
      return {
        zh: `${cell.zh}${m.zh}，判定为${CAUSE_LABELS[cause].zh}，属网络问题。`,
        en: `${cell.en}: ${m.en}, i.e. ${CAUSE_LABELS[cause].en}. Network-related.`,
      };
    case 'USER_SIDE':
      return ctx.userSide === 'VOLTE_NOT_ENABLED'
        ? { zh: '用户未开通VoLTE，语音问题属用户侧原因；服务小区指标未达故障门限。', en: 'VoLTE is not enabled for the subscriber, so the voice problem is on the user side; serving-cell KPIs are not at BAD level.' }
        : { zh: '服务小区为5G小区，但用户套餐未开通5G功能，属用户侧原因；服务小区指标未达故障门限。', en: 'The serving cell is 5G but 5G is not enabled on the subscriber plan: user side; serving-cell KPIs are not at BAD level.' };
    case 'NO_NETWORK_ISSUE': {
      const warnings = ctx.warnings ?? 0;
      return {
        zh: `服务小区在投诉时段各项指标未达故障门限${warnings > 0 ? `（${warnings}项预警）` : ''}，未发现网络问题。`,
        en: `Serving-cell KPIs were not at BAD level in the complaint window${warnings > 0 ? ` (${warnings} warning${warnings > 1 ? 's' : ''})` : ''}; no network issue found.`,
      };
    }
    case 'INSUFFICIENT_DATA':
      return ctx.noCells
        ? { zh: '未能确定用户使用的小区（工单无小区、无话单、无位置），无法判断。', en: 'No cell could be determined (no cell on the ticket, no usage, no location); no diagnosis.' }
        : { zh: '相关小区在投诉时段暂无KPI数据，无法判断。', en: 'The selected cells have no KPI data for the complaint window yet; no diagnosis.' };
  }
}

const SORRY = { zh: '给您带来的不便，敬请谅解。', en: 'We apologise for the inconvenience.' };
const CHECKED = { zh: '您好，经核查，您反映问题的时段，', en: 'Hello, we have checked the time you reported and found that ' };

/** A reply a handler can read to the customer: what was found, what happens next (polite, no jargon). */
export function verdictSuggestedReply(cause: VerdictCause, ctx: VerdictTextContext): LocalizedText {
  switch (cause) {
    case 'OUTAGE':
      return {
        zh: `${CHECKED.zh}为您所在区域提供服务的基站出现故障，网络服务受到影响。我们已安排工程师抢修，恢复后将以短信通知您。${SORRY.zh}`,
        en: `${CHECKED.en}the base station serving your area had a fault, which affected your service. Our engineers are repairing it and we will let you know by SMS once it is restored. ${SORRY.en}`,
      };
    case 'CONGESTION':
      return {
        zh: `${CHECKED.zh}您所在区域的基站使用人数较多、网络负荷较高，导致网速变慢。我们已将问题提交网络优化部门进行扩容和负荷调整，完成后网速将得到改善。${SORRY.zh}`,
        en: `${CHECKED.en}the base station in your area was very busy, which slowed your connection down. We have asked our network team to add capacity and balance the load; your speed will improve once this is done. ${SORRY.en}`,
      };
    case 'LOW_THROUGHPUT':
      return {
        zh: `${CHECKED.zh}您所在区域基站的上网速率低于正常水平。我们已安排网络优化人员排查和优化，处理完成后网速将恢复正常。${SORRY.zh}`,
        en: `${CHECKED.en}data speeds on the base station in your area were below normal. Our network team is investigating and tuning it, and speeds will return to normal once this is done. ${SORRY.en}`,
      };
    case 'WEAK_COVERAGE':
      return {
        zh: `${CHECKED.zh}您所在位置的网络信号覆盖较弱。我们已安排网络优化人员进行覆盖优化（如调整天线或增加站点），在此期间，靠近窗户或到室外开阔处使用可改善信号。${SORRY.zh}`,
        en: `${CHECKED.en}the network signal where you are is weak. Our network team will improve the coverage (for example by adjusting antennas or adding a site); until then, using your phone near a window or outdoors should help. ${SORRY.en}`,
      };
    case 'HIGH_DROP_RATE':
      return {
        zh: `${CHECKED.zh}您所在区域基站的掉线率偏高，可能导致通话或上网中断。我们已安排工程师排查处理，处理完成后将恢复正常。${SORRY.zh}`,
        en: `${CHECKED.en}connections on the base station in your area were dropping more often than normal, which can cut calls or data sessions. Our engineers are fixing it and service will return to normal once this is done. ${SORRY.en}`,
      };
    case 'ACCESS_FAILURE':
      return {
        zh: `${CHECKED.zh}您所在区域基站的接入成功率偏低，可能导致电话打不通或无法连接网络。我们已安排工程师排查处理，处理完成后将恢复正常。${SORRY.zh}`,
        en: `${CHECKED.en}the base station in your area was failing to connect some calls and data sessions. Our engineers are fixing it and service will return to normal once this is done. ${SORRY.en}`,
      };
    case 'USER_SIDE':
      return ctx.userSide === 'VOLTE_NOT_ENABLED'
        ? {
            zh: '您好，经核查，您的号码尚未开通VoLTE高清语音功能，通话时需要切换到其他网络，可能导致接通慢、掉话或通话质量下降。建议您通过营业厅、客服热线10010或手机营业厅App开通VoLTE，并在手机设置中打开VoLTE开关。如有疑问，欢迎随时联系我们。',
            en: 'Hello, we have checked and found that VoLTE (HD voice) is not enabled on your number, so your calls have to switch to an older network, which can make them slow to connect, drop or sound poor. You can enable VoLTE at a service hall, through the 10010 hotline or in our app, and then switch VoLTE on in your phone settings. Please contact us if you have any questions.',
          }
        : {
            zh: '您好，经核查，您所在区域由5G网络覆盖，但您的套餐尚未开通5G功能，因此无法使用5G网络上网。建议您通过营业厅、客服热线10010或手机营业厅App开通5G功能，开通后重启手机即可。如有疑问，欢迎随时联系我们。',
            en: 'Hello, we have checked and found that your area is covered by our 5G network, but 5G is not enabled on your plan, so you cannot use it. You can enable 5G at a service hall, through the 10010 hotline or in our app, then restart your phone. Please contact us if you have any questions.',
          };
    case 'NO_NETWORK_ISSUE':
      return {
        zh: `${CHECKED.zh}您所在区域的网络运行正常。建议您：1. 重启手机；2. 检查是否开启了飞行模式、移动数据是否打开；3. 取出SIM卡后重新插入；4. 将手机系统更新到最新版本。如问题仍然存在，欢迎携带手机到营业厅检测，或再次与我们联系。`,
        en: `${CHECKED.en}the network in your area was working normally. Please try: 1. restart your phone; 2. check that airplane mode is off and mobile data is on; 3. take out the SIM card and put it back; 4. update your phone's software. If the problem continues, please bring your phone to a service hall for a check or contact us again.`,
      };
    case 'INSUFFICIENT_DATA':
      return {
        zh: '您好，您反映的问题我们已经记录。目前暂未获取到足够的网络数据进行判断，技术人员将进一步核查，并在核查后与您联系。感谢您的耐心等待。',
        en: 'Hello, we have recorded your problem. We do not yet have enough network data to say what caused it; our technical staff will look into it further and contact you once they have. Thank you for your patience.',
      };
  }
}
