import { askAsStudent, CS_RESPONDER, expectOk, startLocalApi, STUDENT, type LocalApi } from './support/local-api';

/**
 * 同声同心 (question.listPublic): filtered by category, college and state,
 * sorted newest / most 同问 / most liked, keyset-paged on declared indexes.
 */
let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi();
});
afterAll(() => api.stop());

let asked = 0;
async function answeredQuestion(fields: Record<string, unknown> = {}): Promise<string> {
  asked += 1;
  const id = await askAsStudent(api, { title: `同声同心排序用的问题第${asked}个`, content: '食堂晚上几点关门，夜宵窗口还开吗？', ...fields });
  expectOk(await api.call(CS_RESPONDER, 'answer.post', { questionId: id, content: '晚上九点关门，夜宵窗口开到十一点。' }));
  return id;
}
const metoo = async (id: string, n: number) => {
  for (let i = 0; i < n; i++) expectOk(await api.call(`dev-feed-metoo-${i}`, 'question.metoo', { questionId: id }));
};

async function everyPage(input: Record<string, unknown>): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 100; i++) {
    const page = expectOk(await api.call(null, 'question.listPublic', { pageSize: 3, ...input, ...(cursor ? { cursor } : {}) }));
    items.push(...page.items);
    if (!page.nextCursor) return items;
    cursor = page.nextCursor;
  }
  throw new Error('too many pages');
}

it('sorts by 同问 and by likes, most first, and pages through every question once (questions without counters last)', async () => {
  const [a, b, c] = [await answeredQuestion(), await answeredQuestion(), await answeredQuestion()];
  await metoo(b, 3);
  await metoo(c, 1);
  api.resetStats();
  const all = await everyPage({ sort: 'metoo' });
  const newest = await everyPage({});
  expect(all.map((q) => q.id).sort()).toEqual(newest.map((q) => q.id).sort());
  expect(new Set(all.map((q) => q.id)).size).toBe(all.length);
  const counts = all.map((q) => q.metooCount);
  expect(counts).toEqual([...counts].sort((x, y) => y - x));
  const ours = all.filter((q) => [a, b, c].includes(q.id)).map((q) => q.id);
  expect(ours.indexOf(b)).toBeLessThan(ours.indexOf(c));
  expect(ours.indexOf(c)).toBeLessThan(ours.indexOf(a));

  const liked = await everyPage({ sort: 'likes' });
  expect(liked.length).toBe(newest.length);
  const likes = liked.map((q) => q.likeCount);
  expect(likes).toEqual([...likes].sort((x, y) => y - x));
  expect(api.stats().unindexed).toEqual([]);
});

it('filters by state and by college; a college filter leaves anonymous questions out', async () => {
  const named = await answeredQuestion();
  const anonymous = await answeredQuestion({ anonymous: true });
  const byCollege = await everyPage({ collegeId: 'c-cs' });
  expect(byCollege.map((q) => q.id)).toContain(named);
  expect(byCollege.map((q) => q.id)).not.toContain(anonymous);
  expect(byCollege.every((q) => !q.anonymous)).toBe(true);
  expect((await everyPage({})).map((q) => q.id)).toContain(anonymous);

  const answered = await everyPage({ status: 'answered' });
  expect(answered.length).toBeGreaterThan(0);
  expect(answered.every((q) => q.status === 'answered')).toBe(true);
  expect((await everyPage({ status: 'resolved' })).every((q) => q.status === 'resolved')).toBe(true);
});

it('refuses an unknown sort, a state the feed never shows and a malformed cursor', async () => {
  for (const input of [{ sort: 'random' }, { status: 'routed' }, { sort: 'metoo', cursor: 'x.y.z' }]) {
    expect(await api.call(STUDENT, 'question.listPublic', input)).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID' } });
  }
});
