import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { actAs, startE2E, type E2E } from './browser';
import { callAs } from './dev-cloud';

/**
 * 内容审核 in a real browser, on the seeded demo university: the coordinator
 * publishes what the word list held (a student can then open it); three
 * students report an answer, the school admin hides it (the public no longer
 * sees it, its asker sees it marked 已隐藏) and reads both decisions in 操作日志;
 * a supervisor is told the page is not theirs; the counsellor opens the
 * seeded crisis question and is met by the crisis banner; a responder whose
 * answer the check holds is told the student has it. Every screen at 390 and
 * 1280 px in test-results/ui/moderation/.
 */
jest.setTimeout(180_000);

const SHOTS = 'test-results/ui/moderation';
const HELD_TITLE = '二手教材转让，有需要的同学加微信';
const HELD_WORDS = '九成新，半价转让';
const CRISIS_TITLE = '最近真的撑不下去了';
const REPORTED_TITLE = '数据结构期末考试范围是什么？';
const REPORTED_ANSWER = '期末考试只考前三章，其余章节不用复习，往年题目答案可以找学长要。';
/** The page the router shows now (hidden pages stay in the DOM). */
const VISIBLE_PAGE = '.taro_page:not([style*="display: none"]):not(.taro_page_shade)';

let e2e: E2E;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(400);
}

async function shot(page: Page, name: string): Promise<void> {
  await settle(page);
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: `${SHOTS}/${width}-${name}.png` });
}

