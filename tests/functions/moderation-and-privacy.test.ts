import { DAY_MS } from '../../shared/domain/privacy';
import { NATIONAL_CRISIS_HOTLINES } from '../../shared/domain/crisis-signals';
import { CRISIS_MESSAGE_TITLE } from '../../shared/server/use-cases/notification-delivery';
import { askAsStudent, COORDINATOR, CS_PEER, CS_RESPONDER, expectOk, OTHER_STUDENT, startLocalApi, STUDENT, type LocalApi } from './support/local-api';

/**
 * Issue 8: what is published passes the content check, the community can
 * report it, moderators decide; a student in crisis is routed to help at once;
 * a person can take their data and leave; closed cases forget people in time.
 */
const SCHOOL_ADMIN = 'dev-admin';
const SUPERVISOR = 'dev-supervisor';
const COUNSELLOR = 'dev-student-affairs'; // 学生工作部: the unit of the crisis lane in the demo
const THIRD_STUDENT = 'dev-student-chen';
const FOURTH_STUDENT = 'dev-student-zhao';

let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi();
});
afterAll(() => api.stop());

const refused = (code: string) => ({ ok: false, error: { code } });

async function answered(title: string, fields: Record<string, unknown> = {}) {
  const id = await askAsStudent(api, { title, ...fields });
  const answerId = expectOk(await api.call(CS_RESPONDER, 'answer.post', { questionId: id, content: '这是学院老师的正式答复，供同学参考。' })).answerId as string;
  return { id, answerId };
}

