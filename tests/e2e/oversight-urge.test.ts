import { HOUR_MS } from '../../shared/domain/answer-deadline';
import { actAs, startE2E, type E2E } from './browser';
import { callAs, dev, notificationsFor, outbox } from './dev-cloud';

/**
 * 督办 in a real browser: a question to 后勤服务中心 goes unanswered past its
 * deadline; the supervisor finds it in 超时督办, urges the unit with a note,
 * the unit is told (its WeCom group, as nobody there has a subscription left)
 * and the timeline shows 催办; 各单位答复情况 counts it against the unit.
 */
jest.setTimeout(120_000);

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

const TITLE = '宿舍楼道有烧焦的味道没人管';
const NOTE = '请今天下班前答复并安排人员排查';

it('the supervisor urges an overdue unit → the unit is notified → the timeline shows 催办', async () => {
  const { page, cloud } = e2e;
  const asked = await callAs<{ id: string }>(cloud, 'dev-student-chen', 'question.ask', {
    collegeId: 'c-fl',
    categoryId: 'cat-dorm',
    title: TITLE,
    content: '12号楼三楼楼道这两天总有烧焦的味道，不知道是不是线路有问题。',
  });
  await dev(cloud, '/__dev/clock', { advanceMs: 25 * HOUR_MS });
  await dev(cloud, '/__dev/scheduler/run', {});

  await page.goto(`${cloud.url}/`);
  await actAs(page, '孟妍');
  await page.goto(`${cloud.url}/pages/mine/index`);
  await page.getByText('超时督办').first().click();
  await page.getByText(/点开可催办负责单位，答复由该单位或协管完成/).waitFor();
  await page.locator('.esc-card', { hasText: TITLE }).click();

  // The supervisor is offered 催办 and nothing they cannot do.
  await page.getByRole('textbox', { name: /催办说明/ }).waitFor();
  await expect(page.getByText('提交回复').count()).resolves.toBe(0);
  await expect(page.getByText('转办给其他单位').count()).resolves.toBe(0);
  await expect(page.getByText(/你不是该问题的负责人/).count()).resolves.toBe(0);

  const groupPostsBefore = (await outbox(cloud)).filter((m) => m.channel === 'wecom').length;
  await page.getByRole('textbox', { name: /催办说明/ }).fill(NOTE);
  await page.getByText('催办「后勤服务中心」').click();
  await page.getByText('已催办「后勤服务中心」，该单位的答复人员和管理员会收到通知').waitFor();

  const urged = notificationsFor(cloud, asked.id, 'urged');
  expect(urged.map((n) => n.recipientOpenid)).toContain('dev-logistics');
  const posts = (await outbox(cloud)).filter((m) => m.channel === 'wecom');
  expect(posts.length).toBeGreaterThan(groupPostsBefore);
  expect(posts.some((m) => m.text?.includes(TITLE.slice(0, 8)) && m.webhookUrl?.includes('demo-logistics'))).toBe(true);

  const urgeStep = page.locator('.history__item--urge');
  await urgeStep.waitFor();
  await expect(urgeStep.innerText()).resolves.toContain('孟妍');
  await expect(urgeStep.innerText()).resolves.toContain(NOTE);
  await page.screenshot({ path: 'test-results/e2e-urged.png', fullPage: true });

  // 各单位答复情况 counts the overdue question against 后勤服务中心.
  await page.goto(`${cloud.url}/admin/pages/performance/index`);
  const logistics = page.locator('.perf-unit', { hasText: '后勤服务中心' });
  await logistics.waitFor();
  const overdueNow = logistics.locator('.perf-fig', { hasText: '当前超时' }).locator('.perf-fig__num');
  expect(Number(await overdueNow.innerText())).toBeGreaterThanOrEqual(1);
});
