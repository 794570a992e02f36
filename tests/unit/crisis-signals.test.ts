import { crisisSignals } from '../../shared/domain/crisis-signals';

/**
 * The crisis screen errs on the side of routing: realistic, indirect
 * phrasings are caught, with separators between characters too; everyday
 * words that merely contain a frightening character are not.
 */
describe('crisis signals', () => {
  it.each([
    '感觉活着没意思，每天都不想醒来',
    '我真的撑不下去了',
    '最近总想着从这个世界上消失',
    '如果没有我大家会更好吧',
    '我已经攒了很多安眠药',
    '想从宿舍楼上跳下去……跳楼是不是就解脱了',
    '我 想 死',
    '想-自-杀',
    '这是我的遗书，永别了',
    '下辈子再见吧',
    '我不是想自杀，只是很累', // negated: still routed, a counsellor can tell
    '最近有点想伤害自己',
  ])('routes "%s" as a risk to self', (text) => {
    expect(crisisSignals(text)[0]).toMatchObject({ kind: 'self' });
  });

  it.each(['真想杀了室友', '我要和他同归于尽', '明天带刀去找他算账', '想报复社会'])('routes "%s" as a danger to others', (text) => {
    expect(crisisSignals(text).map((s) => s.kind)).toContain('others');
  });

  it.each([
    '考研政治只能死记硬背吗',
    '体育课跳绳考试标准',
    '学校有正版杀毒软件吗',
    '笑死我了，这个社团活动太有趣',
    '死线快到了，论文还没写完',
    '宿舍的跳闸问题怎么解决',
    '药学院的选修课怎么选',
  ])('does not fire on "%s"', (text) => {
    expect(crisisSignals(text)).toEqual([]);
  });
});
