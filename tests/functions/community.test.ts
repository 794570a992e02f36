import { METOO_THRESHOLD } from '../../shared/domain/community';
import {
  askAsStudent,
  COORDINATOR,
  CS_PEER,
  CS_RESPONDER,
  ECON_RESPONDER,
  expectOk,
  OTHER_STUDENT,
  startLocalApi,
  STUDENT,
  type LocalApi,
} from './support/local-api';

/**
 * 同问, 关注, 点赞, the message centre, hot tags and experts (issue 11), through
 * the real api function and SDK against the local cloud.
 */
let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi();
});
afterAll(() => api.stop());

const refused = (code: string) => ({ ok: false, error: { code } });
let asked = 0;
const newQuestion = (fields: Record<string, unknown> = {}) => {
  asked += 1;
  return askAsStudent(api, { title: `关于选课系统的问题第${asked}个`, content: '选课系统第二轮什么时候开放，退课还能补选吗？', ...fields });
};
const answer = async (id: string, who = CS_RESPONDER) =>
  expectOk(await api.call(who, 'answer.post', { questionId: id, content: '第二轮选课下周一开放，退课后可以补选。' })).answerId as string;
const people = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

describe('question.metoo', () => {
  it('counts each person once, retries answer the same, and unset removes their 同问', async () => {
    const id = await newQuestion();
    expect(expectOk(await api.call(OTHER_STUDENT, 'question.metoo', { questionId: id }, 'metoo-req-1'))).toEqual({ questionId: id, on: true, count: 1 });
    expect(expectOk(await api.call(OTHER_STUDENT, 'question.metoo', { questionId: id }, 'metoo-req-1'))).toEqual({ questionId: id, on: true, count: 1 });
    expect(expectOk(await api.call(OTHER_STUDENT, 'question.metoo', { questionId: id, on: true }))).toMatchObject({ on: true, count: 1 });
    expect(api.question(id).metooCount).toBe(1);
    expect(expectOk(await api.call(OTHER_STUDENT, 'question.metoo', { questionId: id, on: false }))).toEqual({ questionId: id, on: false, count: 0 });
    expect(expectOk(await api.call(OTHER_STUDENT, 'question.metoo', { questionId: id, on: false }))).toEqual({ questionId: id, on: false, count: 0 });
    expect(api.question(id).metooCount).toBe(0);
    expect(api.count('reactions', { targetId: id, kind: 'metoo' })).toBe(0);
  });

  it('the same person twice at once counts once; many people at once count each', async () => {
    const id = await newQuestion();
    await Promise.all([api.call(OTHER_STUDENT, 'question.metoo', { questionId: id }), api.call(OTHER_STUDENT, 'question.metoo', { questionId: id })]);
    const crowd = people(30, 'metoo-crowd');
    await Promise.all(crowd.map((p) => api.call(p, 'question.metoo', { questionId: id })));
    // Some leave while others join: the kept count still equals the records.
    await Promise.all(crowd.slice(0, 7).map((p) => api.call(p, 'question.metoo', { questionId: id, on: false })));
    expect(api.count('reactions', { targetId: id, kind: 'metoo' })).toBe(24);
    expect(api.question(id).metooCount).toBe(24);
    expect(expectOk(await api.call(STUDENT, 'question.listMine', {})).items.find((q: any) => q.id === id)).toMatchObject({ metooCount: 24 });
  });

  it(`tells the unit once when ${METOO_THRESHOLD} people 同问, however many cross it together`, async () => {
    const id = await newQuestion();
    const before = api.question(id);
    await Promise.all(people(METOO_THRESHOLD + 5, 'threshold').map((p) => api.call(p, 'question.metoo', { questionId: id })));
    const q = api.question(id);
    expect(typeof q.metooFlaggedAt).toBe('number');
    expect(q.timeline).toEqual(before.timeline);
    const flags = api.find('notifications', { questionId: id, kind: 'metooThreshold' });
    expect(flags.length).toBeGreaterThan(0);
    expect(new Set(flags.map((n) => n.recipientOpenid)).size).toBe(flags.length);
    expect(flags.map((n) => n.recipientOpenid)).toContain(CS_RESPONDER);
    await api.call('threshold-late', 'question.metoo', { questionId: id });
    expect(api.find('notifications', { questionId: id, kind: 'metooThreshold' })).toHaveLength(flags.length);
  });

  it('refuses the asker, private questions, unknown questions, strangers and bad input, writing nothing', async () => {
    const id = await newQuestion();
    const privateId = await newQuestion({ visibility: 'private' });
    const reactions = api.count('reactions');
    expect(await api.call(STUDENT, 'question.metoo', { questionId: id })).toMatchObject(refused('REACTION.NOT_ALLOWED'));
    expect(await api.call(OTHER_STUDENT, 'question.metoo', { questionId: privateId })).toMatchObject(refused('AUTH.FORBIDDEN'));
    // A handler sees the private question but may not 同问 it either.
    expect(await api.call(CS_RESPONDER, 'question.metoo', { questionId: privateId })).toMatchObject(refused('REACTION.NOT_ALLOWED'));
    expect(await api.call(OTHER_STUDENT, 'question.metoo', { questionId: 'q_nope' })).toMatchObject(refused('QUESTION.NOT_FOUND'));
    expect(await api.call(null, 'question.metoo', { questionId: id })).toMatchObject(refused('AUTH.REQUIRED'));
    for (const data of [{ questionId: { $gt: '' } }, { questionId: id, on: 'yes' }, { questionId: id, extra: 1 }, {}]) {
      expect(await api.call(OTHER_STUDENT, 'question.metoo', data)).toMatchObject(refused('INPUT.INVALID'));
    }
    expect(api.count('reactions')).toBe(reactions);
    expect(api.question(privateId).metooCount ?? 0).toBe(0);
  });

  it("sends the asker's updates to everyone who joined, never to the asker twice", async () => {
    const id = await newQuestion();
    await api.call(OTHER_STUDENT, 'question.metoo', { questionId: id });
    await answer(id);
    const followed = api.find('notifications', { questionId: id, kind: 'followed' });
    expect(followed.map((n) => n.recipientOpenid)).toEqual([OTHER_STUDENT]);
    expect(followed[0]!.text).toContain('已答复');
    expect(api.find('notifications', { questionId: id, kind: 'answered' }).map((n) => n.recipientOpenid)).toEqual([STUDENT]);
  });
});

