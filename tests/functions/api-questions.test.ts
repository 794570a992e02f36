import { HOUR_MS } from '../../shared/domain/answer-deadline';
import {
  CS_RESPONDER,
  ECON_RESPONDER,
  expectOk,
  LOGISTICS,
  OTHER_STUDENT,
  startLocalApi,
  STUDENT,
  type LocalApi,
} from './support/local-api';

let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi();
});
afterAll(() => api.stop());

const ask = (overrides: Record<string, unknown> = {}) => ({
  collegeId: 'c-cs',
  categoryId: 'cat-study',
  title: '数据结构课程有没有答疑时间',
  content: '想了解一下数据结构这门课每周有没有固定的答疑时间和地点。',
  ...overrides,
});

describe('catalog.get and me.get', () => {
  it('lists the colleges, departments and categories the ask page needs', async () => {
    const catalog = expectOk(await api.call(STUDENT, 'catalog.get'));
    expect(catalog.units.filter((u: any) => u.kind === 'college').length).toBeGreaterThanOrEqual(6);
    expect(catalog.units.filter((u: any) => u.kind === 'department').length).toBeGreaterThanOrEqual(3);
    expect(catalog.categories.length).toBeGreaterThanOrEqual(10);
    expect(catalog.categories.map((c: any) => c.name)).toEqual(expect.arrayContaining(['学业', '奖助勤贷', '就业', '心理', '后勤宿舍', '团务']));
  });

  it('treats an unknown WeChat user as an unregistered student', async () => {
    const me = expectOk(await api.call('wx-newcomer-001', 'me.get'));
    expect(me).toMatchObject({ registered: false, name: null, collegeId: null, roles: ['student'], memberships: [] });
    expect(me.subscribeTemplates.asker.length).toBeGreaterThan(0);
  });

  it('describes a responder with their unit and team', async () => {
    const me = expectOk(await api.call(CS_RESPONDER, 'me.get'));
    expect(me.roles).toContain('responder');
    expect(me.memberships).toEqual([
      { unitId: 'c-cs', unitName: '计算机科学与技术学院团委', team: 'expert', categoryIds: ['cat-study', 'cat-career'] },
    ]);
  });

  it('requires a WeChat identity', async () => {
    expect(await api.call(null, 'me.get')).toMatchObject({ ok: false, error: { code: 'AUTH.REQUIRED' } });
  });
});

describe('question.ask', () => {
  it("routes to the asker's college committee when the category has no owner, with a 24-hour deadline", async () => {
    const out = expectOk(await api.call(STUDENT, 'question.ask', ask()));
    expect(out.routedTo).toEqual({ unitId: 'c-cs', unitName: '计算机科学与技术学院团委', reason: 'college' });
    expect(out.deadlineAt - out.createdAt).toBe(24 * HOUR_MS);
    const stored = api.find('questions', { _id: out.id })[0]!;
    expect(stored).toMatchObject({ askerOpenid: STUDENT, status: 'routed', ownerUnitId: 'c-cs' });
    expect(stored.timeline).toEqual([expect.objectContaining({ type: 'ask', toStatus: 'routed', unitId: 'c-cs' })]);
    // Written whole: its schedule (the first reminder, 4 hours before the deadline) is in the same document.
    expect(stored.nextWorkAt).toBe(out.deadlineAt - 4 * HOUR_MS);
  });

  it("routes to the category's owning department (后勤宿舍 → 后勤服务中心)", async () => {
    const out = expectOk(await api.call(STUDENT, 'question.ask', ask({ categoryId: 'cat-dorm', title: '宿舍空调不制热' })));
    expect(out.routedTo).toMatchObject({ unitId: 'd-logistics', unitName: '后勤服务中心', reason: 'category' });
  });

  it('uses the emergency lane (2 hours) for urgent questions and the category window otherwise', async () => {
    const urgent = expectOk(await api.call(STUDENT, 'question.ask', ask({ urgent: true, title: '实验室有异味需要处理' })));
    expect(urgent.deadlineAt - urgent.createdAt).toBe(2 * HOUR_MS);
    const mind = expectOk(await api.call(STUDENT, 'question.ask', ask({ categoryId: 'cat-mind', title: '最近压力很大怎么办' })));
    expect(mind.deadlineAt - mind.createdAt).toBe(12 * HOUR_MS);
  });

  it('is idempotent on requestId: a retried submit creates one question', async () => {
    const before = api.count('questions');
    const first = expectOk(await api.call(STUDENT, 'question.ask', ask({ title: '重复提交测试的问题' }), 'submit-retry-0001'));
    const [second, third] = await Promise.all([
      api.call(STUDENT, 'question.ask', ask({ title: '重复提交测试的问题' }), 'submit-retry-0001'),
      api.call(STUDENT, 'question.ask', ask({ title: '重复提交测试的问题' }), 'submit-retry-0001'),
    ]);
    expect(expectOk(second).id).toBe(first.id);
    expect(expectOk(third).id).toBe(first.id);
    expect(api.count('questions')).toBe(before + 1);
    expect(api.question(first.id).timeline).toHaveLength(1);
  });

  it('does not let another person reuse a requestId to read or overwrite a question', async () => {
    const mine = expectOk(await api.call(STUDENT, 'question.ask', ask(), 'shared-request-01'));
    const theirs = expectOk(await api.call(OTHER_STUDENT, 'question.ask', ask({ collegeId: 'c-econ' }), 'shared-request-01'));
    expect(theirs.id).not.toBe(mine.id);
    expect(theirs.routedTo.unitId).toBe('c-econ');
  });

  it.each([
    ['an unknown college', { collegeId: 'c-nowhere' }, 'CATALOG.UNKNOWN_COLLEGE'],
    ['a department as the college', { collegeId: 'd-academic' }, 'CATALOG.UNKNOWN_COLLEGE'],
    ['an unknown category', { categoryId: 'cat-nowhere' }, 'CATALOG.UNKNOWN_CATEGORY'],
  ])('rejects %s and writes nothing', async (_label, overrides, code) => {
    const before = api.count('questions');
    expect(await api.call(STUDENT, 'question.ask', ask(overrides))).toMatchObject({ ok: false, error: { code } });
    expect(api.count('questions')).toBe(before);
  });
});

