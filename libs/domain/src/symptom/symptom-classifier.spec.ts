import { Symptom } from '../model';
import { aTicket } from '../testing/domain.factories';
import { classifySymptom, resolveSymptom } from './symptom-classifier';

describe('classifySymptom: the keywords of kpis.md', () => {
  it.each<[string, Symptom]>([
    ['最近网速慢得很', 'SLOW_DATA'],
    ['看视频一直卡顿', 'SLOW_DATA'],
    ['网页加载慢', 'SLOW_DATA'],
    ['家里上不了网', 'NO_DATA'],
    ['手机无法上网', 'NO_DATA'],
    ['晚上经常断网', 'NO_DATA'],
    ['地下室没信号', 'NO_SIGNAL'],
    ['手机显示无信号', 'NO_SIGNAL'],
    ['一直无服务', 'NO_SIGNAL'],
    ['小区里信号差', 'WEAK_SIGNAL'],
    ['信号弱', 'WEAK_SIGNAL'],
    ['只有一格', 'WEAK_SIGNAL'],
    ['打电话老掉话', 'CALL_DROP'],
    ['通话中断好几次', 'CALL_DROP'],
    ['电话打不通', 'CALL_SETUP_FAILURE'],
    ['对方说无法接通', 'CALL_SETUP_FAILURE'],
    ['呼叫失败', 'CALL_SETUP_FAILURE'],
    ['通话有杂音', 'POOR_VOICE'],
    ['声音断续', 'POOR_VOICE'],
    ['声音断断续续', 'POOR_VOICE'],
    ['听不清对方说话', 'POOR_VOICE'],
  ])('%s → %s', (text, symptom) => {
    expect(classifySymptom(text)).toBe(symptom);
  });
});

describe('classifySymptom: English', () => {
  it.each<[string, Symptom]>([
    ['Mobile internet is very SLOW at home', 'SLOW_DATA'],
    ['videos keep buffering', 'SLOW_DATA'],
    ['No internet since this morning', 'NO_DATA'],
    ['mobile data not working', 'NO_DATA'],
    ['No signal in the basement', 'NO_SIGNAL'],
    ['phone shows No Service', 'NO_SIGNAL'],
    ['weak signal in my flat', 'WEAK_SIGNAL'],
    ['only one bar', 'WEAK_SIGNAL'],
    ['my calls drop all the time', 'CALL_DROP'],
    ['dropped calls on the highway', 'CALL_DROP'],
    ["I can't make calls", 'CALL_SETUP_FAILURE'],
    ['I can’t call anyone', 'CALL_SETUP_FAILURE'],
    ['calls fail every evening', 'CALL_SETUP_FAILURE'],
    ['lots of noise during calls', 'POOR_VOICE'],
    ['voice is choppy', 'POOR_VOICE'],
    ['I cannot hear the other side', 'POOR_VOICE'],
  ])('%s → %s', (text, symptom) => {
    expect(classifySymptom(text)).toBe(symptom);
  });

  it.each([
    ['keywords match whole words only', 'slowly'],
    ['no keyword at all', 'please check my bill'],
    ['"lag" inside another word', 'the flagship phone'],
  ])('%s → OTHER (%s)', (_case, text) => {
    expect(classifySymptom(text)).toBe('OTHER');
  });
});

describe('classifySymptom: several symptoms, nothing, noise', () => {
  it.each<[string, string | undefined, Symptom]>([
    ['the first mentioned wins', '电话打不通，而且网速慢', 'CALL_SETUP_FAILURE'],
    ['the first mentioned wins (reversed)', '网速慢，电话也打不通', 'SLOW_DATA'],
    ['at the same position the longer keyword wins', '没有网络信号', 'NO_SIGNAL'],
    ['mixed languages', '手机no signal了', 'NO_SIGNAL'],
    ['full-width letters are normalised', 'ＮＯ ＳＩＧＮＡＬ', 'NO_SIGNAL'],
    ['empty text', '', 'OTHER'],
    ['no text', undefined, 'OTHER'],
    ['unrelated text', '我要办理宽带', 'OTHER'],
    ['billing complaint', '话费扣错了', 'OTHER'],
  ])('%s: %p → %s', (_case, text, symptom) => {
    expect(classifySymptom(text)).toBe(symptom);
  });
});

describe('resolveSymptom', () => {
  it('keeps the ticket symptom (source TICKET) even when the description says otherwise', () => {
    expect(resolveSymptom(aTicket({ symptom: 'CALL_DROP', description: '网速慢' }))).toEqual({ symptom: 'CALL_DROP', symptomSource: 'TICKET' });
  });

  it.each<[string | undefined, Symptom]>([
    ['网速慢', 'SLOW_DATA'],
    [undefined, 'OTHER'],
  ])('classifies the description %p (source CLASSIFIED)', (description, symptom) => {
    expect(resolveSymptom(aTicket({ description }))).toEqual({ symptom, symptomSource: 'CLASSIFIED' });
  });
});
