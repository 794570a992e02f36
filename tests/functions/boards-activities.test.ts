import { HOUR_MS } from '../../shared/domain/answer-deadline';
import { REMOVED_PERSON_NAME } from '../../shared/domain/privacy';
import { askAsStudent, COORDINATOR, CS_RESPONDER, expectOk, OTHER_STUDENT, startLocalApi, STUDENT, type LocalApi } from './support/local-api';

/**
 * Issue 11, 活动公告: activities with capacity, a waiting list, check-in by
 * code, the organiser's list, and activities made from students' questions
 * (线上诉求延伸到线下). The real api function through the real SDK.
 */
let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi();
});
afterAll(() => api.stop());

const CS_ADMIN = 'dev-cs-league'; // 高鹏, 计算机学院团委's admin
const ECON_ADMIN = 'dev-econ-league';
const SCHOOL_ADMIN = 'dev-admin';
const refused = (code: string) => ({ ok: false, error: { code } });
let seq = 0;

function fields(overrides: Record<string, unknown> = {}) {
  const now = api.now();
  seq += 1;
  return {
    unitId: 'c-cs',
    title: `学业答疑面对面 ${seq}`,
    body: '邀请学业导师面对面答疑，解答选课和考研问题，欢迎报名。',
    place: '信息楼 201',
    startAt: now + 48 * HOUR_MS,
    endAt: now + 50 * HOUR_MS,
    capacity: 3,
    signUpDeadline: now + 24 * HOUR_MS,
    ...overrides,
  };
}

async function create(overrides: Record<string, unknown> = {}, as = CS_ADMIN, requestId?: string): Promise<string> {
  return expectOk(await api.call(as, 'activity.create', fields(overrides), requestId)).id as string;
}

describe('who may create and manage an activity', () => {
  it('a unit admin for their own unit; the coordinator and the school admin for any unit; nobody else', async () => {
    expect((await api.call(CS_ADMIN, 'activity.create', fields())).ok).toBe(true);
    expect((await api.call(COORDINATOR, 'activity.create', fields({ unitId: 'c-econ' }))).ok).toBe(true);
    expect((await api.call(SCHOOL_ADMIN, 'activity.create', fields({ unitId: 'd-logistics' }))).ok).toBe(true);
    expect(await api.call(ECON_ADMIN, 'activity.create', fields())).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(await api.call(CS_RESPONDER, 'activity.create', fields())).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(await api.call(STUDENT, 'activity.create', fields())).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(await api.call(null, 'activity.create', fields())).toMatchObject(refused('AUTH.REQUIRED'));
    expect(await api.call(CS_ADMIN, 'activity.create', fields({ unitId: 'c-nowhere' }))).toMatchObject(refused('CATALOG.UNKNOWN_UNIT'));
  });

  it('shows the attendees and the check-in code to the organising unit, the coordinator and the school admin only', async () => {
    const id = await create();
    for (const who of [CS_ADMIN, COORDINATOR, SCHOOL_ADMIN]) expect(expectOk(await api.call(who, 'activity.attendees', { activityId: id })).checkInCode).toMatch(/^\d{6}$/);
    for (const who of [ECON_ADMIN, CS_RESPONDER, STUDENT]) expect(await api.call(who, 'activity.attendees', { activityId: id })).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(expectOk(await api.call(STUDENT, 'activity.get', { id })).canManage).toBe(false);
    expect(expectOk(await api.call(CS_ADMIN, 'activity.get', { id })).canManage).toBe(true);
    expect(JSON.stringify(await api.call(STUDENT, 'activity.get', { id }))).not.toMatch(/checkInCode/);
  });
});

