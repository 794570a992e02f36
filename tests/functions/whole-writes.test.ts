import { HOUR_MS } from '../../shared/domain/answer-deadline';
import type { Repositories } from '../../shared/server/ports/repositories';
import { CloudbaseAskQuotaRepository } from '../../shared/server/adapters/cloudbase-ask-quota.repository';
import {
  askAsStudent,
  COORDINATOR,
  CS_PEER,
  CS_RESPONDER,
  expectOk,
  replacing,
  startLocalApi,
  STUDENT,
  type LocalApi,
} from './support/local-api';

/**
 * Every write is whole (issue 6, part 2): a change and everything it owes are
 * one document write, a retry finishes what a failed attempt started, and the
 * same request id always gets the same truth — with failures injected at each
 * step where a function can die.
 */
let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi();
});
afterAll(() => api.stop());

const ASK = { collegeId: 'c-cs', categoryId: 'cat-study', title: '整体写入测试的问题', content: '用于测试一次写入是否完整的问题内容。' };
const crash = () => Promise.reject(new Error('simulated crash'));

/** The write lands, but the function dies before it hears back (the worst moment). */
function landsThenDies(repos: Repositories, method: 'insert' | 'applyChange'): Repositories {
  return { ...repos, questions: replacing(repos.questions, method, async (original, ...args) => (await original(...args), crash())) };
}

describe('asking', () => {
  it('a question is stored with its timeline and schedule in one document, or not at all', async () => {
    const requestId = 'whole-ask-0000001';
    const died = await api.callWith((r) => ({ ...r, questions: replacing(r.questions, 'insert', crash) }), STUDENT, 'question.ask', { ...ASK, title: '提问写入前失败' }, requestId);
    expect(died).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(api.count('questions', { title: '提问写入前失败' })).toBe(0);
    // The retry (same request id) asks it, although the first attempt was already counted in the quota.
    const retried = expectOk(await api.call(STUDENT, 'question.ask', { ...ASK, title: '提问写入前失败' }, requestId));
    const q = api.question(retried.id);
    expect(q.timeline).toEqual([expect.objectContaining({ type: 'ask', id: 'v0' })]);
    expect(q.nextWorkAt).toBe(q.deadlineAt - 4 * HOUR_MS);
  });

  it('an emergency whose function dies after storing it still alerts the leader and the coordinator (the sweep)', async () => {
    const died = await api.callWith((r) => landsThenDies(r, 'insert'), STUDENT, 'question.ask', { ...ASK, urgent: true, title: '实验室漏水了需要处理' }, 'whole-ask-0000002');
    expect(died.ok).toBe(false);
    const [q] = api.find('questions', { title: '实验室漏水了需要处理' });
    expect(q!.outbox.map((o: any) => o.kind).sort()).toEqual(['emergency', 'newQuestion']);
    expect(api.find('notifications', { questionId: q!._id })).toEqual([]);
    api.advance(3 * 60_000);
    await api.tick();
    expect(api.find('notifications', { questionId: q!._id, kind: 'emergency' }).map((n) => n.recipientOpenid).sort()).toEqual(['dev-admin', COORDINATOR].sort());
    expect(api.find('notifications', { questionId: q!._id, kind: 'newQuestion' }).length).toBeGreaterThan(0);
    expect(api.question(q!._id)).toMatchObject({ outbox: [], outboxDueAt: null });
  });

  it('refuses a reused request id with a different question, and answers a true retry with the stored one', async () => {
    const first = expectOk(await api.call(STUDENT, 'question.ask', { ...ASK, title: '请求编号复用测试一' }, 'reused-ask-000001'));
    for (const changed of [{ title: '请求编号复用测试二' }, { collegeId: 'c-econ' }, { categoryId: 'cat-career' }, { urgent: true }, { anonymous: true }]) {
      expect(await api.call(STUDENT, 'question.ask', { ...ASK, title: '请求编号复用测试一', ...changed }, 'reused-ask-000001')).toMatchObject({
        ok: false,
        error: { code: 'REQUEST.KEY_REUSED' },
      });
    }
    expect(expectOk(await api.call(STUDENT, 'question.ask', { ...ASK, title: '请求编号复用测试一' }, 'reused-ask-000001'))).toEqual(first);
    expect(api.count('questions', { title: '请求编号复用测试二' })).toBe(0);
  });
});

