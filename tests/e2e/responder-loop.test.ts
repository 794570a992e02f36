import { actAs, startE2E, type E2E } from './browser';
import { callAs, notificationsFor, outbox } from './dev-cloud';

/**
 * The responder's half of the loop in a real browser at 390 px: an urgent
 * question reaches the owning unit at once and tops its 待回复; a transfer is
 * confirmed with the unit named and the new unit reads why it came.
 */
jest.setTimeout(120_000);

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

const URGENT_TITLE = '明早考试的准考证丢了怎么办';
const ANSWER = '请明早七点半带学生证到信息楼302教学办补打准考证，考试照常进行。';

it('urgent question → the owning unit is notified → it is on top of 待回复 → the responder replies', async () => {
  const { page, cloud } = e2e;
  const asked = await callAs<{ id: string; routedTo: { unitId: string } }>(cloud, 'dev-student-zhang', 'question.ask', {
    collegeId: 'c-cs',
    categoryId: 'cat-study',
    urgent: true,
    title: URGENT_TITLE,
    content: '明天早上八点的数据结构期末考试，准考证找不到了，还能进考场吗？',
  });
  expect(asked.routedTo.unitId).toBe('c-cs');

  // 计算机学院's responders hear at once (任智宇 holds subscription credits: a WeChat message).
  const told = notificationsFor(cloud, asked.id, 'newQuestion');
  expect(told.map((n) => n.recipientOpenid)).toEqual(expect.arrayContaining(['dev-cs-expert', 'dev-cs-league', 'dev-cs-peer']));
  const sent = (await outbox(cloud)).filter((m) => m.channel === 'subscribe' && m.touser === 'dev-cs-expert' && m.page?.includes(asked.id));
  expect(sent).toHaveLength(1);

  await page.goto(`${cloud.url}/`);
  await actAs(page, '任智宇');
  await page.goto(`${cloud.url}/expert/pages/inbox/index`);
  const first = page.locator('.q-card').first();
  await first.waitFor();
  await expect(page.locator('.inbox__tab--on').innerText()).resolves.toContain('待回复');
  await expect(first.locator('.q-card__title').innerText()).resolves.toBe(URGENT_TITLE);
  await expect(first.locator('.badge', { hasText: '紧急' }).count()).resolves.toBe(1);
  await page.screenshot({ path: 'test-results/e2e-urgent-on-top.png' });

  await first.click();
  await page.getByRole('textbox', { name: /写给提问同学的答复/ }).fill(ANSWER);
  await page.getByText('提交回复', { exact: true }).click();
  await page.getByText('已作为官方答复，计时已停止').waitFor();
  expect(cloud.store.find('questions', { _id: asked.id })[0]).toMatchObject({ status: 'answered' });
});

it('at 390 px the tab counts sit apart from the labels ("即将超时" and its number never run into "已超时")', async () => {
  const { page, cloud } = e2e;
  // A second urgent question keeps 即将超时 and 待回复 non-empty.
  await callAs(cloud, 'dev-student-li', 'question.ask', { collegeId: 'c-cs', categoryId: 'cat-career', urgent: true, title: '实习单位要求明天交三方协议', content: '实习单位要求明天上午交三方协议，学院今天还能盖章吗？' });
  await page.goto(`${cloud.url}/`);
  await actAs(page, '任智宇');
  await page.goto(`${cloud.url}/expert/pages/inbox/index`);
  await page.locator('.inbox__count').first().waitFor();
  // Where each tab's label text and its count badge are drawn (the label measured as text, whatever wraps it).
  const tabs = await page.$$eval('.inbox__tab', (nodes) =>
    nodes.map((tab) => {
      const walker = document.createTreeWalker(tab, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.textContent?.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP) });
      const text = walker.nextNode()!;
      const range = document.createRange();
      range.selectNodeContents(text);
      const label = range.getBoundingClientRect();
      const badge = tab.querySelector('.inbox__count')?.getBoundingClientRect() ?? null;
      return { label: text.textContent, labelLeft: label.left, labelRight: label.right, badgeLeft: badge?.left ?? null, right: Math.max(label.right, badge?.right ?? 0) };
    }),
  );
  expect(tabs.map((t) => t.label)).toEqual(['待回复', '即将超时', '已超时', '办理中', '已回复']);
  expect(tabs.filter((t) => t.badgeLeft !== null).length).toBeGreaterThanOrEqual(2);
  // No badge covers its own label, and at least 8 px of air before the next tab's label.
  expect(tabs.filter((t) => t.badgeLeft !== null && t.badgeLeft < t.labelRight - 0.5)).toEqual([]);
  const gaps = tabs.slice(1).map((next, i) => ({ between: `${tabs[i]!.label}|${next.label}`, gap: Math.round(next.labelLeft - tabs[i]!.right) }));
  expect(gaps.filter((g) => g.gap < 8)).toEqual([]);
});

