import { computeHotTags, expertFiguresOf, extractKeywords } from '../../shared/domain/community';
import { composeMessage, messagesForTransition } from '../../shared/domain/notification-plan';

const at = (i: number) => Date.UTC(2026, 2, 1) + i * 60_000;
const source = (id: string, title: string, categoryId = 'cat-dorm', i = 0) => ({ id, title, categoryId, createdAt: at(i) });

describe('extractKeywords', () => {
  it('finds words shared by several titles, grows them, and leaves question words out', () => {
    const words = extractKeywords([
      source('q1', '校园卡丢了怎么补办'),
      source('q2', '一卡通丢失去哪里挂失'),
      source('q3', '请问校园卡可以在哪里充值'),
      source('q4', '图书馆周末开放时间'),
      source('q5', '图书馆什么时候开放'),
      source('q6', '请问食堂几点关门'),
    ]);
    const labels = words.map((w) => w.word);
    expect(labels).toContain('校园卡');
    expect(labels).toContain('图书馆');
    expect(labels).not.toContain('请问');
    expect(labels).not.toContain('园卡');
    expect(words.find((w) => w.word === '校园卡')!.ids.sort()).toEqual(['q1', 'q2', 'q3']);
  });

  it('needs a word in at least two titles', () => {
    expect(extractKeywords([source('q1', '图书馆开放时间'), source('q2', '食堂几点关门')])).toEqual([]);
  });
});

describe('computeHotTags', () => {
  it('ranks categories by recent questions, then keywords, samples newest first', () => {
    const tags = computeHotTags(
      [source('q1', '图书馆开放时间', 'cat-study', 1), source('q2', '图书馆占座问题', 'cat-study', 3), source('q3', '食堂涨价了', 'cat-dorm', 2)],
      (id) => ({ 'cat-study': '学业', 'cat-dorm': '后勤' })[id] ?? '其他',
    );
    expect(tags[0]).toEqual({ kind: 'category', key: 'cat-study', label: '学业', count: 2, sampleIds: ['q2', 'q1'] });
    expect(tags.find((t) => t.kind === 'keyword')).toEqual({ kind: 'keyword', key: '图书馆', label: '图书馆', count: 2, sampleIds: ['q2', 'q1'] });
  });
});

describe('expertFiguresOf', () => {
  it('counts answers and ratings and takes the median response time per responder', () => {
    const figures = expertFiguresOf([
      { responderOpenid: 'a', askedAt: 0, answeredAt: 60_000, satisfied: true },
      { responderOpenid: 'a', askedAt: 0, answeredAt: 180_000, satisfied: false },
      { responderOpenid: 'a', askedAt: 0, answeredAt: 120_000, satisfied: null },
      { responderOpenid: 'b', askedAt: 0, answeredAt: 30_000, satisfied: null },
    ]);
    expect(figures.get('a')).toEqual({ answers: 3, rated: 2, satisfied: 1, medianResponseMs: 120_000 });
    expect(figures.get('b')).toEqual({ answers: 1, rated: 0, satisfied: 0, medianResponseMs: 30_000 });
  });
});

describe('watchers in the message plan', () => {
  it('tells the watchers at answer, start of handling and resolution, and nowhere else', () => {
    const facts = { urgent: false, ownerUnitId: 'c-cs' };
    const watched = (action: Parameters<typeof messagesForTransition>[0]) => messagesForTransition(action, facts).filter((m) => m.audience.type === 'watchers').map((m) => m.note);
    expect(watched({ type: 'answer', answerId: 'a1' } as never)).toEqual(['已答复']);
    expect(watched({ type: 'startHandling', note: 'x' } as never)).toEqual(['办理中']);
    expect(watched({ type: 'resolve', note: 'x' } as never)).toEqual(['已办结']);
    expect(watched({ type: 'transfer', toUnitId: 'd-x', reason: 'r' } as never)).toEqual([]);
    expect(watched({ type: 'urge', note: '' } as never)).toEqual([]);
  });

  it("composes the watchers' and the unit's messages within WeChat's field limits", () => {
    const facts = { title: '图书馆期末周能否延长开放时间到晚上十二点', unitName: '计算机科学与技术学院团委', deadlineAt: 0, at: 0, now: 0 };
    const followed = composeMessage('followed', { ...facts, note: '已答复' });
    expect(followed.templateKey).toBe('progress');
    expect(followed.data.phrase2).toBe('已答复');
    expect([...followed.data.thing1!].length).toBeLessThanOrEqual(20);
    const flagged = composeMessage('metooThreshold', { ...facts, note: '已有12人同问' });
    expect(flagged.text).toContain('已有12人同问');
    expect([...flagged.data.thing4!].length).toBeLessThanOrEqual(20);
    expect(composeMessage('expertAddressed', { ...facts, note: '' }).templateKey).toBe('reminder');
  });
});
