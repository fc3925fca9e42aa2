import { Symptom, SymptomSource, Ticket } from '../model';

/**
 * Keywords per symptom (kpis.md "Symptom from free text" plus common variants). Chinese keywords match as
 * substrings; English ones match case-insensitively at word boundaries.
 */
export const SYMPTOM_KEYWORDS: Readonly<Record<Exclude<Symptom, 'OTHER'>, { zh: readonly string[]; en: readonly string[] }>> = {
  SLOW_DATA: {
    zh: ['网速慢', '网速很慢', '网速太慢', '网络慢', '网很慢', '卡顿', '很卡', '加载慢', '速度慢', '下载慢', '网速差'],
    en: ['slow data', 'slow internet', 'slow network', 'slow speed', 'slow connection', 'internet is slow', 'data is slow', 'very slow', 'slow', 'lagging', 'laggy', 'lag', 'buffering', 'loads slowly', 'loading slowly'],
  },
  NO_DATA: {
    zh: ['上不了网', '无法上网', '不能上网', '断网', '没有网', '没网', '连不上网', '数据用不了', '流量用不了'],
    en: ['no internet', 'no data', 'cannot access the internet', "can't access the internet", 'cannot get online', "can't get online", 'cannot connect to the internet', "can't connect to the internet", 'mobile data not working', 'data not working', 'internet not working', 'no connection'],
  },
  NO_SIGNAL: {
    zh: ['没信号', '无信号', '无服务', '没有信号', '没有服务', '信号全无', '搜不到信号', '没有网络信号', '无网络信号'],
    en: ['no signal', 'no service', 'no coverage', 'no reception', 'no network', 'emergency calls only', 'sos only'],
  },
  WEAK_SIGNAL: {
    zh: ['信号差', '信号弱', '一格', '信号不好', '信号很差', '信号时有时无', '信号不稳'],
    en: ['weak signal', 'poor signal', 'bad signal', 'low signal', 'signal is weak', 'signal is poor', 'one bar', 'bad reception', 'poor reception', 'weak coverage', 'poor coverage'],
  },
  CALL_DROP: {
    zh: ['掉话', '通话中断', '通话断了', '电话断了', '电话自动挂断', '通话掉线'],
    en: ['call drop', 'calls drop', 'dropped call', 'dropped calls', 'call dropped', 'calls dropped', 'call cut off', 'calls cut off', 'call disconnected', 'calls disconnect'],
  },
  CALL_SETUP_FAILURE: {
    zh: ['打不通', '无法接通', '呼叫失败', '打不出去', '拨不出', '接不通', '打不进来', '无法呼叫', '无法拨打'],
    en: ['cannot make calls', "can't make calls", 'cannot make a call', "can't make a call", 'cannot call', "can't call", 'call failed', 'calls fail', 'call failure', 'call setup failure', 'cannot receive calls', "can't receive calls", 'calls do not connect', "calls don't connect", 'call does not connect', "call doesn't connect"],
  },
  POOR_VOICE: {
    zh: ['杂音', '断续', '听不清', '回声', '声音断断续续', '通话质量差', '有噪音', '单通'],
    en: ['noise', 'noisy', 'static noise', 'choppy', 'crackling', "can't hear", 'cannot hear', 'echo', 'poor voice', 'voice quality', 'call quality', 'robotic voice', 'one-way audio'],
  },
};

interface CompiledKeyword {
  symptom: Symptom;
  keyword: string;
  pattern: RegExp | null;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const COMPILED: readonly CompiledKeyword[] = (Object.entries(SYMPTOM_KEYWORDS) as [Symptom, { zh: readonly string[]; en: readonly string[] }][]).flatMap(
  ([symptom, words]) => [
    ...words.zh.map((keyword) => ({ symptom, keyword, pattern: null })),
    ...words.en.map((keyword) => ({ symptom, keyword, pattern: new RegExp(`(?<![a-z0-9])${escape(keyword)}(?![a-z0-9])`) })),
  ],
);

function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ');
}

/**
 * The symptom a free-text description speaks of (Chinese or English). When several symptoms are named, the one
 * mentioned first wins (customers name their main problem first); at the same position the longer keyword wins.
 * No keyword, or no text: OTHER.
 */
export function classifySymptom(text: string | undefined): Symptom {
  if (!text) return 'OTHER';
  const normalised = normalise(text);
  let best: { symptom: Symptom; index: number; length: number } | null = null;
  for (const entry of COMPILED) {
    const index = entry.pattern ? normalised.search(entry.pattern) : normalised.indexOf(entry.keyword);
    if (index < 0) continue;
    if (!best || index < best.index || (index === best.index && entry.keyword.length > best.length)) {
      best = { symptom: entry.symptom, index, length: entry.keyword.length };
    }
  }
  return best?.symptom ?? 'OTHER';
}

/** The ticket's own symptom (source TICKET) or, when it has none, the one classified from its description. */
export function resolveSymptom(ticket: Pick<Ticket, 'symptom' | 'description'>): { symptom: Symptom; symptomSource: SymptomSource } {
  if (ticket.symptom) return { symptom: ticket.symptom, symptomSource: 'TICKET' };
  return { symptom: classifySymptom(ticket.description), symptomSource: 'CLASSIFIED' };
}