describe('the content check before anything is published', () => {
  it('refuses a question with a blocked word, writing nothing and counting nothing against the asker', async () => {
    const before = api.count('questions');
    const quota = api.find('askQuotas', { _id: STUDENT })[0]?.recent?.length ?? 0;
    const reply = await api.call(STUDENT, 'question.ask', { collegeId: 'c-cs', categoryId: 'cat-study', title: '期末考试有没有代 考', content: '听说有人找枪手，想问问学校怎么处理这种情况。' });
    expect(reply).toMatchObject(refused('CONTENT.REFUSED'));
    expect(JSON.stringify(reply)).not.toContain('代考'); // the author is not told the list
    expect(api.count('questions')).toBe(before);
    expect(api.find('askQuotas', { _id: STUDENT })[0]?.recent?.length ?? 0).toBe(quota);
  });

  it('routes a held question as usual, but the public sees it only once a moderator publishes it', async () => {
    const ask = expectOk(await api.call(STUDENT, 'question.ask', { collegeId: 'c-cs', categoryId: 'cat-study', title: '出二手自行车，有意加微信', content: '九成新山地车，毕业带不走，便宜出，有意者加微信联系。' }));
    expect(ask).toMatchObject({ moderation: 'review', crisis: null, routedTo: { unitId: 'c-cs' } });
    const id = ask.id as string;
    expectOk(await api.call(CS_RESPONDER, 'answer.post', { questionId: id, content: '校内二手交易请到学校跳蚤市场平台发布。' }));
    // The asker and the handlers see it, marked; the public does not, in the list or by id.
    expect(expectOk(await api.call(STUDENT, 'question.get', { id }))).toMatchObject({ moderation: 'review' });
    expect(expectOk(await api.call(CS_RESPONDER, 'question.get', { id }))).toMatchObject({ moderation: 'review' });
    expect(await api.call(OTHER_STUDENT, 'question.get', { id })).toMatchObject(refused('AUTH.FORBIDDEN'));
    const feed = expectOk(await api.call(OTHER_STUDENT, 'question.listPublic', { pageSize: 50 }));
    expect(feed.items.map((q: { id: string }) => q.id)).not.toContain(id);

    // In the coordinator's queue with what the check matched; the decision is on the timeline and in the audit log.
    const queue = expectOk(await api.call(COORDINATOR, 'moderation.queue', { pageSize: 50 }));
    expect(queue.items).toContainEqual(expect.objectContaining({ questionId: id, target: 'question', state: 'review', reason: '关键词：加微信' }));
    expect(expectOk(await api.call(COORDINATOR, 'moderation.decide', { questionId: id, target: 'question', decision: 'publish', reason: '个人闲置转让，不属于商业广告' }, 'decide-1'))).toMatchObject({ state: 'published' });
    expect(expectOk(await api.call(OTHER_STUDENT, 'question.get', { id }))).toMatchObject({ moderation: 'published' });
    const after = expectOk(await api.call(COORDINATOR, 'moderation.queue', { pageSize: 50 }));
    expect(after.items.map((i: { questionId: string }) => i.questionId)).not.toContain(id);
    expect(api.question(id).moderationPendingAt).toBeNull();

    const asHandler = expectOk(await api.call(CS_RESPONDER, 'question.get', { id }));
    expect(asHandler.timeline).toContainEqual(expect.objectContaining({ type: 'moderate', internal: true, actorName: '王钰铭', reason: '公开问题：个人闲置转让，不属于商业广告' }));
    const asPublic = expectOk(await api.call(OTHER_STUDENT, 'question.get', { id }));
    expect(asPublic.timeline.map((e: { type: string }) => e.type)).not.toContain('moderate');

    // A retried decision is the same decision: no second event, no second audit line.
    expect(expectOk(await api.call(COORDINATOR, 'moderation.decide', { questionId: id, target: 'question', decision: 'publish', reason: '个人闲置转让，不属于商业广告' }, 'decide-1'))).toMatchObject({ state: 'published' });
    expect(api.question(id).timeline.filter((e: { type: string }) => e.type === 'moderate')).toHaveLength(1);
    const log = expectOk(await api.call(SCHOOL_ADMIN, 'audit.list', { pageSize: 50 }));
    expect(log.items.filter((l: { target: string }) => l.target.includes('出二手自行车'))).toEqual([
      expect.objectContaining({ actorName: '王钰铭', action: 'moderation.publish', reason: '个人闲置转让，不属于商业广告' }),
    ]);
  });

  it('holds an answer with a review word from the public, not from the asker; the question stays answered', async () => {
    const id = await askAsStudent(api, { title: '论文格式有模板吗' });
    const posted = expectOk(await api.call(CS_RESPONDER, 'answer.post', { questionId: id, content: '学院有模板，需要的同学可以加微信找我要电子版。' }));
    expect(posted).toMatchObject({ official: true, moderation: 'review' });
    expect(expectOk(await api.call(STUDENT, 'question.get', { id })).answers).toEqual([expect.objectContaining({ moderation: 'review' })]);
    expect(expectOk(await api.call(OTHER_STUDENT, 'question.get', { id }))).toMatchObject({ status: 'answered', answers: [] });
    const queue = expectOk(await api.call(COORDINATOR, 'moderation.queue', { pageSize: 50 }));
    expect(queue.items).toContainEqual(expect.objectContaining({ questionId: id, target: 'answer', answerId: posted.answerId, authorName: '任智宇' }));
  });

  it('refuses a risky answer and a risky notice with CONTENT.REFUSED, and tells a stranger only that they may not', async () => {
    const { id } = await answered('奖学金评定有问题');
    expect(await api.call(CS_RESPONDER, 'answer.post', { questionId: id, content: '可以找人代考，我这里有出售答案的渠道。' })).toMatchObject(refused('CONTENT.REFUSED'));
    expect(await api.call(OTHER_STUDENT, 'answer.post', { questionId: id, content: '可以找人代考，我这里有出售答案的渠道。' })).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(api.question(id).answers).toHaveLength(1);
  });
});

