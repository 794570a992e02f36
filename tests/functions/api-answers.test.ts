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

let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi();
});
afterAll(() => api.stop());

const newQuestion = (title = '请问期末考试安排什么时候公布') =>
  askAsStudent(api, { title, content: '想提前安排复习计划，请问期末考试时间大概什么时候出？' });

describe('answer.post', () => {
  it('makes the first reply of the owning unit the official answer and stops the clock', async () => {
    const id = await newQuestion();
    const reply = expectOk(await api.call(CS_RESPONDER, 'answer.post', { questionId: id, content: '期末考试安排一般在第14周公布，请关注教务通知。' }));
    expect(reply.official).toBe(true);
    expect(typeof reply.answeredAt).toBe('number');

    const q = expectOk(await api.call(STUDENT, 'question.get', { id }));
    expect(q.status).toBe('answered');
    expect(q.answeredAt).toBe(reply.answeredAt);
    expect(q.answers).toEqual([
      expect.objectContaining({ id: reply.answerId, official: true, responderName: '任智宇', unitName: '计算机科学与技术学院团委', teamLabel: '专帮青' }),
    ]);
    expect(api.question(id).timeline.map((e: any) => e.type)).toEqual(['ask', 'answer']);
  });

  it('keeps later replies as follow-ups without moving the clock', async () => {
    const id = await newQuestion('关于补考报名的问题');
    const first = expectOk(await api.call(CS_RESPONDER, 'answer.post', { questionId: id, content: '补考报名在开学第一周。' }));
    const second = expectOk(await api.call(CS_PEER, 'answer.post', { questionId: id, content: '补充一下：报名入口在教务系统首页。' }));
    expect(second.official).toBe(false);
    expect(second.answeredAt).toBe(first.answeredAt);
    const q = expectOk(await api.call(STUDENT, 'question.get', { id }));
    expect(q.answers.map((a: any) => a.official)).toEqual([true, false]);
    expect(q.answerCount).toBe(2);
  });

  it('gives exactly one official answer when two responders reply at once', async () => {
    const id = await newQuestion('两位老师同时回复的问题');
    const replies = await Promise.all([
      api.call(CS_RESPONDER, 'answer.post', { questionId: id, content: '回复一：请看教务通知。' }),
      api.call(CS_PEER, 'answer.post', { questionId: id, content: '回复二：请看学院群公告。' }),
    ]);
    const official = replies.map(expectOk).filter((r) => r.official);
    expect(official).toHaveLength(1);
    const stored = api.find('questions', { _id: id })[0]!;
    expect(stored.officialAnswerId).toBe(official[0].answerId);
    expect(stored.timeline.filter((e: any) => e.type === 'answer')).toHaveLength(1);
    expect(stored.timeline.filter((e: any) => e.type === 'reply')).toHaveLength(1);
  });

  it("refuses a responder of another college and writes nothing", async () => {
    const id = await newQuestion('其他学院老师不能回复');
    const before = api.question(id);
    expect(await api.call(ECON_RESPONDER, 'answer.post', { questionId: id, content: '我来回答一下这个问题。' })).toMatchObject({
      ok: false,
      error: { code: 'AUTH.FORBIDDEN' },
    });
    expect(api.question(id)).toEqual(before);
  });

  it('refuses students, including the asker', async () => {
    const id = await newQuestion('学生不能发布官方答复');
    for (const openid of [STUDENT, OTHER_STUDENT]) {
      expect(await api.call(openid, 'answer.post', { questionId: id, content: '学生自己的回复内容' })).toMatchObject({
        ok: false,
        error: { code: 'AUTH.FORBIDDEN' },
      });
    }
    expect(api.question(id)).toMatchObject({ answers: [], version: 0 });
  });

  it('lets the coordinator answer any unit’s question', async () => {
    const id = await newQuestion('协管老师可以直接回复');
    const reply = expectOk(await api.call(COORDINATOR, 'answer.post', { questionId: id, content: '协管已跟进，请留意学院通知。' }));
    expect(reply.official).toBe(true);
    expect(api.question(id).timeline.find((e: any) => e.type === 'answer')).toMatchObject({ actorRole: 'coordinator' });
  });

  it('answers QUESTION.NOT_FOUND for an unknown question', async () => {
    expect(await api.call(CS_RESPONDER, 'answer.post', { questionId: 'q_missing', content: '这个问题不存在' })).toMatchObject({
      ok: false,
      error: { code: 'QUESTION.NOT_FOUND' },
    });
  });
});

describe('answer.post retries', () => {
  it('posts one reply for a retried request id', async () => {
    const id = await newQuestion('回复重试只发一次');
    const event = { action: 'answer.post', data: { questionId: id, content: '网络不好时重试的回复。' }, requestId: 'reply-retry-0001' };
    const [first, second] = await Promise.all([api.raw(CS_RESPONDER, event), api.raw(CS_RESPONDER, event)]);
    const third = await api.raw(CS_RESPONDER, event);
    expect(expectOk(first).answerId).toBe(expectOk(second).answerId);
    expect(expectOk(third)).toMatchObject({ answerId: expectOk(first).answerId, official: true });
    expect(api.question(id).answers).toHaveLength(1);
  });
});