describe('question.follow', () => {
  it('tells followers when it is answered, handled and resolved, and stops after unfollow', async () => {
    const id = await newQuestion();
    expect(expectOk(await api.call(OTHER_STUDENT, 'question.follow', { questionId: id }))).toEqual({ questionId: id, on: true });
    expect(expectOk(await api.call('follower-2', 'question.follow', { questionId: id }))).toEqual({ questionId: id, on: true });
    await answer(id);
    expectOk(await api.call(CS_RESPONDER, 'question.startHandling', { questionId: id, note: '联系教务处核实' }));
    expect(expectOk(await api.call('follower-2', 'question.follow', { questionId: id, on: false }))).toEqual({ questionId: id, on: false });
    expectOk(await api.call(CS_RESPONDER, 'question.resolve', { questionId: id, note: '已核实并答复' }));
    const told = (openid: string) => api.find('notifications', { questionId: id, kind: 'followed', recipientOpenid: openid }).map((n) => n.data.phrase2);
    expect(told(OTHER_STUDENT).sort()).toEqual(['办理中', '已办结', '已答复'].sort());
    expect(told('follower-2').sort()).toEqual(['办理中', '已答复'].sort());
  });

  it('tells nobody outside once the question is hidden', async () => {
    const id = await newQuestion();
    await api.call(OTHER_STUDENT, 'question.follow', { questionId: id });
    expectOk(await api.call(COORDINATOR, 'moderation.decide', { questionId: id, target: 'question', decision: 'hide', reason: '含有个人信息' }));
    await answer(id);
    expect(api.find('notifications', { questionId: id, kind: 'followed' })).toEqual([]);
    expect(await api.call('follower-3', 'question.follow', { questionId: id })).toMatchObject(refused('AUTH.FORBIDDEN'));
  });

  it('refuses the asker, private questions and bad input', async () => {
    const id = await newQuestion();
    const privateId = await newQuestion({ visibility: 'private' });
    expect(await api.call(STUDENT, 'question.follow', { questionId: id })).toMatchObject(refused('REACTION.NOT_ALLOWED'));
    expect(await api.call(OTHER_STUDENT, 'question.follow', { questionId: privateId })).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(await api.call(null, 'question.follow', { questionId: id })).toMatchObject(refused('AUTH.REQUIRED'));
    expect(await api.call(OTHER_STUDENT, 'question.follow', { questionId: id, on: 1 })).toMatchObject(refused('INPUT.INVALID'));
    expect(api.count('reactions', { targetId: { $in: [id, privateId] } })).toBe(0);
  });
});