describe('reports (举报)', () => {
  it('hides an answer that three different people reported until a moderator looks; a person counts once', async () => {
    const { id, answerId } = await answered('食堂营业时间');
    const report = (who: string) => api.call(who, 'content.report', { questionId: id, target: 'answer', answerId, reason: '答复内容不实' });
    expect(expectOk(await report(OTHER_STUDENT))).toEqual({ reported: true, hiddenPendingReview: false });
    expect(expectOk(await report(OTHER_STUDENT))).toEqual({ reported: false, hiddenPendingReview: false });
    expect(expectOk(await report(THIRD_STUDENT))).toEqual({ reported: true, hiddenPendingReview: false });
    expect(expectOk(await report(FOURTH_STUDENT))).toEqual({ reported: true, hiddenPendingReview: true });
    expect(expectOk(await api.call(OTHER_STUDENT, 'question.get', { id })).answers).toEqual([]);
    expect(expectOk(await api.call(STUDENT, 'question.get', { id })).answers).toEqual([expect.objectContaining({ moderation: 'review' })]);
    const queue = expectOk(await api.call(SCHOOL_ADMIN, 'moderation.queue', { pageSize: 50 }));
    expect(queue.items).toContainEqual(expect.objectContaining({ questionId: id, target: 'answer', reports: 3, reason: '3位用户举报，等待审核' }));
    // Already hidden: nothing more to report.
    expect(await api.call(STUDENT, 'content.report', { questionId: id, target: 'answer', answerId, reason: '补充举报' })).toMatchObject(refused('INPUT.INVALID'));

    expect(expectOk(await api.call(SCHOOL_ADMIN, 'moderation.decide', { questionId: id, target: 'answer', answerId, decision: 'publish', reason: '核实答复无误' }))).toMatchObject({ state: 'published' });
    expect(expectOk(await api.call(OTHER_STUDENT, 'question.get', { id })).answers).toHaveLength(1);
  });

  it('refuses reports of one’s own content, of what is not public, and of things that do not exist', async () => {
    const { id, answerId } = await answered('图书馆开放时间');
    expect(await api.call(CS_RESPONDER, 'content.report', { questionId: id, target: 'answer', answerId, reason: '自己举报自己' })).toMatchObject(refused('INPUT.INVALID'));
    expect(await api.call(OTHER_STUDENT, 'content.report', { questionId: id, target: 'answer', answerId: 'a_nope', reason: '不存在的答复' })).toMatchObject(refused('INPUT.INVALID'));
    expect(await api.call(OTHER_STUDENT, 'content.report', { questionId: id, target: 'answer', reason: '没有指明答复' })).toMatchObject(refused('INPUT.INVALID'));
    expect(await api.call(OTHER_STUDENT, 'content.report', { questionId: id, target: 'notice', reason: '没有公告' })).toMatchObject(refused('INPUT.INVALID'));
    expect(await api.call(OTHER_STUDENT, 'content.report', { questionId: id, target: 'question', reason: 'x' })).toMatchObject(refused('INPUT.INVALID'));
    expect(await api.call(null, 'content.report', { questionId: id, target: 'question', reason: '未登录举报' })).toMatchObject(refused('AUTH.REQUIRED'));
    const secret = await askAsStudent(api, { title: '私密的问题', visibility: 'private' });
    expect(await api.call(OTHER_STUDENT, 'content.report', { questionId: secret, target: 'question', reason: '看不到的问题' })).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(await api.call(CS_RESPONDER, 'content.report', { questionId: secret, target: 'question', reason: '私密问题不公开' })).toMatchObject(refused('INPUT.INVALID'));
  });

  it('lets only moderators decide and only the school admin read the audit log', async () => {
    const { id } = await answered('宿舍报修流程');
    const decide = (who: string) => api.call(who, 'moderation.decide', { questionId: id, target: 'question', decision: 'hide', reason: '测试权限' });
    for (const who of [STUDENT, CS_RESPONDER, SUPERVISOR]) {
      expect(await decide(who)).toMatchObject(refused('AUTH.FORBIDDEN'));
      expect(await api.call(who, 'moderation.queue', {})).toMatchObject(refused('AUTH.FORBIDDEN'));
    }
    for (const who of [STUDENT, CS_RESPONDER, COORDINATOR, SUPERVISOR]) expect(await api.call(who, 'audit.list', {})).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(await api.call(COORDINATOR, 'moderation.decide', { questionId: id, target: 'question', decision: 'erase', reason: '坏的决定' })).toMatchObject(refused('INPUT.INVALID'));
    expect(await api.call(COORDINATOR, 'moderation.decide', { questionId: id, target: 'question', decision: 'hide', reason: ' ' })).toMatchObject(refused('INPUT.INVALID'));
    expect(await api.call(COORDINATOR, 'moderation.decide', { questionId: 'q_none', target: 'question', decision: 'hide', reason: '不存在' })).toMatchObject(refused('QUESTION.NOT_FOUND'));
    expect(await api.call(SCHOOL_ADMIN, 'audit.list', { cursor: 'not a cursor' })).toMatchObject(refused('INPUT.INVALID'));
    // Hidden by a moderator: gone from the public, still the asker's.
    expectOk(await decide(COORDINATOR));
    expect(await api.call(OTHER_STUDENT, 'question.get', { id })).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(expectOk(await api.call(STUDENT, 'question.get', { id }))).toMatchObject({ moderation: 'hidden' });
  });
});