describe('an activity made from questions', () => {
  it('links public and private questions, tells every asker, and never shows a private one publicly', async () => {
    const open = await askAsStudent(api, { title: '想要一次考研经验分享', content: '希望学院能组织学长学姐分享考研经验。' });
    const secret = await askAsStudent(api, { title: '考研焦虑想找人聊聊', content: '最近考研压力很大，不想公开，想线下交流。', visibility: 'private' });
    const other = expectOk(await api.call(OTHER_STUDENT, 'question.ask', { collegeId: 'c-econ', categoryId: 'cat-study', title: '经济学院的私密问题', content: '这是一个经济学院同学的私密问题内容。', visibility: 'private' })).id;

    expect(await api.call(CS_ADMIN, 'activity.create', fields({ questionIds: [open, other] }))).toMatchObject(refused('QUESTION.NOT_FOUND'));
    const reply = expectOk(await api.call(CS_ADMIN, 'activity.create', fields({ title: '考研经验分享会', questionIds: [open, secret] }), 'act-from-q-0001'));
    expect(reply).toMatchObject({ linked: 2, notified: 2 });
    expect(api.question(open).activityIds).toEqual([reply.id]);
    expect(api.question(secret).activityIds).toEqual([reply.id]);
    const told = api.find('notifications', { kind: 'activityLinked' });
    expect(told.map((n) => n.questionId).sort()).toEqual([open, secret].sort());
    expect(told.every((n) => n.recipientOpenid === STUDENT)).toBe(true);

    const seen = expectOk(await api.call(null, 'activity.get', { id: reply.id }));
    expect(seen.activity.questions).toEqual([{ id: open, title: '想要一次考研经验分享' }]);
    expect(seen.activity.fromQuestions).toBe(true);
    expect(JSON.stringify(seen)).not.toContain('考研焦虑');

    // A retry links nothing twice and tells nobody twice; the same request id with another activity is refused.
    expect(expectOk(await api.call(CS_ADMIN, 'activity.create', { ...fields({ title: '考研经验分享会', questionIds: [open, secret] }), ...pick(api.find('activities', { _id: reply.id })[0]!) }, 'act-from-q-0001'))).toEqual({ id: reply.id, linked: 0, notified: 0 });
    expect(api.find('notifications', { kind: 'activityLinked' })).toHaveLength(2);
    expect(await api.call(CS_ADMIN, 'activity.create', fields({ title: '另一个活动' }), 'act-from-q-0001')).toMatchObject(refused('REQUEST.KEY_REUSED'));
  });
});

function pick(a: Record<string, any>) {
  return { startAt: a.startAt, endAt: a.endAt, signUpDeadline: a.signUpDeadline, capacity: a.capacity, body: a.body, place: a.place };
}