describe('answer.like', () => {
  it('100 different people liking at once count 100, credited to the responder', async () => {
    const id = await newQuestion();
    const answerId = await answer(id);
    const replies = await Promise.all(people(100, 'liker').map((p) => api.call(p, 'answer.like', { questionId: id, answerId })));
    expect(replies.every((r) => r.ok)).toBe(true);
    expect(api.find('counters', { _id: `likes.answer.${answerId}` })[0]).toMatchObject({ count: 100 });
    expect(api.question(id).likeCount).toBe(100);
    expect(api.count('reactions', { targetId: answerId, kind: 'like' })).toBe(100);
    expect(api.count('reactions', { kind: 'like', creditedTo: CS_RESPONDER, targetId: answerId })).toBe(100);
    expect(expectOk(await api.call('liker-100', 'answer.like', { questionId: id, answerId }))).toEqual({ answerId, on: true, count: 101 });
  });

  it('the same person liking twice at once counts once; unlike takes it back once', async () => {
    const id = await newQuestion();
    const answerId = await answer(id);
    const received = () => api.find('counters', { _id: `likesReceived.${CS_RESPONDER}` })[0]?.count ?? 0;
    const before = received();
    await Promise.all([api.call(OTHER_STUDENT, 'answer.like', { questionId: id, answerId }), api.call(OTHER_STUDENT, 'answer.like', { questionId: id, answerId })]);
    expect(api.find('counters', { _id: `likes.answer.${answerId}` })[0]).toMatchObject({ count: 1 });
    expect(received()).toBe(before + 1);
    await Promise.all([
      api.call(OTHER_STUDENT, 'answer.like', { questionId: id, answerId, on: false }),
      api.call(OTHER_STUDENT, 'answer.like', { questionId: id, answerId, on: false }),
    ]);
    expect(api.find('counters', { _id: `likes.answer.${answerId}` })[0]).toMatchObject({ count: 0 });
    expect(received()).toBe(before);
    expect(api.question(id).likeCount).toBe(0);
  });

  it("refuses one's own answer, unknown answers, strangers on private questions and bad input; the asker may thank on a private one", async () => {
    const id = await newQuestion();
    const answerId = await answer(id);
    const privateId = await newQuestion({ visibility: 'private' });
    const privateAnswer = await answer(privateId);
    const reactions = api.count('reactions');
    expect(await api.call(CS_RESPONDER, 'answer.like', { questionId: id, answerId })).toMatchObject(refused('REACTION.NOT_ALLOWED'));
    expect(await api.call(OTHER_STUDENT, 'answer.like', { questionId: id, answerId: 'a_nope' })).toMatchObject(refused('ANSWER.NOT_FOUND'));
    expect(await api.call(OTHER_STUDENT, 'answer.like', { questionId: privateId, answerId: privateAnswer })).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(await api.call(CS_PEER, 'answer.like', { questionId: privateId, answerId: privateAnswer })).toMatchObject(refused('REACTION.NOT_ALLOWED'));
    expect(await api.call(OTHER_STUDENT, 'answer.like', { questionId: id, answerId: privateAnswer })).toMatchObject(refused('ANSWER.NOT_FOUND'));
    expect(await api.call(null, 'answer.like', { questionId: id, answerId })).toMatchObject(refused('AUTH.REQUIRED'));
    for (const data of [{ questionId: id }, { questionId: id, answerId: { $ne: null } }, { questionId: id, answerId, on: 'true' }]) {
      expect(await api.call(OTHER_STUDENT, 'answer.like', data)).toMatchObject(refused('INPUT.INVALID'));
    }
    expect(api.count('reactions')).toBe(reactions);
    expect(expectOk(await api.call(STUDENT, 'answer.like', { questionId: privateId, answerId: privateAnswer }))).toEqual({ answerId: privateAnswer, on: true, count: 1 });
  });
});