describe('the crisis lane', () => {
  it.each([
    ['indirect words', '最近撑不下去了', '期末考试全挂了，家里也不理解我，觉得活着没意思，每天都不想醒来。'],
    ['a method', '宿舍楼顶的门为什么不锁', '我这几天一直在攒安眠药，也常常想到从天台上跳楼，是不是很奇怪。'],
    ['spaces between the characters', '我 真 的 想 死 了', '不知道该和谁说，只是觉得很累很累，对不起大家。'],
    ['danger to others', '室友总是针对我', '我真的受不了了，有时候真想和他同归于尽，我该怎么办。'],
  ])('routes %s privately and urgently to the counselling unit, alerts the coordinator, and shows the hotlines at once', async (_label, title, content) => {
    const before = api.outbox().length;
    const ask = expectOk(await api.call(THIRD_STUDENT, 'question.ask', { collegeId: 'c-fl', categoryId: 'cat-study', title, content, visibility: 'public' }));
    expect(ask).toMatchObject({ routedTo: { unitId: 'd-student', reason: 'crisis' }, moderation: 'published' });
    expect(ask.crisis.hotlines[0]).toEqual({ label: '心理援助热线（演示号码）', phone: '0571-8888-0525' });
    expect(ask.crisis.hotlines.slice(1)).toEqual(NATIONAL_CRISIS_HOTLINES.map((h) => ({ ...h })));
    const q = api.question(ask.id);
    expect(q).toMatchObject({ visibility: 'private', urgent: true, crisis: true, noticeRequired: false });
    expect(await api.call(OTHER_STUDENT, 'question.get', { id: ask.id })).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(expectOk(await api.call(COUNSELLOR, 'question.get', { id: ask.id }))).toMatchObject({ routeReason: 'crisis', urgent: true });
    // The alerts carry no words of the question (lock screens, group chats).
    const sent = api.outbox().slice(before);
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(sent)).not.toContain(title.replace(/\s/g, '').slice(0, 4));
    expect(JSON.stringify(sent)).toContain(CRISIS_MESSAGE_TITLE.slice(0, 10));
    const intended = api.find('notifications', { questionId: ask.id });
    expect(intended.map((n) => n.recipientOpenid)).toEqual(expect.arrayContaining([COUNSELLOR, COORDINATOR]));
    expect(JSON.stringify(intended)).not.toContain(title.replace(/\s/g, '').slice(0, 4));
  });

  it('is never refused by the content check', async () => {
    const ask = expectOk(await api.call(FOURTH_STUDENT, 'question.ask', { collegeId: 'c-me', categoryId: 'cat-study', title: '代考被发现了怎么办', content: '作弊被抓要处分，我不想活了，真的想自杀。' }));
    expect(ask).toMatchObject({ routedTo: { reason: 'crisis' } });
  });

  it('does not fire on ordinary words that look alike', async () => {
    for (const [title, content] of [
      ['死记硬背有用吗', '考研政治是不是只能死记硬背，有没有更好的方法？'],
      ['跳绳考试标准', '体育课跳绳考试的满分标准是多少？'],
      ['杀毒软件', '学校有正版杀毒软件可以免费下载吗？'],
    ]) {
      const ask = expectOk(await api.call(STUDENT, 'question.ask', { collegeId: 'c-cs', categoryId: 'cat-study', title, content }));
      expect(ask.crisis).toBeNull();
      expect(ask.routedTo.reason).not.toBe('crisis');
    }
  });
});

