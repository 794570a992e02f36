import { HOUR_MS } from '../../shared/domain/answer-deadline';
import { askAsStudent, COORDINATOR, CS_RESPONDER, expectOk, LOGISTICS, OTHER_STUDENT, startLocalApi, STUDENT, type LocalApi } from './support/local-api';

/**
 * Issue 9: search, similar questions while asking, the category suggestion,
 * reference answers for responders, and the half-monthly FAQ. The demo seed
 * holds four ways students asked how to replace a lost campus card last half
 * month (校园卡 / 一卡通 / 饭卡 / 學生卡), already grouped for the coordinator.
 */
let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi();
});
afterAll(() => api.stop());

const refused = (code: string) => ({ ok: false, error: { code } });
const SCHOOL_ADMIN = 'dev-admin';
const SUPERVISOR = 'dev-supervisor';
const CARD_TITLES = ['校园卡丢了怎么补办？', '一卡通丢失补卡流程', '饭卡掉了在哪补', '學生卡遺失了要怎麼補辦'];

async function answered(title: string, content: string, answer: string, fields: Record<string, unknown> = {}) {
  const id = await askAsStudent(api, { title, content, ...fields });
  expectOk(await api.call(CS_RESPONDER, 'answer.post', { questionId: id, content: answer }));
  return id;
}

describe('search', () => {
  it('finds a paraphrase through abbreviations, spacing and full-width letters, ranked, with the matched words marked', async () => {
    const id = await answered('英语四级什么时候报名？', '这学期的大学英语四级考试在哪里报名，报名费多少？', '四六级报名在开学第三周，登录教务系统“考试报名”栏目，报名费30元。');
    for (const query of ['cet4 报名', 'ＣＥＴ４报名时间', '四 级 报 名']) {
      const page = expectOk(await api.call(null, 'search.questions', { query }));
      expect(page.items[0]).toMatchObject({ kind: 'question', id, unitName: '计算机科学与技术学院团委', answerExcerpt: expect.stringContaining('四六级报名') });
      expect(page.items[0].titleHighlights.length).toBeGreaterThan(0);
    }
    const hit = expectOk(await api.call(null, 'search.questions', { query: '四级报名' })).items[0];
    const marked = hit.titleHighlights.map((s: { start: number; end: number }) => hit.title.slice(s.start, s.end)).join('|');
    expect(marked).toContain('四级');
  });

  it('filters by category and unit, pages by rank, and never returns private, held or unanswered questions', async () => {
    const open = await answered('食堂早餐几点开门', '二食堂早餐几点开始供应？', '二食堂早餐 6:30 开始供应。');
    const secret = await answered('食堂早餐可以刷医保卡吗', '私密问题：食堂早餐能用医保卡吗？', '不可以。', { visibility: 'private' });
    const unanswered = await askAsStudent(api, { title: '食堂早餐有没有豆浆', content: '想知道食堂早餐有没有豆浆卖。' });
    const ids = (r: { items: { id: string }[] }) => r.items.map((i) => i.id);
    const all = expectOk(await api.call(null, 'search.questions', { query: '食堂早餐', pageSize: 20 }));
    expect(ids(all)).toContain(open);
    expect(ids(all)).not.toContain(secret);
    expect(ids(all)).not.toContain(unanswered);
    expect(ids(expectOk(await api.call(null, 'search.questions', { query: '食堂早餐', categoryId: 'cat-mind' })))).not.toContain(open);
    expect(ids(expectOk(await api.call(null, 'search.questions', { query: '食堂早餐', unitId: 'c-cs' })))).toContain(open);

    const first = expectOk(await api.call(null, 'search.questions', { query: '食堂', pageSize: 2 }));
    expect(first.items).toHaveLength(2);
    const second = expectOk(await api.call(null, 'search.questions', { query: '食堂', pageSize: 2, cursor: first.nextCursor }));
    expect(ids(second).some((id: string) => ids(first).includes(id))).toBe(false);
  });

  it('refuses bad input with INPUT.INVALID', async () => {
    for (const data of [{ query: '' }, { query: ' \u200b ' }, { query: 'x'.repeat(101) }, { query: '报名', cursor: 'abc' }, { query: '报名', pageSize: 99 }, { query: '报名', extra: 1 }]) {
      expect(await api.call(null, 'search.questions', data)).toMatchObject(refused('INPUT.INVALID'));
    }
    expect(expectOk(await api.call(null, 'search.questions', { query: '量子色动力学微扰展开' })).items).toEqual([]);
  });
});