describe('message.list / message.markRead / message.unread', () => {
  it('holds what a person was sent, newest first, with an unread count that matches the list', async () => {
    const reader = 'message-reader';
    const ids = [await newQuestion(), await newQuestion(), await newQuestion()];
    for (const id of ids) await api.call(reader, 'question.follow', { questionId: id });
    for (const id of ids) await answer(id);
    const first = expectOk(await api.call(reader, 'message.list', { pageSize: 2 }));
    expect(first.items).toHaveLength(2);
    expect(first.unread).toBe(3);
    expect(first.items[0].at).toBeGreaterThanOrEqual(first.items[1].at);
    const second = expectOk(await api.call(reader, 'message.list', { pageSize: 2, cursor: first.nextCursor }));
    expect(second.nextCursor).toBeNull();
    const all = [...first.items, ...second.items];
    expect(new Set(all.map((m: any) => m.id)).size).toBe(3);
    expect(all.map((m: any) => m.questionId).sort()).toEqual([...ids].sort());
    expect(all.every((m: any) => m.kind === 'followed' && !m.read)).toBe(true);
    expect(expectOk(await api.call(reader, 'message.unread', {}))).toEqual({ unread: 3 });

    expect(expectOk(await api.call(reader, 'message.markRead', { ids: [all[0].id] }))).toEqual({ marked: 1, unread: 2 });
    expect(expectOk(await api.call(reader, 'message.markRead', { ids: [all[0].id] }))).toEqual({ marked: 0, unread: 2 });
    // Someone else's message ids mark nothing of theirs.
    expect(expectOk(await api.call(OTHER_STUDENT, 'message.markRead', { ids: [all[1].id] }))).toMatchObject({ marked: 0 });
    expect(expectOk(await api.call(reader, 'message.unread', {}))).toEqual({ unread: 2 });
    const listed = expectOk(await api.call(reader, 'message.list', { pageSize: 50 }));
    expect(listed.items.filter((m: any) => !m.read)).toHaveLength(listed.unread);
    expect(expectOk(await api.call(reader, 'message.markRead', { all: true }))).toEqual({ marked: 2, unread: 0 });
  });

  it("gives the asker their answered message and the unit its new question", async () => {
    const id = await newQuestion();
    await answer(id);
    const mine = expectOk(await api.call(STUDENT, 'message.list', { pageSize: 50 }));
    expect(mine.items.some((m: any) => m.questionId === id && m.kind === 'answered')).toBe(true);
    const unit = expectOk(await api.call(CS_RESPONDER, 'message.list', { pageSize: 50 }));
    expect(unit.items.some((m: any) => m.questionId === id && m.kind === 'newQuestion')).toBe(true);
    expect(expectOk(await api.call(ECON_RESPONDER, 'message.list', { pageSize: 50 })).items.some((m: any) => m.questionId === id)).toBe(false);
  });

  it('refuses strangers and bad input', async () => {
    expect(await api.call(null, 'message.list', {})).toMatchObject(refused('AUTH.REQUIRED'));
    expect(await api.call(null, 'message.unread', {})).toMatchObject(refused('AUTH.REQUIRED'));
    expect(await api.call(null, 'message.markRead', { all: true })).toMatchObject(refused('AUTH.REQUIRED'));
    for (const data of [{}, { all: true, ids: ['x'] }, { all: false }, { ids: [] }, { ids: [{ $gt: '' }] }]) {
      expect(await api.call(STUDENT, 'message.markRead', data)).toMatchObject(refused('INPUT.INVALID'));
    }
    expect(await api.call(STUDENT, 'message.list', { cursor: 'garbage' })).toMatchObject(refused('INPUT.INVALID'));
    expect(await api.call(STUDENT, 'message.list', { pageSize: 500 })).toMatchObject(refused('INPUT.INVALID'));
  });
});