const MOVED_TITLE = '实验室空调漏水需要谁来修';
const REASON = '实验室设备由学院实验中心管理，请学院安排维修';

it('transfer with confirmation → the new unit is told and reads the reason', async () => {
  const { page, cloud } = e2e;
  const asked = await callAs<{ id: string; routedTo: { unitId: string } }>(cloud, 'dev-student-chen', 'question.ask', {
    collegeId: 'c-fl',
    categoryId: 'cat-dorm',
    title: MOVED_TITLE,
    content: '信息楼 305 实验室的空调一直漏水，地上都湿了，应该找后勤还是学院？',
  });
  expect(asked.routedTo.unitId).toBe('d-logistics');

  await page.goto(`${cloud.url}/`);
  await actAs(page, '夏晶');
  await page.goto(`${cloud.url}/expert/pages/inbox/index`);
  await page.locator('.q-card', { hasText: MOVED_TITLE }).click();
  await page.getByText('转办给其他单位').click();
  const groups = await page.locator('.unit-group__label').allInnerTexts();
  expect(groups).toEqual(['学院', '职能部门', '校团委']);
  await expect(page.locator('.unit-chip', { hasText: '团支部' }).count()).resolves.toBe(0);
  await page.locator('.unit-chip', { hasText: '计算机科学与技术学院' }).click();
  await page.getByRole('textbox', { name: /转办理由/ }).fill(REASON);
  await page.getByText('转办至「计算机科学与技术学院团委」').click();

  // Nothing is sent before the confirmation, which names the unit.
  await page.getByText('确认转办至「计算机科学与技术学院团委」？').waitFor();
  expect(cloud.store.find('questions', { _id: asked.id })[0]).toMatchObject({ ownerUnitId: 'd-logistics' });
  await page.screenshot({ path: 'test-results/e2e-transfer-confirm.png', fullPage: true });
  await page.getByText('确认转办', { exact: true }).click();
  await page.getByText('已转办至「计算机科学与技术学院团委」，该单位会收到通知').waitFor();
  await expect(page.getByText(/你不是该问题的负责人/).count()).resolves.toBe(0);
  expect(cloud.store.find('questions', { _id: asked.id })[0]).toMatchObject({ ownerUnitId: 'c-cs' });
  expect(notificationsFor(cloud, asked.id, 'transferredIn').map((n) => n.recipientOpenid)).toContain('dev-cs-expert');

  await page.goto(`${cloud.url}/`);
  await actAs(page, '任智宇');
  await page.goto(`${cloud.url}/expert/pages/inbox/index`);
  await page.locator('.q-card', { hasText: MOVED_TITLE }).click();
  const handover = page.locator('.handover');
  await handover.waitFor();
  await expect(handover.innerText()).resolves.toMatch(/夏晶 于 .* 转办至「计算机科学与技术学院团委」/);
  await expect(handover.innerText()).resolves.toContain(`理由：${REASON}`);
  await page.screenshot({ path: 'test-results/e2e-transfer-received.png', fullPage: true });
});