describe('sign-up, the waiting list and cancellation', () => {
  it('gives exactly N seats when 3N people sign up at once, and the rest wait in order', async () => {
    const n = 5;
    const id = await create({ capacity: n });
    const people = Array.from({ length: 3 * n }, (_, i) => `crowd-${i}`);
    const replies = await Promise.all(people.map((p) => api.call(p, 'activity.signUp', { activityId: id })));
    const states = replies.map((r) => expectOk(r).state);
    expect(states.filter((s) => s === 'signedUp')).toHaveLength(n);
    expect(states.filter((s) => s === 'waiting')).toHaveLength(2 * n);
    const stored = api.find('activities', { _id: id })[0]!;
    expect(stored.seats).toHaveLength(n);
    expect(stored.seatCount).toBe(n);
    expect(stored.waiting).toHaveLength(2 * n);
    expect(new Set(stored.people).size).toBe(3 * n);
    const positions = replies.map((r) => expectOk(r).position).filter((p) => p !== null).sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 2 * n }, (_, i) => i + 1));
    // Signing up again changes nothing.
    expect(expectOk(await api.call(people[0]!, 'activity.signUp', { activityId: id })).state).toBe(states[0]);
    expect(api.find('activities', { _id: id })[0]!.people).toHaveLength(3 * n);
  });

  it('a cancelled seat goes to the first person waiting, who is told once; a cancel from the list just leaves it', async () => {
    const id = await create({ capacity: 1 });
    expect(expectOk(await api.call(STUDENT, 'activity.signUp', { activityId: id }))).toEqual({ state: 'signedUp', position: null });
    expect(expectOk(await api.call(OTHER_STUDENT, 'activity.signUp', { activityId: id }))).toEqual({ state: 'waiting', position: 1 });
    expect(expectOk(await api.call('dev-student-chen', 'activity.signUp', { activityId: id }))).toEqual({ state: 'waiting', position: 2 });

    expect(expectOk(await api.call(STUDENT, 'activity.cancel', { activityId: id }, 'cancel-0001'))).toEqual({ state: 'none', promoted: true });
    expect(expectOk(await api.call(OTHER_STUDENT, 'activity.get', { id })).mine).toEqual({ state: 'signedUp', position: null, checkedInAt: null });
    expect(expectOk(await api.call('dev-student-chen', 'activity.get', { id })).mine).toMatchObject({ state: 'waiting', position: 1 });
    const told = () => api.find('notifications', { kind: 'waitlistPromoted', recipientOpenid: OTHER_STUDENT });
    expect(told()).toHaveLength(1);
    expect(told()[0]).toMatchObject({ subject: { type: 'activity', id }, page: `boards/activity/index?id=${id}` });
    // The retried cancel answers the same and tells nobody again.
    expect(expectOk(await api.call(STUDENT, 'activity.cancel', { activityId: id }, 'cancel-0001'))).toEqual({ state: 'none', promoted: true });
    expect(told()).toHaveLength(1);

    expect(expectOk(await api.call('dev-student-chen', 'activity.cancel', { activityId: id }))).toEqual({ state: 'none', promoted: false });
    const stored = api.find('activities', { _id: id })[0]!;
    expect(stored.seats.map((s: { openid: string }) => s.openid)).toEqual([OTHER_STUDENT]);
    expect(stored.waiting).toEqual([]);
    expect(stored.people).toEqual([OTHER_STUDENT]);
  });

  it('refuses sign-up after the deadline, and unknown activities', async () => {
    const id = await create({ signUpDeadline: api.now() + HOUR_MS });
    api.advance(2 * HOUR_MS);
    try {
      expect(await api.call(STUDENT, 'activity.signUp', { activityId: id })).toMatchObject(refused('ACTIVITY.SIGNUP_CLOSED'));
    } finally {
      api.advance(-2 * HOUR_MS);
    }
    expect(await api.call(STUDENT, 'activity.signUp', { activityId: 'act-missing' })).toMatchObject(refused('ACTIVITY.NOT_FOUND'));
    expect(await api.call(STUDENT, 'activity.get', { id: 'act-missing' })).toMatchObject(refused('ACTIVITY.NOT_FOUND'));
  });
});

describe('check-in by code', () => {
  it('accepts the organiser’s code from a seated person around the activity time, once', async () => {
    const id = await create({ capacity: 1 });
    expectOk(await api.call(STUDENT, 'activity.signUp', { activityId: id }));
    expectOk(await api.call(OTHER_STUDENT, 'activity.signUp', { activityId: id }));
    const { checkInCode, checkInFrom } = expectOk(await api.call(CS_ADMIN, 'activity.attendees', { activityId: id }));
    const wrong = checkInCode === '000000' ? '000001' : '000000';

    expect(await api.call(STUDENT, 'activity.checkIn', { activityId: id, code: checkInCode })).toMatchObject(refused('ACTIVITY.CHECKIN_CLOSED'));
    const shift = checkInFrom - api.now() + 60_000;
    api.advance(shift);
    try {
      expect(await api.call(STUDENT, 'activity.checkIn', { activityId: id, code: wrong })).toMatchObject(refused('ACTIVITY.CHECKIN_CODE_WRONG'));
      expect(await api.call(OTHER_STUDENT, 'activity.checkIn', { activityId: id, code: checkInCode })).toMatchObject(refused('ACTIVITY.NOT_SIGNED_UP'));
      expect(await api.call('dev-student-zhao', 'activity.checkIn', { activityId: id, code: checkInCode })).toMatchObject(refused('ACTIVITY.NOT_SIGNED_UP'));
      const first = expectOk(await api.call(STUDENT, 'activity.checkIn', { activityId: id, code: checkInCode }));
      expect(expectOk(await api.call(STUDENT, 'activity.checkIn', { activityId: id, code: checkInCode }))).toEqual(first);
      const list = expectOk(await api.call(CS_ADMIN, 'activity.attendees', { activityId: id }));
      expect(list.signedUp).toEqual([{ name: '张晓雨', at: expect.any(Number), checkedInAt: first.checkedInAt }]);
      expect(list.waiting).toEqual([{ name: '李思远', at: expect.any(Number), checkedInAt: null }]);
      expect(list.checkedIn).toBe(1);
    } finally {
      api.advance(-shift);
    }
  });
});