describe('question.ask with expertId', () => {
  it('tells the addressed expert first, and still routes and times the question as usual', async () => {
    const id = await newQuestion({ expertId: 'p-11' });
    const q = api.question(id);
    expect(q.ownerUnitId).toBe('c-cs');
    expect(q.addressedExpertOpenid).toBe(CS_RESPONDER);
    expect(q.outbox.map((o: any) => o.kind)).toEqual(['expertAddressed', 'newQuestion']);
    expect(api.find('notifications', { questionId: id, kind: 'expertAddressed' }).map((n) => n.recipientOpenid)).toEqual([CS_RESPONDER]);
    expect(api.find('notifications', { questionId: id, kind: 'newQuestion' }).length).toBeGreaterThan(0);
  });

  it('refuses an unknown expert or one who does not cover the category, writing nothing', async () => {
    const questions = api.count('questions');
    const ask = (expertId: unknown) =>
      api.call(STUDENT, 'question.ask', { collegeId: 'c-cs', categoryId: 'cat-study', title: '想请指定老师回答', content: '关于转专业的条件想请这位老师答复一下。', expertId });
    expect(await ask('p-nobody')).toMatchObject(refused('EXPERT.NOT_FOUND'));
    expect(await ask('p-1')).toMatchObject(refused('EXPERT.NOT_FOUND'));
    expect(await ask('p-13')).toMatchObject(refused('EXPERT.NOT_ELIGIBLE'));
    expect(await ask('p-10')).toMatchObject(refused('EXPERT.NOT_ELIGIBLE'));
    expect(await ask({ $gt: '' })).toMatchObject(refused('INPUT.INVALID'));
    expect(api.count('questions')).toBe(questions);
  });
});

describe('expert.list / expert.get', () => {
  it('recommends the experts of the routed unit who cover the category', async () => {
    const page = expectOk(await api.call(STUDENT, 'expert.list', { collegeId: 'c-cs', categoryId: 'cat-study' }));
    expect(page.items.map((e: any) => e.name).sort()).toEqual(['任智宇', '黄怡然'].sort());
    expect(page.items.find((e: any) => e.id === 'p-11')).toMatchObject({ team: 'expert', teamLabel: '专帮青', unitId: 'c-cs' });
    expect(JSON.stringify(page)).not.toContain('dev-');
    const experts = expectOk(await api.call(null, 'expert.list', { team: 'expert', pageSize: 50 }));
    expect(experts.items.length).toBeGreaterThan(0);
    expect(experts.items.every((e: any) => e.team === 'expert')).toBe(true);
  });

  it('pages through every expert without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 20; i++) {
      const page = expectOk(await api.call(null, 'expert.list', { pageSize: 3, ...(cursor ? { cursor } : {}) }));
      seen.push(...page.items.map((e: any) => e.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(['p-11', 'p-12', 'p-10']));
  });

  it("shows each expert's answers, satisfaction and response time once the scheduler computed them, and likes received", async () => {
    const id = await newQuestion();
    const answerId = await answer(id);
    expectOk(await api.call(STUDENT, 'question.rate', { questionId: id, satisfied: true, comment: '很及时' }));
    await api.call('fan-1', 'answer.like', { questionId: id, answerId });
    api.advance(2 * 60 * 60_000);
    const report = await api.tick();
    expect(report.boards).toEqual({ hotTags: true, experts: true });
    const expert = expectOk(await api.call(STUDENT, 'expert.get', { id: 'p-11' }));
    expect(expert.answers).toBeGreaterThan(0);
    expect(expert.rated).toBeGreaterThan(0);
    expect(expert.satisfaction).toBeGreaterThan(0);
    expect(expert.medianResponseMinutes).not.toBeNull();
    expect(expert.likesReceived).toBeGreaterThan(0);
    // Within the hour the tick leaves the boards alone.
    expect((await api.tick()).boards).toEqual({ hotTags: false, experts: false });
  });

  it('refuses what is not an expert and bad input', async () => {
    expect(await api.call(STUDENT, 'expert.get', { id: 'p-1' })).toMatchObject(refused('EXPERT.NOT_FOUND'));
    expect(await api.call(STUDENT, 'expert.get', { id: 'p-404' })).toMatchObject(refused('EXPERT.NOT_FOUND'));
    expect(await api.call(STUDENT, 'expert.get', { id: { $gt: '' } })).toMatchObject(refused('INPUT.INVALID'));
    expect(await api.call(STUDENT, 'expert.list', { collegeId: 'c-cs' })).toMatchObject(refused('INPUT.INVALID'));
    expect(await api.call(STUDENT, 'expert.list', { categoryId: 'cat-nope' })).toMatchObject(refused('CATALOG.UNKNOWN_CATEGORY'));
    expect(await api.call(STUDENT, 'expert.list', { collegeId: 'd-academic', categoryId: 'cat-study' })).toMatchObject(refused('CATALOG.UNKNOWN_COLLEGE'));
    expect(await api.call(STUDENT, 'expert.list', { team: 'boss' })).toMatchObject(refused('INPUT.INVALID'));
  });
});