describe('my data and leaving', () => {
  it('exports everything held about a person, as they may read it', async () => {
    const { id } = await answered('我的数据导出', { anonymous: true });
    expectOk(await api.call(OTHER_STUDENT, 'content.report', { questionId: (await answered('别人的问题')).id, target: 'question', reason: '测试导出举报' }));
    const mine = expectOk(await api.call(STUDENT, 'me.export', {}));
    expect(mine.identity).toMatchObject({ openid: STUDENT, name: '张晓雨', registered: true });
    expect(mine.questionsAsked.map((q: { id: string }) => q.id)).toContain(id);
    expect(mine.recentAsks.length).toBeGreaterThan(0);
    const theirs = expectOk(await api.call(OTHER_STUDENT, 'me.export', {}));
    expect(theirs.reports).toContainEqual(expect.objectContaining({ target: 'question', reason: '测试导出举报' }));
    const responder = expectOk(await api.call(CS_RESPONDER, 'me.export', {}));
    expect(responder.answersGiven).toContainEqual(expect.objectContaining({ questionId: id, official: true }));
    expect(await api.call(null, 'me.export', {})).toMatchObject(refused('AUTH.REQUIRED'));
  });

  it('deletes an account: questions stay anonymised, the identity is gone everywhere, and a retry finishes the same', async () => {
    const leaver = 'dev-leaver-1';
    const id = expectOk(await api.call(leaver, 'question.ask', { collegeId: 'c-cs', categoryId: 'cat-study', title: '要注销的同学的问题', content: '这个问题在我注销以后应该仍然保留，但不再带有我的身份。' })).id;
    expectOk(await api.call(CS_RESPONDER, 'answer.post', { questionId: id, content: '老师的答复会保留。' }));
    expectOk(await api.call(leaver, 'question.rate', { questionId: id, satisfied: false, comment: '还是没解决' }));
    expectOk(await api.call(leaver, 'question.reopen', { questionId: id, reason: '我的补充说明里写了宿舍号 3 号楼 502' }));
    expectOk(await api.call(leaver, 'subscription.record', { results: [{ templateId: 'local-reply', result: 'accept' }] }));

    expect(await api.call(leaver, 'me.delete', { confirm: '删除' })).toMatchObject(refused('INPUT.INVALID'));
    expect(expectOk(await api.call(leaver, 'me.delete', { confirm: '注销账号' }))).toEqual({ deleted: true });
    expect(expectOk(await api.call(leaver, 'me.delete', { confirm: '注销账号' }))).toEqual({ deleted: true });

    const q = api.question(id);
    expect(JSON.stringify(q)).not.toContain(leaver);
    expect(JSON.stringify(q)).not.toContain('3 号楼 502');
    expect(q).toMatchObject({ askerName: '已注销用户', anonymous: true, answers: [expect.objectContaining({ content: '老师的答复会保留。' })] });
    expect(q.anonymisedAt).toEqual(expect.any(Number));
    for (const collection of ['subscriptions', 'askQuotas', 'notifications', 'reports']) {
      expect(JSON.stringify(api.find(collection))).not.toContain(leaver);
    }
    expect(expectOk(await api.call(leaver, 'question.listMine', {})).items).toEqual([]);
    expect(expectOk(await api.call(CS_RESPONDER, 'question.get', { id }))).toMatchObject({ askerName: '已注销用户' });
  });

  it('removes a responder’s name from their answers when they leave, keeping the answers', async () => {
    const { id } = await answered('答复人注销');
    // The seeded responder is needed elsewhere: a fresh person joins as a peer by answering as coordinator would not work, so the peer leaves.
    expectOk(await api.call(CS_PEER, 'answer.post', { questionId: id, content: '朋辈同学的补充答复。' }));
    expectOk(await api.call(CS_PEER, 'me.delete', { confirm: '注销账号' }));
    const detail = expectOk(await api.call(STUDENT, 'question.get', { id }));
    expect(detail.answers.map((a: { responderName: string }) => a.responderName)).toEqual(['任智宇', '已注销用户']);
    expect(JSON.stringify(api.question(id))).not.toContain(CS_PEER);
    expect(api.find('users', { openid: CS_PEER })).toEqual([]);
  });
});

