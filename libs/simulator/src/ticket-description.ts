import { Symptom } from '@cellscope/domain';
import { SeededRandom } from './random/seeded-random';

/** Where the subscriber was, as a customer would put it. */
export type ComplaintPlace = 'HOME' | 'WORK' | 'VENUE' | 'STREET';

/** What a description is written from. */
export interface DescriptionInput {
  symptom: Symptom;
  place: ComplaintPlace;
  /** Estate, venue or road the place is named by. */
  placeName?: string;
  /** Network the customer mentions ('5G' makes a 5G complaint), or none. */
  network?: '4G' | '5G';
  /** A free-text ticket (no symptom field): the text must speak of the symptom in the words of kpis.md. */
  freeText: boolean;
  /** Local start time ("20:15") for outage complaints. */
  since?: string;
  /** The complaint is that 5G is slow although the line has no 5G enabled. */
  fiveGComplaint?: boolean;
}

const ZH: Record<Symptom, readonly string[]> = {
  SLOW_DATA: [
    '{place}{net}网速很慢，看视频一直卡顿',
    '{place}上网卡顿严重，网页加载慢',
    '最近{place}网速慢，刷短视频总是转圈',
    '{place}用{net}网络很卡，微信图片都发不出去',
    '晚上{place}网速太慢，打游戏延迟很高',
  ],
  NO_DATA: [
    '{place}手机上不了网，打开流量也没用',
    '{place}无法上网，数据开关已经打开',
    '{place}经常断网，重启手机也不行',
    '{place}手机有信号但是没网，微信发不出消息',
  ],
  NO_SIGNAL: ['{place}手机没信号，完全用不了', '{place}手机显示无服务', '{place}手机突然无信号，已经好几个小时了', '{place}附近手机没有信号，家人都联系不上我'],
  WEAK_SIGNAL: ['{place}信号差，经常只有一格', '{place}手机信号弱，进门就更差了', '{place}信号不好，时有时无'],
  CALL_DROP: ['{place}打电话经常掉话', '最近{place}打电话经常掉话', '{place}通话中断好几次，对方说听不到我'],
  CALL_SETUP_FAILURE: ['{place}电话经常打不通，别人也打不进来', '{place}拨打电话提示呼叫失败', '{place}电话无法接通，提示网络忙'],
  POOR_VOICE: ['{place}通话有杂音，听不清对方说话', '{place}打电话声音断断续续', '{place}通话质量差，有回声'],
  OTHER: ['{place}手机经常自动重启，怀疑和网络有关', '{place}手机发烫严重，耗电很快', '咨询{place}的网络覆盖规划，想办理融合套餐'],
};

const ZH_FIVE_G = ['{place}手机显示5G，但网速很慢，看视频一直卡顿', '{place}5G网速很慢，和4G差不多', '换了5G手机，{place}5G网络还是很卡'];

const ZH_OUTAGE: Partial<Record<Symptom, readonly string[]>> = {
  NO_SIGNAL: ['从{since}开始{place}手机没信号', '{since}左右起{place}手机显示无服务，周围邻居也一样'],
  NO_DATA: ['从{since}开始{place}上不了网', '{since}以后{place}手机无法上网'],
};

const EN: Partial<Record<Symptom, readonly string[]>> = {
  SLOW_DATA: ['Mobile data is very slow {placeEn}, videos keep buffering'],
  NO_DATA: ['No internet {placeEn} although mobile data is on'],
  NO_SIGNAL: ['No signal at all {placeEn}'],
  WEAK_SIGNAL: ['Weak signal {placeEn}, often only one bar'],
  CALL_DROP: ['Calls dropped several times {placeEn}'],
  CALL_SETUP_FAILURE: ['Call failed again and again {placeEn}'],
  POOR_VOICE: ['Poor voice quality {placeEn}, a lot of noise'],
};

const PREFIXES = ['', '', '用户反映：', '客户来电称', '用户投诉：'];
const SUFFIXES = ['', '。', '，要求尽快处理。', '，已重启手机，问题依旧。', '，影响正常使用。', '，希望尽快解决。'];
const EN_PLACE: Record<ComplaintPlace, string> = { HOME: 'at home', WORK: 'at the office', VENUE: 'in the mall', STREET: 'on the street' };

function placePhrase(place: ComplaintPlace, name: string | undefined, rnd: SeededRandom): string {
  switch (place) {
    case 'HOME':
      return rnd.pick(name ? ['家里', '在家时', `${name}家里`, `${name}小区里`] : ['家里', '在家时', '小区里']);
    case 'WORK':
      return rnd.pick(['公司', '单位', '在公司', '办公室里']);
    case 'VENUE':
      return name ? `${name}里` : '商场里';
    case 'STREET':
      return name ? `${name}附近` : '路上';
  }
}

/**
 * A complaint description as a customer-service agent records it, in Chinese (about 5 % in English when the
 * ticket carries its symptom). A free-text description always names its symptom with a keyword of kpis.md
 * ("Symptom from free text") before any other, so the correlator can classify it.
 */
export function describeComplaint(input: DescriptionInput, rnd: SeededRandom): string {
  const place = placePhrase(input.place, input.placeName, rnd);
  if (!input.freeText && rnd.chance(0.05)) {
    const en = EN[input.symptom];
    if (en) return rnd.pick(en).replace('{placeEn}', EN_PLACE[input.place]);
  }
  let templates = ZH[input.symptom];
  if (input.fiveGComplaint && (input.symptom === 'SLOW_DATA' || input.symptom === 'NO_DATA')) templates = input.symptom === 'SLOW_DATA' ? ZH_FIVE_G : templates;
  else if (input.since && ZH_OUTAGE[input.symptom] && rnd.chance(0.6)) templates = ZH_OUTAGE[input.symptom] as readonly string[];
  const body = rnd
    .pick(templates)
    .replace('{place}', place)
    .replace('{net}', input.network ?? '')
    .replace('{since}', input.since ?? '');
  return `${rnd.pick(PREFIXES)}${body}${rnd.pick(SUFFIXES)}`.replace(/。。$/, '。');
}