describe('tag.hot', () => {
  it('shows categories and keywords of recent public questions, never a private one', async () => {
    for (const title of ['宿舍热水器坏了没人修', '洗澡一直没有热水', '晚上十点后宿舍停热水']) {
      await askAsStudent(api, { categoryId: 'cat-dorm', title, content: '宿舍热水器一直不出热水，报修了还没人来。' });
    }
    for (let i = 0; i < 3; i++) await askAsStudent(api, { visibility: 'private', title: `量子纠缠实验室的私事${i}`, content: '这是只想让老师看到的私密问题内容。' });
    api.advance(2 * 60 * 60_000);
    await api.tick();
    const { computedAt, tags } = expectOk(await api.call(null, 'tag.hot', {}));
    expect(typeof computedAt).toBe('number');
    const keyword = tags.find((t: any) => t.kind === 'keyword' && t.label === '热水');
    expect(keyword).toMatchObject({ open: { query: keyword.key, categoryId: null } });
    expect(keyword.samples.length).toBeGreaterThan(0);
    const category = tags.find((t: any) => t.kind === 'category' && t.key === 'cat-dorm');
    expect(category).toMatchObject({ label: '后勤宿舍', open: { query: null, categoryId: 'cat-dorm' } });
    const text = JSON.stringify(tags);
    expect(text).not.toContain('量子');
    expect(text).not.toContain('私事');
    expect(text).not.toContain('dev-');
    expect(text).not.toContain('张晓雨');
  });

  it('refuses extra input', async () => {
    expect(await api.call(null, 'tag.hot', { limit: 5 })).toMatchObject(refused('INPUT.INVALID'));
  });
});

describe('indexes', () => {
  it('every new action reads through a declared index', async () => {
    const id = await newQuestion();
    const answerId = await answer(id);
    api.resetStats();
    await api.call(OTHER_STUDENT, 'question.metoo', { questionId: id });
    await api.call(OTHER_STUDENT, 'question.follow', { questionId: id });
    await api.call(OTHER_STUDENT, 'answer.like', { questionId: id, answerId });
    await api.call(OTHER_STUDENT, 'question.reactions', { questionId: id });
    const page = expectOk(await api.call(STUDENT, 'message.list', { pageSize: 1 }));
    await api.call(STUDENT, 'message.list', { pageSize: 1, cursor: page.nextCursor });
    await api.call(STUDENT, 'message.markRead', { all: true });
    await api.call(STUDENT, 'message.unread', {});
    await api.call(null, 'tag.hot', {});
    await api.call(null, 'expert.list', { collegeId: 'c-cs', categoryId: 'cat-study' });
    await api.call(null, 'expert.get', { id: 'p-11' });
    expectOk(await api.call(CS_RESPONDER, 'question.startHandling', { questionId: id, note: '转教务处核实' }));
    api.advance(2 * 60 * 60_000);
    await api.tick();
    expect(api.stats().unindexed).toEqual([]);
  });
});