describe('the board', () => {
  it('lists upcoming activities soonest first, in pages, and past ones apart', async () => {
    const now = api.now();
    const late = await create({ startAt: now + 300 * HOUR_MS, endAt: now + 301 * HOUR_MS, signUpDeadline: now + 200 * HOUR_MS });
    const soon = await create({ startAt: now + 2 * HOUR_MS, endAt: now + 3 * HOUR_MS, signUpDeadline: now + HOUR_MS });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = expectOk(await api.call(null, 'activity.list', { pageSize: 2, ...(cursor ? { cursor } : {}) }));
      seen.push(...page.items.map((a: { id: string }) => a.id));
      const ends = page.items.map((a: { endAt: number }) => a.endAt);
      expect([...ends].sort((a, b) => a - b)).toEqual(ends);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.indexOf(soon)).toBeLessThan(seen.indexOf(late));
    api.advance(4 * HOUR_MS);
    try {
      const past = expectOk(await api.call(null, 'activity.list', { when: 'past' }));
      expect(past.items.map((a: { id: string }) => a.id)).toContain(soon);
      expect(expectOk(await api.call(null, 'activity.list', {})).items.map((a: { id: string }) => a.id)).not.toContain(soon);
    } finally {
      api.advance(-4 * HOUR_MS);
    }
  });
});

describe('bad input', () => {
  it('is refused with INPUT.INVALID and writes nothing', async () => {
    const before = api.count('activities');
    const now = api.now();
    for (const bad of [
      fields({ title: '' }),
      fields({ capacity: 0 }),
      fields({ capacity: 1.5 }),
      fields({ endAt: now + 47 * HOUR_MS }),
      fields({ signUpDeadline: now + 51 * HOUR_MS }),
      fields({ startAt: now - HOUR_MS, endAt: now + HOUR_MS, signUpDeadline: now - 2 * HOUR_MS }),
      fields({ questionIds: [{ $gt: '' }] }),
      fields({ extra: 1 }),
      fields({ unitId: undefined }),
    ]) {
      expect(await api.call(CS_ADMIN, 'activity.create', bad)).toMatchObject(refused('INPUT.INVALID'));
    }
    expect(api.count('activities')).toBe(before);
    expect(await api.call(CS_ADMIN, 'activity.create', fields({ body: '代考服务，联系我们，保证通过考试。' }))).toMatchObject(refused('CONTENT.REFUSED'));
    expect(api.count('activities')).toBe(before);
    for (const [action, data] of [
      ['activity.list', { when: 'soon' }],
      ['activity.list', { cursor: 'abc' }],
      ['activity.get', { id: '' }],
      ['activity.signUp', { activityId: { $ne: null } }],
      ['activity.cancel', {}],
      ['activity.checkIn', { activityId: 'a-1', code: '12345' }],
      ['activity.checkIn', { activityId: 'a-1', code: 'abcdef' }],
      ['activity.attendees', { activityId: 'a-1', extra: true }],
    ] as const) {
      expect(await api.call(STUDENT, action, data)).toMatchObject(refused('INPUT.INVALID'));
    }
  });
});

