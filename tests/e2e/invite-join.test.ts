import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { actAs, startE2E, type E2E } from './browser';
import { callAs } from './dev-cloud';

/**
 * 人员与分工 in a real browser (issue 10): 高鹏, 计算机学院's admin, invites a
 * teacher to 专帮青 with 学业 as their 分工; 孙明远 opens the join link with the
 * code, joins, finds a 学业 question to 计算机学院 in 待回复 and answers it.
 * The school admin adds a category to 单位与分类 and a student finds it on the
 * ask page. Screenshots of the new pages at 390 and 1280 px go to test-results/ui/people/.
 */
jest.setTimeout(180_000);

const SHOTS = 'test-results/ui/people';
let e2e: E2E;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

const TITLE = '数据结构课的实验报告格式有要求吗';
const ANSWER = '实验报告按课程组模板写，模板在课程群文件里；有疑问可以在周三答疑时间来实验室找助教。';

/** The page at a phone's and a PC's width (back to 390 afterwards), scrolled to `focus` when given. */
async function shoot(page: Page, name: string, focus?: Locator): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.waitForTimeout(300);
  await focus?.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `${SHOTS}/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  await focus?.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `${SHOTS}/${name}-390.png`, fullPage: true });
}

it('高鹏 invites → the new teacher opens the link with the code, joins, sees a 学业 question in 待回复 and answers it', async () => {
  const { page, cloud } = e2e;

  // 高鹏 (计算机学院团委's admin) issues an invitation from 我的 → 人员与分工 → 邀请.
  await page.goto(`${cloud.url}/`);
  await actAs(page, '高鹏');
  await page.goto(`${cloud.url}/pages/mine/index`);
  await page.getByText('人员与分工', { exact: true }).first().click();
  await page.locator('.target').first().waitFor();
  await page.locator('.person').first().waitFor();
  await shoot(page, 'people-members');

  await page.locator('.people__tab', { hasText: '邀请' }).click();
  const form = page.locator('.invite-form');
  await form.locator('.chips__chip', { hasText: '计算机科学与技术学院' }).first().click();
  await form.locator('.chips__chip', { hasText: '专帮青' }).click();
  await form.locator('.chips__chip', { hasText: /^学业$/ }).click();
  await form.getByRole('textbox', { name: '例如 孙明远' }).fill('孙明远');
  await page.getByText('生成邀请码', { exact: true }).click();
  const codeText = page.locator('.invite-issued__code');
  await codeText.waitFor();
  const code = (await codeText.innerText()).trim();
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
  await page.locator('.invite-issued .invite__qr-img').waitFor();
  await shoot(page, 'people-invited');

  // The entry points of 高鹏's college.
  await page.goto(`${cloud.url}/admin/pages/entry/index`);
  await page.getByText('复制菜单 JSON').or(page.getByText(/尚未配置小程序 AppID/)).first().waitFor();
  await page.locator('.entry__qr-img').waitFor();
  await shoot(page, 'entry');

  // A student asks a 学业 question of 计算机学院: it is routed to the college committee.
  const asked = await callAs<{ id: string; routedTo: { unitId: string } }>(cloud, 'dev-student-zhang', 'question.ask', {
    collegeId: 'c-cs',
    categoryId: 'cat-study',
    title: TITLE,
    content: '老师布置了实验报告，但没说格式，封面和目录有统一要求吗？',
  });
  expect(asked.routedTo.unitId).toBe('c-cs');

  // 孙明远 opens the link a mini-program code would open (scene i=<code>), and joins.
  await page.goto(`${cloud.url}/`);
  await actAs(page, '孙明远');
  await page.goto(`${cloud.url}/pages/join/index?scene=${encodeURIComponent(`i=${code}`)}`);
  await page.getByText('高鹏 邀请你加入').waitFor();
  await expect(page.locator('.join__val', { hasText: '专帮青' }).count()).resolves.toBe(1);
  await expect(page.locator('.join__val', { hasText: '学业' }).count()).resolves.toBe(1);
  await shoot(page, 'join-invitation');
  await page.getByText('加入', { exact: true }).click();
  await page.getByText('已加入', { exact: true }).waitFor();
  await expect(page.getByText('计算机科学与技术学院团委 · 专帮青').count()).resolves.toBe(1);
  await shoot(page, 'join-done');
  const member = cloud.store.find('users', { openid: 'dev-new-teacher' })[0] as unknown as { roles: string[]; memberships: { unitId: string; team: string; categoryIds: string[] }[] };
  expect(member.roles).toContain('responder');
  expect(member.memberships).toEqual([expect.objectContaining({ unitId: 'c-cs', team: 'expert', categoryIds: ['cat-study'] })]);

  // The workbench: the question is in 待回复; 孙明远 answers it.
  await page.getByText('进入答复工作台').click();
  const card = page.locator('.q-card', { hasText: TITLE });
  await card.waitFor();
  await expect(page.locator('.inbox__tab--on').innerText()).resolves.toContain('待回复');
  await card.click();
  await page.getByRole('textbox', { name: /写给提问同学的答复/ }).fill(ANSWER);
  await page.getByText('提交回复', { exact: true }).click();
  await page.getByText('已作为官方答复，计时已停止').waitFor();
  expect(cloud.store.find('questions', { _id: asked.id })[0]).toMatchObject({ status: 'answered' });

  // The same code a second time: already used.
  await page.goto(`${cloud.url}/pages/join/index?code=${code}`);
  await page.getByText(/你已经通过这个邀请加入了/).waitFor();
});

it('a used-up or expired code says so; a code can be typed by hand', async () => {
  const { page, cloud } = e2e;
  await page.goto(`${cloud.url}/`);
  await actAs(page, '孙明远');
  await page.goto(`${cloud.url}/pages/join/index`);
  await page.getByRole('textbox', { name: '例如 CSEXPERT26' }).fill('ecnpeer925');
  await page.getByText('查看邀请', { exact: true }).click();
  await page.getByText(/这个邀请已过期。请联系张瑶萱重新邀请。/).waitFor();
  await shoot(page, 'join-expired');
});

it('the school admin reads and edits 单位与分类', async () => {
  const { page, cloud } = e2e;
  await page.goto(`${cloud.url}/`);
  await actAs(page, '李天罡');
  await page.goto(`${cloud.url}/admin/pages/routing/index`);
  await page.locator('.rt-cat').first().waitFor();
  await shoot(page, 'routing');
  const dorm = page.locator('.rt-cat', { hasText: '后勤宿舍' });
  await dorm.getByText('编辑').click();
  await page.locator('.rt-form__input--hours input').fill('12');
  await page.getByText('保存', { exact: true }).click();
  await page.getByText('✓ 已保存类别「后勤宿舍」，之后的新提问按新设置分派').waitFor();
  // The list reloads after the confirmation appears: wait for the reloaded row.
  await page.locator('.rt-cat', { hasText: '后勤宿舍' }).filter({ hasText: '答复时限：12 小时' }).waitFor();

  // 新增单位: the form, a placement the server would refuse caught before sending (a branch needs its college).
  await page.getByText('＋ 新增单位', { exact: true }).click();
  const unitForm = page.locator('.rt-new');
  await unitForm.locator('.chips__chip', { hasText: /^团支部$/ }).click();
  await unitForm.getByRole('textbox', { name: '如 法学2401班团支部' }).fill('法学2401班团支部');
  await unitForm.getByText('确认新增', { exact: true }).click();
  await unitForm.getByText('请选择团支部所属的学院团委').waitFor();
  await shoot(page, 'routing-new-unit', unitForm);
  await unitForm.getByText('取消', { exact: true }).click();

  // 新增类别: 法律援助, sent to the asker's college, answered within 48 hours.
  await page.getByText('＋ 新增类别', { exact: true }).click();
  const catForm = page.locator('.rt-new');
  await catForm.getByRole('textbox', { name: '如 法律援助（学生提问时看到的名字）' }).fill('法律援助');
  await catForm.getByRole('textbox', { name: '如 合同、租房、维权咨询' }).fill('合同、租房、维权咨询');
  await catForm.locator('.rt-form__input--hours input').fill('48');
  await shoot(page, 'routing-new-category', catForm);
  await catForm.getByText('确认新增', { exact: true }).click();
  await page.getByText('✓ 已新增类别「法律援助」：负责单位 按提问者所选学院，答复时限 48 小时。学生提问时即可选择，只对之后的新提问生效。').waitFor();
  await page.locator('.rt-cat', { hasText: '法律援助' }).filter({ hasText: '答复时限：48 小时' }).waitFor();
  await shoot(page, 'routing-created');
  expect(cloud.store.find('categories', { name: '法律援助' })).toEqual([expect.objectContaining({ ownerUnitId: null, answerHours: 48, version: 1 })]);

  // A student finds it among the ask page's categories.
  await page.goto(`${cloud.url}/`);
  await actAs(page, '张晓雨');
  await page.goto(`${cloud.url}/pages/ask/index?college=c-cs`);
  await page.locator('.ask__cat', { hasText: '法律援助' }).click();
  await page.getByText('合同、租房、维权咨询', { exact: true }).waitFor();
});