describe('the demo seed', () => {
  it("seeds 同问, likes, follows and messages whose counters equal their records", async () => {
    const seeded = api.find('questions', { _id: { $regex: '^q-demo-' } });
    const withMetoo = seeded.filter((q) => (q.metooCount ?? 0) > 0);
    expect(withMetoo.length).toBeGreaterThan(3);
    for (const q of seeded) {
      expect(api.count('reactions', { targetId: q._id, kind: 'metoo' })).toBe(q.metooCount ?? 0);
      const likes = q.answers.reduce((n: number, a: any) => n + api.count('reactions', { targetId: a.id, kind: 'like' }), 0);
      expect(likes).toBe(q.likeCount ?? 0);
      expect(q.visibility === 'public' || (q.metooCount ?? 0) === 0).toBe(true);
    }
    for (const c of api.find('counters', { _id: { $regex: '^likes\\.answer\\.' } })) {
      expect(api.count('reactions', { targetId: c._id.slice('likes.answer.'.length), kind: 'like' })).toBe(c.count);
    }
    expect(api.count('reactions', { kind: 'follow' })).toBeGreaterThan(0);
    const li = expectOk(await api.call(OTHER_STUDENT, 'message.list', { pageSize: 50 }));
    expect(li.items.some((m: any) => m.kind === 'followed')).toBe(true);
  });
});

describe('a person who leaves', () => {
  it('exports their 同问, follows and likes, and deleting the account takes them back from the counts', async () => {
    const id = await newQuestion();
    const answerId = await answer(id);
    const leaver = 'leaving-student';
    await api.call(leaver, 'question.metoo', { questionId: id });
    await api.call(leaver, 'question.follow', { questionId: id });
    await api.call(leaver, 'answer.like', { questionId: id, answerId });
    await api.call('staying-student', 'answer.like', { questionId: id, answerId });
    const exported = expectOk(await api.call(leaver, 'me.export', {}));
    expect(exported.reactions.map((r: any) => r.kind).sort()).toEqual(['follow', 'like', 'metoo']);
    expectOk(await api.call(leaver, 'me.delete', { confirm: '注销账号' }));
    expect(api.count('reactions', { openid: leaver })).toBe(0);
    expect(api.question(id)).toMatchObject({ metooCount: 0, likeCount: 1 });
    expect(api.find('counters', { _id: `likes.answer.${answerId}` })[0]).toMatchObject({ count: 1 });
  });
});

describe('question.reactions', () => {
  it("gives the question page its counts and what the viewer did", async () => {
    const id = await newQuestion();
    const answerId = await answer(id);
    await api.call(OTHER_STUDENT, 'question.metoo', { questionId: id });
    await api.call(OTHER_STUDENT, 'answer.like', { questionId: id, answerId });
    await api.call('another-fan', 'answer.like', { questionId: id, answerId });
    expect(expectOk(await api.call(OTHER_STUDENT, 'question.reactions', { questionId: id }))).toEqual({
      questionId: id, metooCount: 1, canWatch: true, metoo: true, following: false, answers: [{ answerId, likeCount: 2, liked: true }],
    });
    expect(expectOk(await api.call(STUDENT, 'question.reactions', { questionId: id }))).toMatchObject({ canWatch: false, metoo: false, answers: [{ answerId, likeCount: 2, liked: false }] });
    const privateId = await newQuestion({ visibility: 'private' });
    expect(await api.call(OTHER_STUDENT, 'question.reactions', { questionId: privateId })).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(await api.call(null, 'question.reactions', { questionId: id })).toMatchObject(refused('AUTH.REQUIRED'));
    expect(await api.call(OTHER_STUDENT, 'question.reactions', { questionId: 'q_missing' })).toMatchObject(refused('QUESTION.NOT_FOUND'));
    expect(await api.call(OTHER_STUDENT, 'question.reactions', { questionId: [id] })).toMatchObject(refused('INPUT.INVALID'));
  });
});
