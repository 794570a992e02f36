import { CS_RESPONDER, startLocalApi, STUDENT, type LocalApi } from './support/local-api';

let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi();
});
afterAll(() => api.stop());

const valid = {
  collegeId: 'c-cs',
  categoryId: 'cat-study',
  title: '一个正常的问题标题',
  content: '一个正常的问题内容，长度足够通过校验。',
};

/** Everything a request could write: questions (with their timelines and answers), quotas, messages. */
function totals() {
  return ['questions', 'askQuotas', 'notifications'].map((c) => JSON.stringify(api.find(c)));
}

describe('bad input gets INPUT.INVALID (or a stable code) and writes nothing', () => {
  const cases: [string, unknown][] = [
    ['a number where a string belongs', { ...valid, title: 12345678 }],
    ['a boolean given as a string', { ...valid, anonymous: 'yes' }],
    ['a 100 000-character content', { ...valid, content: '很'.repeat(100_000) }],
    ['a 61-character title', { ...valid, title: '长'.repeat(61) }],
    ['a blank title', { ...valid, title: '    ' }],
    ['a MongoDB operator as the college id', { ...valid, collegeId: { $gt: '' } }],
    ['a MongoDB operator as the category id', { ...valid, categoryId: { $ne: null } }],
    ['an id with characters outside the id alphabet', { ...valid, collegeId: 'c-cs"; drop' }],
    ['an unknown key', { ...valid, askerOpenid: 'dev-student-li' }],
    ['a missing field', { collegeId: 'c-cs', categoryId: 'cat-study', title: '只有标题没有内容' }],
    ['data that is not an object', 'question'],
  ];

  it.each(cases)('question.ask with %s', async (_label, data) => {
    const before = totals();
    const reply = await api.call(STUDENT, 'question.ask', data);
    expect(reply).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID' } });
    if (!reply.ok) expect(reply.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(totals()).toEqual(before);
  });

  it('rejects an operator smuggled in as a question id', async () => {
    expect(await api.call(STUDENT, 'question.get', { id: { $regex: '.*' } })).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID' } });
    const before = totals();
    expect(await api.call(CS_RESPONDER, 'answer.post', { questionId: { $exists: true }, content: '批量回复所有问题' })).toMatchObject({
      ok: false,
      error: { code: 'INPUT.INVALID' },
    });
    expect(totals()).toEqual(before);
  });

  it('rejects a malformed paging cursor', async () => {
    expect(await api.call(null, 'question.listPublic', { cursor: '{"$gt":0}' })).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID' } });
    expect(await api.call(null, 'question.listPublic', { pageSize: 5000 })).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID' } });
  });

  it('rejects an answer that is too long', async () => {
    const before = totals();
    expect(await api.call(CS_RESPONDER, 'answer.post', { questionId: 'q-demo-029', content: '答'.repeat(3001) })).toMatchObject({
      ok: false,
      error: { code: 'INPUT.INVALID' },
    });
    expect(totals()).toEqual(before);
  });

  it('answers ACTION.UNKNOWN for an action the contract does not declare', async () => {
    expect(await api.call(STUDENT, 'question.delete', { id: 'q-demo-001' })).toMatchObject({ ok: false, error: { code: 'ACTION.UNKNOWN' } });
    expect(await api.call(STUDENT, 'constructor', {})).toMatchObject({ ok: false, error: { code: 'ACTION.UNKNOWN' } });
  });

  it.each([
    ['no action', { data: {} }],
    ['a non-object event', 'question.ask'],
    ['null', null],
    ['an unexpected top-level key', { action: 'catalog.get', data: {}, openid: 'dev-admin' }],
  ])('answers INPUT.INVALID for %s', async (_label, event) => {
    expect(await api.raw(STUDENT, event)).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID' } });
  });

  it('accepts the userInfo the WeChat platform adds to events, but never uses it as identity', async () => {
    const reply = await api.raw(null, { action: 'me.get', data: {}, userInfo: { openId: 'dev-admin', appId: 'wx' } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'AUTH.REQUIRED' } });
  });

  it('never returns a stack trace or internal detail to the client', async () => {
    const reply = await api.call(STUDENT, 'question.ask', { ...valid, content: '很'.repeat(100_000) });
    expect(JSON.stringify(reply)).not.toMatch(/at .*\.ts:\d+|Error:|node_modules/);
  });
});