describe('answer.post', () => {
  it('retried after the answer was written but the reply was lost: official, and the clock stopped', async () => {
    const id = await askAsStudent(api, { title: '回复写入后连接中断' });
    const requestId = 'whole-answer-00001';
    const data = { questionId: id, content: '答复内容：请到学院教学办咨询。' };
    expect(await api.callWith((r) => landsThenDies(r, 'applyChange'), CS_RESPONDER, 'answer.post', data, requestId)).toMatchObject({ ok: false });
    const retried = expectOk(await api.call(CS_RESPONDER, 'answer.post', data, requestId));
    expect(retried).toMatchObject({ official: true });
    expect(api.question(id)).toMatchObject({ status: 'answered', officialAnswerId: retried.answerId, answerCount: 1, answers: [expect.objectContaining({ id: retried.answerId })] });
  });

  it('retried after a failure before anything was written: official', async () => {
    const id = await askAsStudent(api, { title: '回复写入前失败' });
    const data = { questionId: id, content: '答复内容：可以申请缓考。' };
    expect(await api.callWith((r) => ({ ...r, questions: replacing(r.questions, 'applyChange', crash) }), CS_RESPONDER, 'answer.post', data, 'whole-answer-00002')).toMatchObject({ ok: false });
    expect(api.question(id)).toMatchObject({ status: 'routed', answers: [] });
    expect(expectOk(await api.call(CS_RESPONDER, 'answer.post', data, 'whole-answer-00002'))).toMatchObject({ official: true });
  });

  it('tells every copy of one request the same truth: five at once, one official answer, five "official"', async () => {
    const id = await askAsStudent(api, { title: '同一请求并发五次' });
    const event = { action: 'answer.post', data: { questionId: id, content: '并发重试的同一条回复。' }, requestId: 'same-request-five' };
    const replies = (await Promise.all(Array.from({ length: 5 }, () => api.raw(CS_RESPONDER, event)))).map(expectOk);
    expect(new Set(replies.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(replies[0]).toMatchObject({ official: true });
    expect(api.question(id).answers).toHaveLength(1);
  });

  it('tells the copies of a request that lost the race the same truth too: a follow-up, every time', async () => {
    const id = await askAsStudent(api, { title: '两位老师同时回复，其中一位重试' });
    const peer = { action: 'answer.post', data: { questionId: id, content: '我也来回复一下。' }, requestId: 'peer-reply-race-01' };
    const [official, ...copies] = await Promise.all([
      api.call(CS_RESPONDER, 'answer.post', { questionId: id, content: '这是官方答复。' }),
      api.raw(CS_PEER, peer),
      api.raw(CS_PEER, peer),
      api.raw(CS_PEER, peer),
    ]);
    const truths = new Set(copies.map((c) => JSON.stringify(expectOk(c))));
    expect(truths.size).toBe(1);
    const peerTruth = expectOk(copies[0]!);
    expect(peerTruth.official).toBe(!expectOk(official).official);
    expect(api.question(id).answers).toHaveLength(2);
  });

  it('refuses a request id reused on another question, leaving that question unanswered', async () => {
    const first = await askAsStudent(api, { title: '请求编号用在第一个问题' });
    const second = await askAsStudent(api, { title: '请求编号又用在第二个问题' });
    expectOk(await api.call(CS_RESPONDER, 'answer.post', { questionId: first, content: '第一个问题的答复。' }, 'reply-key-reused-1'));
    expect(await api.call(CS_RESPONDER, 'answer.post', { questionId: second, content: '第二个问题的答复。' }, 'reply-key-reused-1')).toMatchObject({
      ok: false,
      error: { code: 'REQUEST.KEY_REUSED' },
    });
    expect(await api.call(CS_RESPONDER, 'answer.post', { questionId: first, content: '换了内容的答复。' }, 'reply-key-reused-1')).toMatchObject({
      ok: false,
      error: { code: 'REQUEST.KEY_REUSED' },
    });
    expect(api.question(second)).toMatchObject({ status: 'routed', answers: [] });
    expect(api.question(first).answers).toHaveLength(1);
  });
});

describe('one request id is one request', () => {
  it('refuses a reply id reused as a case action, and a case action id reused as a reply, on the same question', async () => {
    const id = await askAsStudent(api, { title: '一个请求编号只能用于一项操作' });
    expectOk(await api.call(CS_RESPONDER, 'answer.post', { questionId: id, content: '先答复一下。' }, 'one-id-one-request-1'));
    expect(await api.call(CS_RESPONDER, 'question.startHandling', { questionId: id, note: '' }, 'one-id-one-request-1')).toMatchObject({
      ok: false,
      error: { code: 'REQUEST.KEY_REUSED' },
    });
    expectOk(await api.call(CS_RESPONDER, 'question.startHandling', { questionId: id, note: '' }, 'one-id-one-request-2'));
    expect(await api.call(CS_RESPONDER, 'answer.post', { questionId: id, content: '补充说明。' }, 'one-id-one-request-2')).toMatchObject({
      ok: false,
      error: { code: 'REQUEST.KEY_REUSED' },
    });
    expect(api.question(id)).toMatchObject({ status: 'handling', answerCount: 1 });
  });

  it('answers a retry with what the first attempt did even when the question has since left the sender’s sight', async () => {
    const id = await askAsStudent(api, { title: '私密问题转办后重试', visibility: 'private' });
    const data = { questionId: id, toUnitId: 'd-logistics', reason: '属于后勤维修' };
    const first = expectOk(await api.call(CS_RESPONDER, 'question.transfer', data, 'private-transfer-01'));
    // The responder no longer handles it, so a fresh look is refused…
    expect(await api.call(CS_RESPONDER, 'question.get', { id })).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    // …but the retry of the transfer that happened gets its answer.
    expect(expectOk(await api.call(CS_RESPONDER, 'question.transfer', data, 'private-transfer-01'))).toEqual(first);
    // And a reply retried after the question was transferred away still reads as given.
    const other = await askAsStudent(api, { title: '私密问题答复后转办', visibility: 'private' });
    const reply = expectOk(await api.call(CS_RESPONDER, 'answer.post', { questionId: other, content: '先答复：请到后勤报修。' }, 'private-reply-0001'));
    expectOk(await api.call(CS_RESPONDER, 'question.startHandling', { questionId: other, note: '' }));
    expectOk(await api.call(COORDINATOR, 'question.transfer', { questionId: other, toUnitId: 'd-logistics', reason: '转后勤办理' }));
    expect(expectOk(await api.call(CS_RESPONDER, 'answer.post', { questionId: other, content: '先答复：请到后勤报修。' }, 'private-reply-0001'))).toEqual(reply);
  });
});

describe('asking limits for people asking for the first time', () => {
  it('never refuses the second of two quick first asks (the quota is created by one, used by the other)', async () => {
    const people = Array.from({ length: 20 }, (_, i) => `test-first-asker-${i}`);
    const replies = await Promise.all(
      people.flatMap((openid) => [0, 1].map((n) => api.call(openid, 'question.ask', { ...ASK, title: `第一次提问的并发测试 ${n}` }))),
    );
    expect(replies.filter((r) => !r.ok)).toEqual([]);
    for (const openid of people) expect(api.count('questions', { askerOpenid: openid })).toBe(2);
  });

  it('records an ask whose quota appeared between its write and its read, instead of calling it over the limit', async () => {
    // B's conditional write finds no quota; before B reads why, A creates the quota with its own first ask.
    let open!: () => void;
    let arrived!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const atGate = new Promise<void>((resolve) => (arrived = resolve));
    const bound = (target: object, key: PropertyKey) => {
      const value = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    };
    const heldReads = new Proxy(api.db, {
      get: (db, key) =>
        key !== 'collection'
          ? bound(db, key)
          : (name: string) => {
              const coll = db.collection(name);
              return new Proxy(coll, {
                get: (c, k) =>
                  k !== 'doc'
                    ? bound(c, k)
                    : (id: string) => {
                        const doc = c.doc(id);
                        return new Proxy(doc, { get: (d, dk) => (dk === 'get' ? async () => (arrived(), await gate, d.get()) : bound(d, dk)) });
                      },
              });
            },
    }) as typeof api.db;
    const limits = { perHour: 10, hourSince: api.now() - HOUR_MS, urgentPerDay: 3, daySince: api.now() - 24 * HOUR_MS };
    const person = 'test-quota-race';
    const b = new CloudbaseAskQuotaRepository(heldReads).record(person, { id: 'q-b', at: api.now(), urgent: false }, limits);
    await atGate; // B's write found nothing; its read waits at the gate
    expect(await new CloudbaseAskQuotaRepository(api.db).create(person, { id: 'q-a', at: api.now(), urgent: false })).toBe(true);
    open();
    expect(await b).toBe('recorded');
    expect(api.find('askQuotas', { _id: person })[0]!.recent.map((r: any) => r.id)).toEqual(['q-a', 'q-b']);
  });
});

describe('case actions', () => {
  it('a transfer and everything it owes (event, schedule, both messages) are one write; a retry gets the same answer', async () => {
    const id = await askAsStudent(api, { title: '转办的完整写入' });
    const data = { questionId: id, toUnitId: 'd-logistics', reason: '属于后勤维修' };
    const died = await api.callWith((r) => landsThenDies(r, 'applyChange'), CS_RESPONDER, 'question.transfer', data, 'transfer-retry-0001');
    expect(died.ok).toBe(false);
    const q = api.question(id);
    expect(q).toMatchObject({ ownerUnitId: 'd-logistics', version: 1 });
    expect(q.timeline.at(-1)).toMatchObject({ id: 'v1', type: 'transfer', reason: '属于后勤维修' });
    expect(q.outbox.filter((o: any) => o.occasion === 'v1').map((o: any) => o.kind).sort()).toEqual(['transferred', 'transferredIn']);
    // The retry does not transfer again (which would now be refused): it answers what the first attempt did.
    expect(expectOk(await api.call(CS_RESPONDER, 'question.transfer', data, 'transfer-retry-0001'))).toEqual({ status: 'routed', version: 1 });
    expect(await api.call(CS_RESPONDER, 'question.transfer', { ...data, reason: '别的理由' }, 'transfer-retry-0001')).toMatchObject({
      ok: false,
      error: { code: 'REQUEST.KEY_REUSED' },
    });
    // The messages it owed reach the asker and the new unit once the sweep sees them unconfirmed.
    api.advance(3 * 60_000);
    await api.tick();
    expect(api.find('notifications', { questionId: id }).map((n) => n.kind).sort()).toEqual(expect.arrayContaining(['transferred', 'transferredIn']));
  });

  it('the person and the scheduler make events by one scheme: the version each change produced', async () => {
    const id = await askAsStudent(api, { title: '事件编号的统一规则' });
    expectOk(await api.call(CS_RESPONDER, 'question.claim', { questionId: id }));
    api.advance(25 * HOUR_MS);
    await api.tick();
    const { timeline, version } = api.question(id);
    expect(timeline.map((e: any) => [e.type, e.id])).toEqual([
      ['ask', 'v0'],
      ['claim', 'v1'],
      ['escalate', `v${version}`],
    ]);
    expect(timeline.every((e: any) => e.id === `v${e.version}`)).toBe(true);
  });
});
