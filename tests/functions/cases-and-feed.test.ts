import { FEED_SETTLE_MS } from '../../shared/server/use-cases/export-feed';
import { HOUR_MS } from '../../shared/domain/answer-deadline';
import type { Repositories } from '../../shared/server/ports/repositories';
import { askAsStudent, COORDINATOR, CS_PEER, CS_RESPONDER, ECON_RESPONDER, expectOk, LOGISTICS, OTHER_STUDENT, replacing, startLocalApi, STUDENT, type LocalApi } from './support/local-api';

/**
 * Issue 10: typical cases (案例报送) marked on the question, and the export
 * feed (数据共享) the central platform reads with its service credential.
 */
let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi();
});
afterAll(() => api.stop());

const refused = (code: string) => ({ ok: false, error: expect.objectContaining({ code }) });
const CS_ADMIN = 'dev-cs-league';
const SCHOOL_ADMIN = 'dev-admin';
const SUPERVISOR = 'dev-supervisor';
const WRITE_UP = '学院当天答复并协调教学办，问题在一周内得到解决。';

async function answered(title: string) {
  const id = await askAsStudent(api, { title });
  expectOk(await api.call(CS_RESPONDER, 'answer.post', { questionId: id, content: '已经处理，谢谢反映。' }));
  return id;
}