describe('reading questions', () => {
  let publicId: string;
  let privateId: string;
  let anonymousId: string;

  beforeAll(async () => {
    publicId = expectOk(await api.call(STUDENT, 'question.ask', ask({ title: '公开问题：图书馆开放时间' }))).id;
    privateId = expectOk(await api.call(STUDENT, 'question.ask', ask({ title: '私密问题：家庭情况', visibility: 'private' }))).id;
    anonymousId = expectOk(await api.call(STUDENT, 'question.ask', ask({ title: '匿名问题：课程建议', anonymous: true }))).id;
  });

  it('shows a public question to any student, with routing and status', async () => {
    const q = expectOk(await api.call(OTHER_STUDENT, 'question.get', { id: publicId }));
    // Students' names are not published: to another student the asker is 提问同学.
    expect(q).toMatchObject({ id: publicId, status: 'routed', ownerUnitName: '计算机科学与技术学院团委', askerName: '提问同学', viewerIsAsker: false, viewerCanAnswer: false });
    expect(q).not.toHaveProperty('askerOpenid');
  });

  it('keeps a private question to the asker and the handlers', async () => {
    expect(await api.call(OTHER_STUDENT, 'question.get', { id: privateId })).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect(await api.call(ECON_RESPONDER, 'question.get', { id: privateId })).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect(expectOk(await api.call(STUDENT, 'question.get', { id: privateId })).viewerIsAsker).toBe(true);
    expect(expectOk(await api.call(CS_RESPONDER, 'question.get', { id: privateId })).viewerCanAnswer).toBe(true);
  });

  it('hides an anonymous asker from the public but not from the handlers', async () => {
    expect(expectOk(await api.call(OTHER_STUDENT, 'question.get', { id: anonymousId })).askerName).toBe('匿名同学');
    expect(expectOk(await api.call(CS_RESPONDER, 'question.get', { id: anonymousId })).askerName).toBe('张晓雨');
    expect(expectOk(await api.call(STUDENT, 'question.get', { id: anonymousId })).askerName).toBe('张晓雨');
  });

  it('answers QUESTION.NOT_FOUND for an id that does not exist', async () => {
    expect(await api.call(STUDENT, 'question.get', { id: 'q_doesnotexist' })).toMatchObject({ ok: false, error: { code: 'QUESTION.NOT_FOUND' } });
  });

  it('pages the public feed newest first, only answered public questions, without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let previous = Infinity;
    do {
      const page = expectOk(await api.call(null, 'question.listPublic', { pageSize: 7, ...(cursor ? { cursor } : {}) }));
      for (const item of page.items) {
        expect(['answered', 'handling', 'resolved', 'closed']).toContain(item.status);
        expect(item.visibility).toBe('public');
        expect(item.createdAt).toBeLessThanOrEqual(previous);
        previous = item.createdAt;
        seen.push(item.id);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(api.count('questions', { visibility: 'public', status: { $in: ['answered', 'handling', 'resolved', 'closed'] } }));
    expect(seen.length).toBeGreaterThan(20);
  });

  it('never reveals an anonymous asker in the public feed', async () => {
    const page = expectOk(await api.call(null, 'question.listPublic', { pageSize: 50 }));
    const anonymous = page.items.filter((q: any) => q.anonymous);
    expect(anonymous.length).toBeGreaterThan(0);
    for (const q of anonymous) expect(q.askerName).toBe('匿名同学');
    expect(JSON.stringify(page)).not.toMatch(/dev-student/);
  });

  it('filters the feed by category', async () => {
    const page = expectOk(await api.call(null, 'question.listPublic', { pageSize: 50, categoryId: 'cat-dorm' }));
    expect(page.items.length).toBeGreaterThan(0);
    for (const q of page.items) expect(q.categoryName).toBe('后勤宿舍');
  });

  it("lists only the caller's own questions, private ones included", async () => {
    const mine = expectOk(await api.call(STUDENT, 'question.listMine', { pageSize: 50 }));
    expect(mine.items.map((q: any) => q.id)).toEqual(expect.arrayContaining([publicId, privateId, anonymousId]));
    const theirs = expectOk(await api.call(OTHER_STUDENT, 'question.listMine', { pageSize: 50 }));
    expect(theirs.items.map((q: any) => q.id)).not.toContain(privateId);
  });
});

describe('inbox.list', () => {
  it("shows a responder every question still owed a reply in 待回复: urgent first, then soonest deadline (overdue ones lead)", async () => {
    const urgent = expectOk(await api.call(STUDENT, 'question.ask', ask({ urgent: true, title: '紧急：机房门禁无法进入' }))).id;
    const inbox = expectOk(await api.call(CS_RESPONDER, 'inbox.list', { pageSize: 50 }));
    const leadingUrgent = inbox.items.slice(0, inbox.items.findIndex((q: any) => !q.urgent));
    expect(leadingUrgent.map((q: any) => q.id)).toContain(urgent);
    for (const q of inbox.items) {
      expect(q.ownerUnitId).toBe('c-cs');
      expect(q.status).toBe('routed');
    }
    const order = inbox.items.map((q: any) => [q.urgent ? 0 : 1, q.deadlineAt]);
    expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    // Everything owed a reply is here, including the 即将超时 and 已超时 slices.
    const counts = expectOk(await api.call(CS_RESPONDER, 'inbox.counts', {}));
    expect(counts.pending).toBe(inbox.items.length);
    const overdue = expectOk(await api.call(CS_RESPONDER, 'inbox.list', { box: 'overdue', pageSize: 50 }));
    for (const q of overdue.items) expect(inbox.items.map((i: any) => i.id)).toContain(q.id);
  });

  it('pages 待回复 by its order without repeats or gaps', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = expectOk(await api.call(CS_RESPONDER, 'inbox.list', { pageSize: 2, ...(cursor ? { cursor } : {}) }));
      seen.push(...page.items.map((q: any) => q.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const all = expectOk(await api.call(CS_RESPONDER, 'inbox.list', { pageSize: 50 }));
    expect(seen).toEqual(all.items.map((q: any) => q.id));
  });

  it('puts the last four hours in 即将超时, where the emergency lane lands at once', async () => {
    const urgent = expectOk(await api.call(STUDENT, 'question.ask', ask({ urgent: true, title: '紧急：实验楼停电' }))).id;
    const dueSoon = expectOk(await api.call(CS_RESPONDER, 'inbox.list', { box: 'dueSoon' }));
    expect(dueSoon.items.map((q: any) => q.id)).toContain(urgent);
    for (const q of dueSoon.items) expect(q.deadlineAt - Date.now()).toBeLessThanOrEqual(4 * HOUR_MS);
  });

  it("does not show another unit's questions", async () => {
    const inbox = expectOk(await api.call(LOGISTICS, 'inbox.list', { pageSize: 50 }));
    for (const q of inbox.items) expect(q.ownerUnitId).toBe('d-logistics');
  });

  it('lists answered questions in the 已回复 box', async () => {
    const inbox = expectOk(await api.call(CS_RESPONDER, 'inbox.list', { box: 'answered', pageSize: 3 }));
    expect(inbox.items.length).toBe(3);
    for (const q of inbox.items) expect(q.status).toBe('answered');
    expect(inbox.nextCursor).not.toBeNull();
  });

  it('is refused to students', async () => {
    expect(await api.call(STUDENT, 'inbox.list', {})).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
  });
});

describe('inbox.counts', () => {
  it('counts what each working box lists', async () => {
    const counts = expectOk(await api.call(CS_RESPONDER, 'inbox.counts', {}));
    for (const box of ['pending', 'dueSoon', 'overdue', 'handling'] as const) {
      const listed = expectOk(await api.call(CS_RESPONDER, 'inbox.list', { box, pageSize: 50 }));
      expect(counts[box]).toBe(listed.items.length);
    }
    expect(await api.call(STUDENT, 'inbox.counts', {})).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
  });
});
