import { HOUR_MS } from '../../shared/domain/answer-deadline';
import { expectOk, OTHER_STUDENT, startLocalApi, STUDENT, type LocalApi } from './support/local-api';

/**
 * The real limits of the product (not the relaxed ones the other suites use):
 * 10 questions an hour and 3 emergencies a day per person. Each test asks as
 * its own person, so each passes alone and in any order.
 */
let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi({ QNZS_ASK_PER_HOUR: '10', QNZS_URGENT_PER_DAY: '3' });
});
afterAll(() => api.stop());

const ask = (openid: string, n: number, extra: Record<string, unknown> = {}, requestId?: string) =>
  api.call(
    openid,
    'question.ask',
    { collegeId: 'c-cs', categoryId: 'cat-study', title: `频率限制测试 ${n}`, content: '测试提问频率限制是否生效的内容。', ...extra },
    requestId,
  );

it('allows 3 urgent questions a day, then points to the numbers to call', async () => {
  for (let i = 0; i < 3; i++) expectOk(await ask(STUDENT, i, { urgent: true }));
  const refused = await ask(STUDENT, 3, { urgent: true });
  // The emergency numbers are configuration (the units' emergencyContacts), not a vague "call the security office".
  expect(refused).toMatchObject({ ok: false, error: { code: 'RATE.LIMITED', message: expect.stringMatching(/如遇危险，请立即拨打：保卫处24小时值班（演示号码） 0571-8888-0110/) } });
  expect(api.count('questions', { askerOpenid: STUDENT, title: '频率限制测试 3' })).toBe(0);
});

it('allows 10 questions an hour, answers a retry of a landed one, and frees up after an hour', async () => {
  for (let i = 10; i < 20; i++) expectOk(await ask(OTHER_STUDENT, i, {}, `limit-req-${i}-abcd`));
  expect(await ask(OTHER_STUDENT, 99)).toMatchObject({ ok: false, error: { code: 'RATE.LIMITED' } });
  // A retried submit of a question that already landed is not a new question, limit or not.
  const retried = expectOk(await ask(OTHER_STUDENT, 19, {}, 'limit-req-19-abcd'));
  expect(api.question(retried.id)).toMatchObject({ title: '频率限制测试 19' });
  api.advance(HOUR_MS + 60_000);
  expectOk(await ask(OTHER_STUDENT, 100));
});

it('holds under concurrency: 20 asks at once by one person, exactly 10 accepted', async () => {
  const person = 'test-burst-asker';
  const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => ask(person, 200 + i)));
  expect(replies.filter((r) => r.ok)).toHaveLength(10);
  expect(replies.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'RATE.LIMITED')).toBe(true);
  expect(api.count('questions', { askerOpenid: person })).toBe(10);
});

it('holds under concurrency for emergencies: 8 at once, exactly 3 accepted, and only those alert anyone', async () => {
  const person = 'test-burst-emergency';
  const replies = await Promise.all(Array.from({ length: 8 }, (_, i) => ask(person, 300 + i, { urgent: true })));
  const accepted = replies.filter((r) => r.ok).map((r) => expectOk(r).id as string);
  expect(accepted).toHaveLength(3);
  expect(api.count('questions', { askerOpenid: person, urgent: true })).toBe(3);
  const alerted = new Set(api.find('notifications', { kind: 'emergency' }).map((n) => n.questionId));
  for (const id of accepted) expect(alerted.has(id)).toBe(true);
  expect([...alerted].filter((id) => api.question(id).askerOpenid === person)).toHaveLength(3);
});

it('never limits a student in crisis: the crisis lane is past every limit', async () => {
  const student = 'dev-student-zhao';
  for (let i = 0; i < 3; i++) expectOk(await ask(student, 200 + i, { urgent: true }));
  for (let i = 3; i < 10; i++) expectOk(await ask(student, 200 + i));
  expect(await ask(student, 299)).toMatchObject({ ok: false, error: { code: 'RATE.LIMITED' } });
  const crisis = expectOk(await ask(student, 300, { title: '真的撑不下去了', content: '这学期一切都很糟，我不想活了，不知道还能找谁。', urgent: true }));
  expect(crisis).toMatchObject({ routedTo: { reason: 'crisis' }, crisis: { hotlines: expect.any(Array) } });
});