describe('similar questions while asking', () => {
  it('shows earlier answers to a new phrasing, with the likely category', async () => {
    const similar = expectOk(await api.call(STUDENT, 'question.similar', { text: '校园卡不见了去哪里补' }));
    expect(similar.items.length).toBeGreaterThanOrEqual(2);
    for (const item of similar.items.slice(0, 2)) expect(CARD_TITLES).toContain(item.title);
    expect(similar.suggestedCategory).toMatchObject({ categoryId: 'cat-dorm', categoryName: '后勤宿舍' });
  });

  it('suggests a category from the text alone, and says when it is unsure', async () => {
    expect(expectOk(await api.call(null, 'category.suggest', { text: '一卡通补卡要带什么' }))).toMatchObject({ categoryId: 'cat-dorm' });
    expect(expectOk(await api.call(null, 'category.suggest', { text: '你好' }))).toMatchObject({ categoryId: null });
  });

  it('answers a warm call with at most 2 database requests', async () => {
    await api.call(STUDENT, 'question.similar', { text: '补办校园卡' });
    api.resetStats();
    await api.call(STUDENT, 'question.similar', { text: '一卡通丢了怎么办' });
    const stats = api.stats();
    expect(stats.total).toBeLessThanOrEqual(2);
    expect(stats.unindexed).toEqual([]);
  });

  it('counts a student who found the answer and did not ask, once a day', async () => {
    const [item] = expectOk(await api.call(STUDENT, 'question.similar', { text: '校园卡补办' })).items;
    expect(expectOk(await api.call(STUDENT, 'search.deflected', { kind: item.kind, id: item.id }))).toEqual({ counted: true });
    expect(expectOk(await api.call(STUDENT, 'search.deflected', { kind: item.kind, id: item.id }))).toEqual({ counted: false });
    expect(await api.call(null, 'search.deflected', { kind: item.kind, id: item.id })).toMatchObject(refused('AUTH.REQUIRED'));
  });
});

describe('reference answers for responders', () => {
  it('gives the handler the most similar answered questions with their whole answers, and nobody else', async () => {
    const id = expectOk(await api.call(OTHER_STUDENT, 'question.ask', { collegeId: 'c-econ', categoryId: 'cat-dorm', title: '一卡通掉了怎么补', content: '昨天一卡通掉了，请问补卡去哪里？' })).id;
    const refs = expectOk(await api.call(LOGISTICS, 'answer.references', { questionId: id }));
    expect(refs.items.length).toBeGreaterThan(0);
    expect(refs.items[0].answer).toContain('一卡通办公室');
    // Only what is about the card: no unrelated answers fill the five places.
    for (const r of refs.items as Array<{ title: string; answer: string }>) expect(`${r.title}${r.answer}`).toMatch(/卡/);
    expect(refs.items.map((r: { id: string }) => r.id)).not.toContain(id);
    expect(await api.call(STUDENT, 'answer.references', { questionId: id })).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(await api.call(LOGISTICS, 'answer.references', { questionId: 'q_missing' })).toMatchObject(refused('QUESTION.NOT_FOUND'));
  });
});