/** Another person in their own browser context (identity is kept in the page's storage). */
async function personPage(width: number, name: string): Promise<Page> {
  const context = await e2e.browser.newContext({ viewport: { width, height: width > 900 ? 900 : 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto(`${e2e.cloud.url}/`);
  await actAs(page, name);
  return page;
}

async function close(page: Page): Promise<void> {
  await page.context().close();
}

/** Nothing wider than the screen (the page's scroller clips rather than scrolls, so measure it too). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const o = await page.evaluate(() => ({
    width: window.innerWidth,
    document: document.scrollingElement?.scrollWidth ?? 0,
    pages: Array.from(document.querySelectorAll<HTMLElement>('.taro_page'))
      .filter((p) => getComputedStyle(p).display !== 'none')
      .map((p) => p.scrollWidth)
      .filter((w) => w > window.innerWidth),
  }));
  expect(o).toEqual({ width: o.width, document: o.width, pages: [] });
}

/** From 我的 through 超时督办 to the oversight link named, as a person finds it. */
async function openFromEscalations(page: Page, link: string): Promise<void> {
  await page.goto(`${e2e.cloud.url}/pages/mine/index`);
  await page.locator('.mine__entry', { hasText: '超时督办' }).first().click();
  await page.locator('.ov-links__title', { hasText: link }).click();
}

describe('内容审核', () => {
  it('the coordinator publishes the held question from 内容审核 (linked from 超时督办); a student can then open it', async () => {
    const { page, cloud } = e2e;
    const queue = await callAs<{ items: { questionId: string; questionTitle: string; target: string; reason: string }[] }>(cloud, 'dev-coordinator', 'moderation.queue', {});
    const held = queue.items.find((i) => i.questionTitle === HELD_TITLE && i.target === 'question');
    expect(held?.reason).toBe('关键词：加微信');
    const heldUrl = `${cloud.url}/pages/question/index?id=${held!.questionId}`;

    // Before: a student who did not ask it is refused (held questions are the asker's and the handlers').
    const student = await personPage(390, '张晓雨');
    await student.goto(heldUrl);
    await student.getByText('这是一个仅提问人和处理老师可见的问题').first().waitFor();
    expect(await student.locator(VISIBLE_PAGE).innerText()).not.toContain(HELD_WORDS);

    await page.goto(`${cloud.url}/`);
    await actAs(page, '王钰铭');
    await openFromEscalations(page, '内容审核');
    const card = page.locator('.mod-card', { hasText: HELD_TITLE });
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain('关键词：加微信');
    expect(text).toContain('提问人：赵一鸣');
    expect(text).toContain(HELD_WORDS);
    expect(text).toMatch(/已等待 \d+小时/);
    // The coordinator does not read the audit log: no link to it.
    expect(await page.locator('.ov-links__title', { hasText: '操作日志' }).count()).toBe(0);
    await expectNoSidewaysScroll(page);
    await shot(page, 'queue');

    // The same queue on a PC, with the 隐藏 form open (not sent).
    const wide = await personPage(1280, '王钰铭');
    await wide.goto(`${cloud.url}/admin/pages/moderation/index`);
    const wideCard = wide.locator('.mod-card', { hasText: HELD_TITLE });
    await wideCard.waitFor();
    await shot(wide, 'queue');
    await wideCard.getByText('隐藏', { exact: true }).click();
    await wideCard.getByText('广告引流').click();
    await shot(wide, 'queue-hide-form');
    await close(wide);

    await card.getByText('公开', { exact: true }).click();
    await card.getByText('确认公开').click();
    await card.getByText('请选择或填写公开的理由').waitFor();
    await card.getByText('内容无违规').click();
    await expectNoSidewaysScroll(page);
    await shot(page, 'queue-publish-form');
    await card.getByText('确认公开').click();
    await page.getByText('已公开，操作已记入日志').waitFor();
    await page.getByText(`问题「${HELD_TITLE}」`).waitFor();
    expect(await page.locator('.mod-card', { hasText: HELD_TITLE }).count()).toBe(0);
    await shot(page, 'published');

    // After: the student opens it by its link.
    await student.goto(heldUrl);
    await student.getByText(HELD_WORDS, { exact: false }).first().waitFor();
    expect(await student.locator(VISIBLE_PAGE).innerText()).toContain(HELD_TITLE);
    await close(student);

    // The decision is a step of the question's 处理记录, for handlers.
    await page.goto(`${cloud.url}/expert/pages/reply/index?id=${held!.questionId}`);
    const step = page.locator('.history__item--moderate');
    await step.waitFor();
    const stepText = await step.innerText();
    expect(stepText).toContain('内容审核');
    expect(stepText).toContain('王钰铭 审核内容');
    expect(stepText).toContain('公开问题：内容无违规');
  });

  it('three students report an answer → it waits in 内容审核 → the school admin hides it → the public no longer sees it, its asker sees 已隐藏; 操作日志 lists both decisions', async () => {
    const { page, cloud } = e2e;
    const asked = await callAs<{ id: string }>(cloud, 'dev-student-zhang', 'question.ask', {
      collegeId: 'c-cs',
      categoryId: 'cat-study',
      title: REPORTED_TITLE,
      content: '数据结构这学期的期末考试考哪些章节？有没有复习提纲？',
    });
    const posted = await callAs<{ answerId: string; moderation: string }>(cloud, 'dev-cs-expert', 'answer.post', { questionId: asked.id, content: REPORTED_ANSWER });
    expect(posted.moderation).toBe('published');
    const reports = [];
    for (const who of ['dev-student-li', 'dev-student-chen', 'dev-student-zhao']) {
      reports.push(await callAs<{ hiddenPendingReview: boolean }>(cloud, who, 'content.report', { questionId: asked.id, target: 'answer', answerId: posted.answerId, reason: '答复内容与课程通知不符' }));
    }
    expect(reports.map((r) => r.hiddenPendingReview)).toEqual([false, false, true]);

    await page.goto(`${cloud.url}/`);
    await actAs(page, '李天罡');
    await openFromEscalations(page, '内容审核');
    const card = page.locator('.mod-card', { hasText: REPORTED_TITLE });
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain('3位用户举报');
    expect(text).toContain('任智宇的答复');
    expect(text).toContain('发布人：任智宇');
    expect(text).toContain(REPORTED_ANSWER);
    await shot(page, 'queue-reported');

    await card.getByText('隐藏', { exact: true }).click();
    await card.getByText('不实信息').click();
    await shot(page, 'queue-hide-form');
    await card.getByText('确认隐藏').click();
    await page.getByText('已隐藏，操作已记入日志').waitFor();
    await page.getByText(`问题「${REPORTED_TITLE}」的任智宇的答复`).waitFor();
    await page.getByText('暂无待审核内容').waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, 'hidden-empty');

    // The public (a student who did not ask) no longer sees the answer; the asker sees it marked 已隐藏.
    const other = await personPage(390, '李思远');
    await other.goto(`${cloud.url}/pages/question/index?id=${asked.id}`);
    await other.getByText(REPORTED_TITLE).first().waitFor();
    await settle(other);
    expect(await other.locator(VISIBLE_PAGE).innerText()).not.toContain(REPORTED_ANSWER);
    await close(other);
    const asker = await personPage(390, '张晓雨');
    await asker.goto(`${cloud.url}/pages/question/index?id=${asked.id}`);
    const hiddenAnswer = asker.locator('.answer', { hasText: REPORTED_ANSWER });
    await hiddenAnswer.waitFor();
    expect(await hiddenAnswer.innerText()).toContain('已隐藏');
    await close(asker);

    // Handlers see it marked too, on 问题办理.
    await page.goto(`${cloud.url}/expert/pages/reply/index?id=${asked.id}`);
    const handlerAnswer = page.locator('.answer', { hasText: REPORTED_ANSWER });
    await handlerAnswer.waitFor();
    expect(await handlerAnswer.locator('.badge').innerText()).toBe('已隐藏');
    await handlerAnswer.scrollIntoViewIfNeeded();
    await shot(page, 'reply-hidden-answer');

    // 操作日志, one tap from 内容审核: newest first.
    await page.goBack();
    await page.locator('.ov-links__title', { hasText: '操作日志' }).click();
    const rows = page.locator('.audit-entry');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    const [first, second] = [await rows.nth(0).innerText(), await rows.nth(1).innerText()];
    expect(first).toContain('隐藏内容');
    expect(first).toContain('操作人：李天罡');
    expect(first).toContain(REPORTED_TITLE);
    expect(first).toContain('理由：不实信息');
    expect(second).toContain('公开内容');
    expect(second).toContain('操作人：王钰铭');
    expect(second).toContain(HELD_TITLE);
    expect(second).toContain('理由：内容无违规');
    await expectNoSidewaysScroll(page);
    await shot(page, 'audit');

    const wide = await personPage(1280, '李天罡');
    await wide.goto(`${cloud.url}/admin/pages/audit/index`);
    await wide.locator('.audit-entry').first().waitFor();
    await shot(wide, 'audit');
    await wide.goto(`${cloud.url}/admin/pages/moderation/index`);
    await wide.getByText('暂无待审核内容').waitFor();
    await shot(wide, 'queue-empty');
    await wide.goto(`${cloud.url}/admin/pages/escalations/index`);
    await wide.locator('.ov-links__title', { hasText: '操作日志' }).waitFor();
    await wide.locator('.ov-links').scrollIntoViewIfNeeded();
    await shot(wide, 'escalations-links');
    await close(wide);
  });

  it('a supervisor cannot open 内容审核: no link to it, and the page itself says 无权限 with a way back', async () => {
    const { page, cloud } = e2e;
    await page.goto(`${cloud.url}/`);
    await actAs(page, '孟妍');
    await page.goto(`${cloud.url}/admin/pages/escalations/index`);
    await page.locator('.ov-links__title', { hasText: '各单位答复情况' }).waitFor();
    expect(await page.locator('.ov-links__title', { hasText: '内容审核' }).count()).toBe(0);
    expect(await page.locator('.ov-links__title', { hasText: '操作日志' }).count()).toBe(0);
    await page.locator('.ov-links').scrollIntoViewIfNeeded();
    await shot(page, 'escalations-links-supervisor');

    await page.goto(`${cloud.url}/admin/pages/moderation/index`);
    await page.getByText('无权限').waitFor();
    await page.getByText('内容审核仅限协管员和学校管理员使用。').waitFor();
    expect(await page.locator('.mod-card').count()).toBe(0);
    await shot(page, 'no-access');

    await page.goto(`${cloud.url}/admin/pages/audit/index`);
    await page.getByText('操作日志仅限学校管理员（工作小组组长）查看。').waitFor();
    // Opened directly: 返回 leads to 我的.
    await page.getByText('返回', { exact: true }).click();
    await page.waitForURL(/\/pages\/mine\/index/);

    const wide = await personPage(1280, '孟妍');
    await wide.goto(`${cloud.url}/admin/pages/moderation/index`);
    await wide.getByText('无权限').waitFor();
    await shot(wide, 'no-access');
    await close(wide);
  });
});

describe('危机干预 and held answers on 问题办理', () => {
  it('the counsellor opens the seeded crisis question from 待回复 and is met by the crisis banner with the numbers', async () => {
    const { page, cloud } = e2e;
    await page.goto(`${cloud.url}/`);
    await actAs(page, '陈家位');
    await page.goto(`${cloud.url}/pages/mine/index`);
    await page.getByText('答复工作台').first().click();
    await expect(page.locator('.inbox__tab--on').innerText()).resolves.toContain('待回复');
    const card = page.locator('.q-card', { hasText: CRISIS_TITLE });
    await card.waitFor();
    await card.click();

    const banner = page.locator('.crisis');
    await banner.waitFor();
    expect(await banner.locator('.crisis__message').innerText()).toBe(
      '危机干预：这位同学可能需要及时关心。问题已保密，请尽快联系，必要时拨打学校心理援助热线或 110 / 120',
    );
    const numbers = await banner.locator('a[href^="tel:"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(numbers[0]).toBe('tel:057188880525');
    expect(numbers).toContain('tel:12356');
    // First on the page, above the question.
    const [bannerTop, cardTop] = await page.evaluate(() => [
      document.querySelector('.crisis')!.getBoundingClientRect().top,
      document.querySelector('.reply__card')!.getBoundingClientRect().top,
    ]);
    expect(bannerTop).toBeLessThan(cardTop);
    await expectNoSidewaysScroll(page);
    await shot(page, 'reply-crisis');

    const wide = await personPage(1280, '陈家位');
    await wide.goto(page.url());
    await wide.locator('.crisis').waitFor();
    await shot(wide, 'reply-crisis');
    await close(wide);
  });

  it('an answer the word list holds: the responder is told the student has it and the public will after review; it is marked 审核中', async () => {
    const { page, cloud } = e2e;
    const asked = await callAs<{ id: string }>(cloud, 'dev-student-zhang', 'question.ask', {
      collegeId: 'c-cs',
      categoryId: 'cat-study',
      title: '算法课的助教答疑在哪里？',
      content: '算法课的作业有几道题不会，助教答疑是什么时间，在哪个教室？',
    });
    await page.goto(`${cloud.url}/`);
    await actAs(page, '任智宇');
    await page.goto(`${cloud.url}/expert/pages/reply/index?id=${asked.id}`);
    await page.getByRole('textbox', { name: /写给提问同学的答复/ }).fill('答疑每周三晚上在东三教 201，人多的话可以加微信群预约时间。');
    await page.getByText('提交回复', { exact: true }).click();
    await page.getByText('答复已送达提问同学；内容需经审核，审核通过后公开显示。').waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, 'reply-review-confirmation');

    await page.goto(`${cloud.url}/expert/pages/reply/index?id=${asked.id}`);
    const held = page.locator('.answer', { hasText: '东三教 201' });
    await held.waitFor();
    expect(await held.locator('.badge').innerText()).toBe('审核中');
    await held.scrollIntoViewIfNeeded();
    await shot(page, 'reply-held-answer');

    const wide = await personPage(1280, '任智宇');
    await wide.goto(`${cloud.url}/expert/pages/reply/index?id=${asked.id}`);
    await wide.locator('.answer', { hasText: '东三教 201' }).waitFor();
    await wide.locator('.answer', { hasText: '东三教 201' }).scrollIntoViewIfNeeded();
    await shot(wide, 'reply-held-answer');
    await close(wide);
  });
});