describe('typical cases', () => {
  it('a handler of the unit marks an answered question as a case: on the question, an internal step, idempotent', async () => {
    const id = await answered('典型案例：实验室开放时间');
    const marked = expectOk(await api.call(CS_PEER, 'case.mark', { questionId: id, kind: 'online', writeUp: WRITE_UP }, 'case-mark-0001'));
    expect(marked).toMatchObject({ questionId: id, typicalCase: { kind: 'online', writeUp: WRITE_UP, markedByName: '黄怡然' } });
    // The same request again: the same answer, no second step.
    expect(expectOk(await api.call(CS_PEER, 'case.mark', { questionId: id, kind: 'online', writeUp: WRITE_UP }, 'case-mark-0001'))).toEqual(marked);
    expect(api.question(id).timeline.filter((e: { type: string }) => e.type === 'markCase')).toHaveLength(1);
    expect(api.question(id)).toMatchObject({ typicalCase: { kind: 'online', unitId: 'c-cs', markedByOpenid: CS_PEER }, version: marked.version });

    const handlerView = expectOk(await api.call(CS_RESPONDER, 'question.get', { id }));
    expect(handlerView.timeline.at(-1)).toMatchObject({ type: 'markCase', internal: true, reason: `线上典型案例：${WRITE_UP}` });
    expect(handlerView).toMatchObject({ typicalCase: { kind: 'online', writeUp: WRITE_UP, markedByName: '黄怡然' }, viewerCanMarkCase: true });
    const publicView = expectOk(await api.call(OTHER_STUDENT, 'question.get', { id }));
    expect(publicView).toMatchObject({ typicalCase: null, viewerCanMarkCase: false });
    expect(expectOk(await api.call(STUDENT, 'question.get', { id }))).toMatchObject({ typicalCase: null, viewerCanMarkCase: false });
    expect(publicView.timeline.map((e: { type: string }) => e.type)).not.toContain('markCase');
    expect(JSON.stringify(publicView)).not.toContain(WRITE_UP);
  });

  it('edits keep the period it was collected in; unmarking takes it off; the coordinator may too', async () => {
    const id = await answered('典型案例：修改与撤销');
    const first = expectOk(await api.call(CS_ADMIN, 'case.mark', { questionId: id, kind: 'offline', writeUp: WRITE_UP }));
    api.advance(60_000);
    const edited = expectOk(await api.call(COORDINATOR, 'case.mark', { questionId: id, kind: 'online', writeUp: `${WRITE_UP}（补充）` }));
    expect(edited.typicalCase).toMatchObject({ kind: 'online', markedAt: first.typicalCase.markedAt, markedByName: '王钰铭' });
    expect(expectOk(await api.call(CS_ADMIN, 'case.mark', { questionId: id, kind: 'none' }))).toMatchObject({ typicalCase: null });
    expect(api.question(id).typicalCase).toBeNull();
    // Unmarking what is not marked changes nothing.
    const version = api.question(id).version;
    expect(expectOk(await api.call(CS_ADMIN, 'case.mark', { questionId: id, kind: 'none' })).version).toBe(version);
  });

  it('refuses other units, the asker, students, unanswered questions and bad input', async () => {
    const id = await answered('典型案例：权限检查');
    for (const who of [ECON_RESPONDER, LOGISTICS, 'dev-supervisor']) expect(await api.call(who, 'case.mark', { questionId: id, kind: 'online', writeUp: WRITE_UP })).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(await api.call(STUDENT, 'case.mark', { questionId: id, kind: 'online', writeUp: WRITE_UP })).toMatchObject(refused('AUTH.FORBIDDEN'));
    const waiting = await askAsStudent(api, { title: '典型案例：还没答复' });
    expect(await api.call(CS_RESPONDER, 'case.mark', { questionId: waiting, kind: 'offline', writeUp: WRITE_UP })).toMatchObject(refused('QUESTION.STATE_CONFLICT'));
    expect(await api.call(CS_RESPONDER, 'case.mark', { questionId: 'q_missing', kind: 'offline', writeUp: WRITE_UP })).toMatchObject(refused('QUESTION.NOT_FOUND'));
    for (const data of [
      { questionId: id, kind: 'online', writeUp: '太短' },
      { questionId: id, kind: 'online' },
      { questionId: id, kind: 'typical', writeUp: WRITE_UP },
      { questionId: id, kind: 'online', writeUp: '长'.repeat(301) },
      { questionId: { $gt: '' }, kind: 'none' },
      { questionId: id, kind: 'none', unitId: 'c-cs' },
    ]) {
      expect(await api.call(CS_RESPONDER, 'case.mark', data)).toMatchObject(refused('INPUT.INVALID'));
    }
  });

  it('lists cases newest first, by unit for its people and every unit for oversight, in pages', async () => {
    const all = expectOk(await api.call(COORDINATOR, 'case.list', { pageSize: 50 }));
    const units = all.items.map((c: { unitId: string }) => c.unitId);
    // The seed's three (后勤 offline, 保卫处 and 计算机学院 online) and the one marked above.
    expect(units.filter((u: string) => u !== 'c-cs').sort()).toEqual(['d-logistics', 'd-security']);
    const markedAt = all.items.map((c: { markedAt: number }) => c.markedAt);
    expect(markedAt).toEqual([...markedAt].sort((a, b) => b - a));
    expect(all.items.find((c: { unitId: string }) => c.unitId === 'd-logistics')).toMatchObject({ kind: 'offline', title: '宿舍热水器坏了三天还没修', markedByName: '夏晶', categoryName: '后勤宿舍' });

    const mine = expectOk(await api.call(CS_ADMIN, 'case.list', {}));
    expect(mine.items.every((c: { unitId: string }) => c.unitId === 'c-cs')).toBe(true);
    expect(expectOk(await api.call(CS_RESPONDER, 'case.list', { kind: 'offline' })).items).toEqual([]);
    const first = expectOk(await api.call(SCHOOL_ADMIN, 'case.list', { pageSize: 1 }));
    const second = expectOk(await api.call(SCHOOL_ADMIN, 'case.list', { pageSize: 1, cursor: first.nextCursor }));
    expect(second.items[0].questionId).not.toBe(first.items[0].questionId);

    expect(await api.call(CS_ADMIN, 'case.list', { unitId: 'd-logistics' })).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(await api.call(STUDENT, 'case.list', {})).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(await api.call(SCHOOL_ADMIN, 'case.list', { from: '2026-13-01' })).toMatchObject(refused('INPUT.INVALID'));
    expect(await api.call(SCHOOL_ADMIN, 'case.list', { cursor: 'not-a-cursor' })).toMatchObject(refused('INPUT.INVALID'));
    for (const data of [{ kind: 'typical' }, { pageSize: 0 }, { pageSize: 101 }, { unitId: { $ne: '' } }, { from: '2026-03-10', to: '2026-03-01' }, { extra: 1 }]) {
      expect({ data, reply: await api.call(SCHOOL_ADMIN, 'case.list', data) }).toMatchObject({ data, reply: refused('INPUT.INVALID') });
    }
  });
});

