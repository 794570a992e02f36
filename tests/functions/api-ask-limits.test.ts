import { HOUR_MS } from '../../shared/domain/answer-deadline';
import { expectOk, startLocalApi, STUDENT, type LocalApi } from './support/local-api';

/** The real limits of the product (not the relaxed ones the other suites use). */
let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi({ QNZS_ASK_PER_HOUR: '10', QNZS_URGENT_PER_DAY: '3' });
});
afterAll(() => api.stop());

const ask = (n: number, extra: Record<string, unknown> = {}, requestId?: string) =>
  api.call(
    STUDENT,
    'question.ask',
    { collegeId: 'c-cs', categoryId: 'cat-study', title: `频率限制测试 ${n}`, content: '测试提问频率限制是否生效的内容。', ...extra },
    requestId,
  );

it('allows 3 urgent questions a day, then points to the security office', async () => {
  for (let i = 0; i < 3; i++) expectOk(await ask(i, { urgent: true }));
  const refused = await ask(3, { urgent: true });
  expect(refused).toMatchObject({ ok: false, error: { code: 'RATE.LIMITED', message: expect.stringContaining('保卫处') } });
  expect(api.count('questions', { askerOpenid: STUDENT, urgent: true, title: '频率限制测试 3' })).toBe(0);
});

it('allows 10 questions an hour, answers a retry of a landed one, and frees up after an hour', async () => {
  for (let i = 10; i < 17; i++) expectOk(await ask(i, {}, `limit-req-${i}-abcd`)); // 3 urgent + 7 = 10 this hour
  expect(await ask(99)).toMatchObject({ ok: false, error: { code: 'RATE.LIMITED' } });
  // A retried submit of a question that already landed is not a new question.
  expect(expectOk(await ask(16, {}, 'limit-req-16-abcd')).id).toBeDefined();
  api.advance(HOUR_MS + 60_000);
  expectOk(await ask(100));
});
