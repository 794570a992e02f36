import { actAs, startE2E, type E2E } from './browser';

/**
 * The foundation's promise, clicked through in a real browser: a student asks,
 * the responsible college's responder sees it in the inbox and replies, the
 * student reads the official answer.
 */
/** A real browser against the local cloud: generous, since CI machines are shared. */
jest.setTimeout(90_000);

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

const TITLE = '数据结构课程的答疑安排';
const ANSWER = '每周三晚上7点在信息楼302有助教答疑，也可以在课程群里预约。';

it('a student asks, the routed college answers from the inbox, the student reads the answer', async () => {
  const { page, cloud } = e2e;

  // The student arrives from the college's official-account menu link.
  await page.goto(`${cloud.url}/`);
  await actAs(page, '张晓雨');
  await page.goto(`${cloud.url}/pages/ask/index?college=c-cs`);
  // 所在学院 names the college itself; the committee that answers is named once a category is picked.
  await page.locator('.ask__select', { hasText: '计算机科学与技术学院' }).waitFor();
  await page.locator('.ask__cat', { hasText: '学业' }).click();
  await page.locator('.ask__input input').fill(TITLE);
  await page.locator('.ask__textarea textarea').fill('想知道数据结构这门课每周有没有固定的答疑时间和地点，作业有问题可以找谁。');
  await page.getByText('提交问题', { exact: true }).click();

  // Routed at once, with the 24-hour promise shown.
  await page.getByText(/已转交/).first().waitFor();
  const result = await page.locator('body').innerText();
  expect(result).toContain('计算机科学与技术学院团委');
  expect(result).toMatch(/24\s*小时/);
  const stored = cloud.store.find('questions', { title: TITLE });
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ ownerUnitId: 'c-cs', askerOpenid: 'dev-student-zhang', status: 'routed' });
  const questionId = stored[0]!._id;
  await page.screenshot({ path: 'test-results/e2e-asked.png' });

  // The responder of the routed college opens the workbench.
  await page.goto(`${cloud.url}/pages/mine/index`);
  await actAs(page, '任智宇');
  await page.getByText('答复工作台').first().click();
  const row = page.locator('.q-card', { hasText: TITLE }).first();
  await row.waitFor();
  await expect(row.innerText()).resolves.toMatch(/剩余/);
  await page.screenshot({ path: 'test-results/e2e-inbox.png' });
  await row.click();
  await page.locator('textarea').first().fill(ANSWER);
  await page.getByText('提交回复', { exact: true }).click();
  await page.getByText(/官方答复|计时已停止/).first().waitFor();
  expect(cloud.store.find('questions', { _id: questionId })[0]).toMatchObject({ status: 'answered' });

  // The student sees the official answer.
  await page.goto(`${cloud.url}/pages/mine/index`);
  await actAs(page, '张晓雨');
  await page.goto(`${cloud.url}/pages/question/index?id=${questionId}`);
  await page.getByText(ANSWER).waitFor();
  const detail = await page.locator('body').innerText();
  expect(detail).toContain('官方答复');
  expect(detail).toContain('任智宇');
  await page.screenshot({ path: 'test-results/e2e-answered.png', fullPage: true });
});