describe('the half-monthly FAQ', () => {
  it('shows the coordinator the repeats of the last half month, and only to curators', async () => {
    const list = expectOk(await api.call(COORDINATOR, 'faq.candidates', {}));
    const group = list.items.find((c: { questions: { title: string }[] }) => c.questions.some((q) => q.title === CARD_TITLES[0]));
    expect(group.questions.map((q: { title: string }) => q.title).sort()).toEqual([...CARD_TITLES].sort());
    for (const who of [STUDENT, CS_RESPONDER, SUPERVISOR]) expect(await api.call(who, 'faq.candidates', {})).toMatchObject(refused('AUTH.FORBIDDEN'));
  });

  it('publishes one canonical answer that gathers them, tells their askers, ranks first and is found by every phrasing', async () => {
    const group = expectOk(await api.call(COORDINATOR, 'faq.candidates', {})).items.find((c: { questions: { title: string }[] }) => c.questions.some((q) => q.title === CARD_TITLES[0]));
    const questionIds = group.questions.map((q: { id: string }) => q.id);
    const input = {
      candidateId: group.id,
      questionIds,
      title: '校园卡（一卡通）丢了怎么补办？',
      answer: '先在“一卡通”公众号或自助机挂失，再带身份证到食堂二楼一卡通办公室补办，工本费20元，当场可取，余额自动转入新卡。',
    };
    const published = expectOk(await api.call(COORDINATOR, 'faq.publish', input, 'faq-publish-1'));
    expect(published).toMatchObject({ linked: 4, notified: 4 });
    // A retry is the same publication.
    expect(expectOk(await api.call(COORDINATOR, 'faq.publish', input, 'faq-publish-1'))).toEqual({ faqId: published.faqId, linked: 0, notified: 0 });
    expect(api.find('notifications', { kind: 'faqLinked' })).toHaveLength(4);

    const similar = expectOk(await api.call(OTHER_STUDENT, 'question.similar', { text: '饭卡丢了要去哪办' }));
    expect(similar.items[0]).toMatchObject({ kind: 'faq', id: published.faqId });
    // The questions it gathers stand behind it, not beside it.
    expect(similar.items.filter((i: { kind: string }) => i.kind === 'question').map((i: { title: string }) => i.title)).not.toContain(CARD_TITLES[2]);
    expect(expectOk(await api.call(null, 'search.questions', { query: '學生卡補辦' })).items[0]).toMatchObject({ kind: 'faq' });

    const faqs = expectOk(await api.call(STUDENT, 'faq.list', {}));
    expect(faqs.items[0]).toMatchObject({ id: published.faqId, questionCount: 4, state: 'published', updatedByName: '王钰铭' });
    const one = expectOk(await api.call(STUDENT, 'faq.get', { id: published.faqId }));
    expect(one.questions).toHaveLength(4);
    expect(expectOk(await api.call(COORDINATOR, 'faq.candidates', {})).items.map((c: { id: string }) => c.id)).not.toContain(group.id);

    // The responder's 参考答复 for the next card question: the entry first, and nothing
    // unrelated filling the places the gathered questions left.
    const next = expectOk(await api.call(OTHER_STUDENT, 'question.ask', { collegeId: 'c-econ', categoryId: 'cat-dorm', title: '饭卡丢了在哪里补办', content: '饭卡丢了，请问在哪里补办，需要带什么？' })).id;
    const refs = expectOk(await api.call(LOGISTICS, 'answer.references', { questionId: next })).items as Array<{ kind: string; id: string; title: string; answer: string }>;
    expect(refs[0]).toMatchObject({ kind: 'faq', id: published.faqId });
    for (const r of refs) expect(`${r.title}${r.answer}`).toMatch(/卡/);
  });

  it('refuses what is not gatherable, and non-curators', async () => {
    const secret = await answered('私密问题不能收录', '这是一个私密问题，不应该被收录进常见问题。', '好的。', { visibility: 'private' });
    const body = { questionIds: [secret], title: '不能发布的条目', answer: '这个条目不应该被发布出来，因为问题是私密的。' };
    expect(await api.call(COORDINATOR, 'faq.publish', body)).toMatchObject(refused('INPUT.INVALID'));
    expect(await api.call(CS_RESPONDER, 'faq.publish', body)).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(await api.call(COORDINATOR, 'faq.publish', { ...body, questionIds: [] })).toMatchObject(refused('INPUT.INVALID'));
    expect(await api.call(COORDINATOR, 'faq.publish', { ...body, title: '短' })).toMatchObject(refused('INPUT.INVALID'));
    expect(await api.call(STUDENT, 'faq.get', { id: 'faq_missing' })).toMatchObject(refused('INPUT.INVALID'));
    expect(await api.call(STUDENT, 'faq.list', { includeRetired: true })).toMatchObject(refused('AUTH.FORBIDDEN'));
  });

  it('retires an entry: it leaves the list and the suggestions; curators still see it', async () => {
    const id = await answered('体测补测怎么申请', '体测那天生病了没去，怎么申请补测？', '到体育部开具缓测证明，下月统一补测。');
    const { faqId } = expectOk(await api.call(SCHOOL_ADMIN, 'faq.publish', { questionIds: [id], title: '体测缺考如何补测？', answer: '到体育部开具缓测证明，下月统一补测。' }));
    expect(expectOk(await api.call(STUDENT, 'question.similar', { text: '体测没去怎么补测' })).items[0]).toMatchObject({ kind: 'faq', id: faqId });
    expect(expectOk(await api.call(COORDINATOR, 'faq.retire', { faqId, reason: '补测办法已调整' }))).toEqual({ state: 'retired' });
    expect(expectOk(await api.call(STUDENT, 'faq.list', {})).items.map((f: { id: string }) => f.id)).not.toContain(faqId);
    expect(expectOk(await api.call(STUDENT, 'question.similar', { text: '体测没去怎么补测' })).items[0]).toMatchObject({ kind: 'question', id });
    expect(expectOk(await api.call(COORDINATOR, 'faq.list', { includeRetired: true })).items.map((f: { id: string }) => f.id)).toContain(faqId);
  });

  it('groups a half month once it has ended, once', async () => {
    const a = await answered('宿舍空调遥控器坏了找谁', '宿舍空调遥控器按键失灵了，找谁修？', '在后勤报修系统提交，维修师傅上门更换。');
    const b = await answered('空调遥控器失灵去哪报修', '寝室的空调遥控器没反应了，在哪里报修？', '请通过后勤报修系统提交，维修师傅会上门。');
    api.advance(16 * 24 * HOUR_MS);
    const report = await api.tick();
    expect(report.faq.groups).toBeGreaterThan(0);
    const groups = expectOk(await api.call(COORDINATOR, 'faq.candidates', { pageSize: 50 })).items;
    const mine = groups.filter((c: { questions: { id: string }[] }) => c.questions.some((q) => q.id === a || q.id === b));
    expect(mine).toHaveLength(1);
    expect(mine[0].questions.map((q: { id: string }) => q.id).sort()).toEqual([a, b].sort());
    const again = await api.tick();
    expect(again.faq).toEqual({ period: null, groups: 0 });
  });
});