describe('retention of closed cases', () => {
  it('removes the asker and the private notes of a case closed longer ago than the retention period, once', async () => {
    const id = await askAsStudent(api, { title: '保留期限测试' });
    const answer = expectOk(await api.call(CS_RESPONDER, 'answer.post', { questionId: id, content: '正式答复，保留期后仍然公开。' }));
    expectOk(await api.call(CS_RESPONDER, 'question.startHandling', { questionId: id, note: '约了张晓雨同学面谈' }));
    expectOk(await api.call(CS_RESPONDER, 'question.resolve', { questionId: id, note: '已当面说明' }));
    expectOk(await api.call(STUDENT, 'question.rate', { questionId: id, satisfied: true, comment: '谢谢老师，我的学号是 2023001' }));
    api.advance(8 * DAY_MS);
    await api.tick();
    expect(api.question(id)).toMatchObject({ status: 'closed', anonymisedAt: null });
    expect(api.question(id).closedAt).toEqual(expect.any(Number));

    api.advance(731 * DAY_MS);
    await api.tick();
    const q = api.question(id);
    expect(q.anonymisedAt).toEqual(expect.any(Number));
    expect(JSON.stringify(q)).not.toContain(STUDENT);
    expect(JSON.stringify(q)).not.toContain('面谈');
    expect(JSON.stringify(q)).not.toContain('2023001');
    expect(q.answers).toEqual([expect.objectContaining({ id: answer.answerId, content: '正式答复，保留期后仍然公开。' })]);
    expect(q.nextWorkAt).toBeNull();
    const version = q.version;
    await api.tick();
    expect(api.question(id).version).toBe(version);
  });
});

describe('staff bind a phone number through WeChat’s button', () => {
  it('binds for staff, shows it masked to them and whole to admins; refuses students and bad codes', async () => {
    expect(await api.call(STUDENT, 'me.bindPhone', { code: 'dev-13800001111' })).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(await api.call(CS_RESPONDER, 'me.bindPhone', { code: 'not-a-code' })).toMatchObject(refused('PHONE.CODE_INVALID'));
    expect(await api.call(CS_RESPONDER, 'me.bindPhone', { code: '' })).toMatchObject(refused('INPUT.INVALID'));
    expect(expectOk(await api.call(CS_RESPONDER, 'me.bindPhone', { code: 'dev-13800001111' }))).toEqual({ phone: '138****1111' });
    expect(expectOk(await api.call(CS_RESPONDER, 'me.get', {}))).toMatchObject({ phone: '138****1111' });
    expect(expectOk(await api.call(STUDENT, 'me.get', {}))).toMatchObject({ phone: null });
    // Someone in 任智宇's unit the reminders could not reach: the admin sees whom to call.
    await api.db.collection('notifications').add({
      _id: 'n-phone-test', questionId: 'q-demo-001', kind: 'reminder', recipientOpenid: CS_RESPONDER, recipientName: '任智宇', unitId: 'c-cs', templateKey: 'reminder',
      data: {}, page: '', text: '提醒', alsoGroup: false, state: 'undeliverable', dueAt: 0, attempts: 1, channel: null, reason: 'no credit', problem: 'NO_CREDIT', createdAt: api.now(), finishedAt: api.now(),
    });
    const people = expectOk(await api.call(SCHOOL_ADMIN, 'unit.unreachable', {})).people;
    expect(people).toContainEqual(expect.objectContaining({ name: '任智宇', phone: '13800001111' }));
  });
});