describe('我的数据 and account deletion', () => {
  it('exports the sign-ups; deletion frees an upcoming seat for the next person waiting and keeps a past seat without the name', async () => {
    const leaver = 'leaving-activity-student';
    const now = api.now();
    const seat = await create({ capacity: 1, title: '要离开的同学报名的活动' });
    const queue = await create({ capacity: 1, title: '要离开的同学候补的活动' });
    const past = await create({ capacity: 2, title: '要离开的同学签到的活动', startAt: now + 2 * HOUR_MS, endAt: now + 3 * HOUR_MS, signUpDeadline: now + HOUR_MS });
    expect(expectOk(await api.call(leaver, 'activity.signUp', { activityId: seat })).state).toBe('signedUp');
    expect(expectOk(await api.call(OTHER_STUDENT, 'activity.signUp', { activityId: seat })).state).toBe('waiting');
    expect(expectOk(await api.call(STUDENT, 'activity.signUp', { activityId: queue })).state).toBe('signedUp');
    expect(expectOk(await api.call(leaver, 'activity.signUp', { activityId: queue })).state).toBe('waiting');
    expect(expectOk(await api.call(leaver, 'activity.signUp', { activityId: past })).state).toBe('signedUp');
    expect(expectOk(await api.call(STUDENT, 'activity.signUp', { activityId: past })).state).toBe('signedUp');
    const { checkInCode } = expectOk(await api.call(CS_ADMIN, 'activity.attendees', { activityId: past }));
    const shift = 2 * HOUR_MS + 60_000; // the past activity has started; the others lie ahead
    api.advance(shift);
    try {
      expectOk(await api.call(leaver, 'activity.checkIn', { activityId: past, code: checkInCode }));
      const exported = expectOk(await api.call(leaver, 'me.export', {}));
      const byId = new Map(exported.activitySignUps.map((s: { activityId: string }) => [s.activityId, s]));
      expect(byId.size).toBe(3);
      expect(byId.get(seat)).toMatchObject({ title: '要离开的同学报名的活动', state: 'signedUp', checkedInAt: null });
      expect(byId.get(queue)).toMatchObject({ title: '要离开的同学候补的活动', state: 'waiting' });
      expect(byId.get(past)).toMatchObject({ title: '要离开的同学签到的活动', state: 'checkedIn', checkedInAt: expect.any(Number) });

      expectOk(await api.call(leaver, 'me.delete', { confirm: '注销账号' }));
      expectOk(await api.call(leaver, 'me.delete', { confirm: '注销账号' }));
      for (const id of [seat, queue, past]) expect(JSON.stringify(api.find('activities', { _id: id })[0])).not.toContain(leaver);

      // The upcoming seat went to the person waiting, who was told (once, however often the deletion ran).
      const freed = api.find('activities', { _id: seat })[0]!;
      expect(freed.seats.map((s: { openid: string }) => s.openid)).toEqual([OTHER_STUDENT]);
      expect(freed.waiting).toEqual([]);
      expect(freed.people).toEqual([OTHER_STUDENT]);
      expect(expectOk(await api.call(OTHER_STUDENT, 'activity.get', { id: seat })).mine.state).toBe('signedUp');
      expect(api.find('notifications', { kind: 'waitlistPromoted', recipientOpenid: OTHER_STUDENT, 'subject.id': seat })).toHaveLength(1);
      const left = api.find('activities', { _id: queue })[0]!;
      expect(left.waiting).toEqual([]);
      expect(left.people).toEqual([STUDENT]);

      // The past activity keeps its attendance, without the name or openid.
      const list = expectOk(await api.call(CS_ADMIN, 'activity.attendees', { activityId: past }));
      expect(list.signedUp.map((r: { name: string }) => r.name)).toEqual([REMOVED_PERSON_NAME, '张晓雨']);
      expect(list.signedUp[0].checkedInAt).toEqual(expect.any(Number));
      expect(list.checkedIn).toBe(1);
      const kept = api.find('activities', { _id: past })[0]!;
      expect(kept.seatCount).toBe(2);
      expect(kept.checkedIn[0].openid).toBe(kept.seats[0].openid);
      expect(kept.seats[0].openid).toMatch(/^removed-/);

      expect(expectOk(await api.call(leaver, 'me.export', {})).activitySignUps).toEqual([]);
    } finally {
      api.advance(-shift);
    }
  });
});

it('served every board query from a declared index', () => {
  expect(api.stats().unindexed).toEqual([]);
});