describe('the export feed', () => {
  it('refuses a caller without the service credential, and a WeChat user', async () => {
    expect(await api.feed({}, { authorization: '' })).toMatchObject({ statusCode: 401, headers: expect.objectContaining({ 'www-authenticate': expect.stringContaining('Bearer') }), body: refused('AUTH.REQUIRED') });
    expect(await api.feed({}, { authorization: 'Bearer not-the-token-0000000000000000000000' })).toMatchObject({ statusCode: 401 });
    expect(await api.feed({}, { authorization: 'Basic bG9jYWw6dG9rZW4=' })).toMatchObject({ statusCode: 401 });
    expect(await api.feed({}, {}, 'POST')).toMatchObject({ statusCode: 405 });
  });

  it('refuses bad input', async () => {
    const queries: Record<string, string>[] = [{ limit: '0' }, { limit: '201' }, { limit: 'many' }, { cursor: 'abc' }, { cursor: '123~$gt' }, { since: '0' }];
    for (const query of queries) {
      expect(await api.feed(query)).toMatchObject({ statusCode: 400, body: refused('INPUT.INVALID') });
    }
  });

  it('serves public questions with their published answers and figures, withholding private and personal data', async () => {
    api.advance(FEED_SETTLE_MS + 1000);
    const items: any[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 20; page++) {
      const res = await api.feed({ limit: '10', ...(cursor ? { cursor } : {}) });
      expect(res.statusCode).toBe(200);
      items.push(...res.body.data.items);
      cursor = res.body.data.nextCursor;
      if (!res.body.data.hasMore) break;
    }
    const ids = items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    const order = items.map((i) => i.updatedAt);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // Private questions never appear (the 室友 question, the crisis lane); the held one is withdrawn.
    const stored = api.find('questions', {});
    const privateIds = stored.filter((q) => q.visibility === 'private').map((q) => q._id);
    expect(privateIds.length).toBeGreaterThanOrEqual(2);
    for (const id of privateIds) expect(ids).not.toContain(id);
    const held = stored.find((q) => q.moderation.state === 'review')!;
    expect(items.find((i) => i.id === held._id)).toEqual({ id: held._id, withdrawn: true, updatedAt: held.updatedAt });
    // No asker, no openid, no internal note, no rating comment, no anonymous asker's college.
    const text = JSON.stringify(items);
    for (const secret of ['张晓雨', '李思远', '陈嘉怡', '赵一鸣', 'dev-', 'openid', '已派12号楼维修班组上门', '修得很快，谢谢老师', '与餐饮中心协调夜宵窗口']) expect(text).not.toContain(secret);
    const anonymous = items.find((i) => i.title === '最近总是失眠，焦虑考研，该怎么调整？');
    expect(anonymous).toMatchObject({ anonymous: true, collegeName: null, unitName: '学生工作部' });
    const security = items.find((i) => i.title === '图书馆丢了电脑包，里面有笔记本电脑');
    expect(security).toMatchObject({
      collegeName: '计算机科学与技术学院',
      urgent: true,
      status: 'closed',
      notice: { text: expect.stringContaining('保卫处接报后调取监控') },
      figures: { answerCount: 2, answeredOnTime: true, firstAnswerMinutes: 60, escalated: false, settled: true, satisfied: true },
    });
    expect(security.answers.map((a: { official: boolean; responderName: string }) => [a.official, a.responderName])).toEqual([
      [true, '王美玲'],
      [false, '王美玲'],
    ]);
    const overdue = items.find((i) => i.title === '外国语学院的语音室晚上能开放吗？');
    expect(overdue.figures).toMatchObject({ answeredOnTime: false, escalated: true, firstAnswerMinutes: null });
  });

  it('is incremental: what changed after the cursor, once it has settled; a question hidden later is withdrawn', async () => {
    const start = await api.feed({ limit: '200' });
    const cursor = start.body.data.nextCursor as string;
    expect(cursor).toMatch(/^\d+~/);
    expect((await api.feed({ cursor })).body.data).toMatchObject({ items: [], nextCursor: cursor, hasMore: false });

    const id = await answered('数据共享：新答复的问题');
    const seed = api.find('questions', { title: '选课系统一直卡在加载，选不上课' })[0]!;
    expectOk(await api.call(COORDINATOR, 'moderation.decide', { questionId: seed._id, target: 'question', decision: 'hide', reason: '涉及个人信息' }));
    // Not yet: a change is served once it is two minutes old (nothing can land behind it after that).
    expect((await api.feed({ cursor })).body.data.items).toEqual([]);
    api.advance(FEED_SETTLE_MS + 1000);
    const next = (await api.feed({ cursor })).body.data;
    expect(next.items.map((i: { id: string }) => i.id).sort()).toEqual([id, seed._id].sort());
    expect(next.items.find((i: { id: string }) => i.id === seed._id)).toEqual({ id: seed._id, withdrawn: true, updatedAt: expect.any(Number) });
    expect(next.items.find((i: { id: string }) => i.id === id)).toMatchObject({ withdrawn: false, status: 'answered', answers: [expect.objectContaining({ official: true, content: '已经处理，谢谢反映。' })] });
    expect((await api.feed({ cursor: next.nextCursor })).body.data.items).toEqual([]);
  });

  it('every step of the whole loop moves updatedAt, the scheduler\'s included, and every write through the use cases sets it', async () => {
    const id = await askAsStudent(api, { title: '数据共享：整条流程都更新时间' });
    expect(api.question(id).updatedAt).toBe(api.question(id).createdAt);
    const writes: { set: Record<string, unknown>; at: number }[] = [];
    const recording = (repos: Repositories) => ({
      ...repos,
      questions: replacing(repos.questions, 'applyChange', (original, qid: string, version: number, change: { set: Record<string, unknown> }) => {
        writes.push({ set: change.set, at: api.now() });
        return original(qid, version, change);
      }),
    });
    const steps: [string, string, Record<string, unknown>][] = [
      [CS_RESPONDER, 'question.claim', {}],
      [CS_RESPONDER, 'answer.post', { content: '已收到，正在协调。' }],
      [CS_RESPONDER, 'question.startHandling', { note: '联系教学办' }],
      [CS_RESPONDER, 'question.addProgress', { note: '教学办已回复' }],
      [CS_RESPONDER, 'question.resolve', { note: '已安排' }],
      [STUDENT, 'question.rate', { satisfied: false, comment: '还没解决' }],
      [STUDENT, 'question.reopen', { reason: '问题还在' }],
      [CS_RESPONDER, 'question.resolve', { note: '再次处理完毕' }],
      [CS_RESPONDER, 'case.mark', { kind: 'offline', writeUp: WRITE_UP }],
      [STUDENT, 'question.rate', { satisfied: true }],
      [COORDINATOR, 'moderation.decide', { target: 'question', decision: 'hide', reason: '测试隐藏' }],
    ];
    let last = api.question(id).updatedAt;
    for (const [who, action, data] of steps) {
      api.advance(1000);
      writes.length = 0;
      const called = api.now();
      expect({ action, reply: await api.callWith(recording, who, action, { questionId: id, ...data }) }).toMatchObject({ action, reply: { ok: true } });
      expect({ action, wrote: writes.length > 0 }).toEqual({ action, wrote: true });
      // Set to the action's clock: read when the call began, before the write.
      for (const w of writes) {
        const at = w.set.updatedAt as number;
        expect({ action, inCall: at >= called && at <= w.at }).toEqual({ action, inCall: true });
      }
      const now = api.question(id).updatedAt;
      expect({ action, moved: now > last }).toEqual({ action, moved: true });
      last = now;
    }
    // The scheduler's changes too: an unanswered question's escalation at its deadline.
    const late = await askAsStudent(api, { title: '数据共享：超时升级也更新时间' });
    const before = api.question(late).updatedAt;
    api.advance(25 * HOUR_MS);
    await api.tick();
    expect(api.question(late).escalatedAt).not.toBeNull();
    const escalated = api.question(late).updatedAt;
    expect(escalated).toBeGreaterThan(before);
    // And the supervisor's 催办 of the unit that missed it.
    api.advance(1000);
    writes.length = 0;
    expectOk(await api.callWith(recording, SUPERVISOR, 'question.urge', { questionId: late, note: '请尽快答复' }));
    expect(writes.map((w) => typeof w.set.updatedAt)).toEqual(['number']);
    expect(api.question(late).updatedAt).toBeGreaterThan(escalated);
  });

  it('costs two requests warm, at any size: the page and the catalog (cached)', async () => {
    await api.feed({ limit: '50' });
    api.resetStats();
    await api.feed({ limit: '50' });
    expect(api.stats().total).toBeLessThanOrEqual(2);
    expect(api.stats().unindexed).toEqual([]);
  });
});
