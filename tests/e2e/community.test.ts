import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { actAs, startE2E, type E2E } from './browser';
import { callAs } from './dev-cloud';

/**
 * The community screens in a real browser on the seeded demo university
 * (issue 11): 同声同心 on 首页 (sort and filters, the five-board row); a
 * student 同问s and follows 李思远's public question, a responder of the unit
 * it reached (经济学院) answers it in the app, the follower finds the message
 * in 消息中心 with the unread count (the PC header counts it too), opens it
 * and likes the answer; 热点标签 opens a tag's questions; 专家推荐 lists the
 * experts and the ask form's 指定TA addresses a question to one, who finds it
 * in their 消息中心. Every screen at 390 and 1280 px in
 * test-results/ui/community/.
 */
jest.setTimeout(240_000);

const SHOTS = 'test-results/ui/community';
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

/** A screenshot of what the screen shows, after scrolling `focus` (when given) into view. */
async function shot(page: Page, name: string, focus?: Locator): Promise<void> {
  await settle(page);
  if (focus) await focus.scrollIntoViewIfNeeded();
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: `${SHOTS}/${width}-${name}.png` });
}

async function personPage(width: number, name: string): Promise<Page> {
  const context = await e2e.browser.newContext({ viewport: { width, height: width > 900 ? 900 : 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto(`${e2e.cloud.url}/`);
  await actAs(page, name);
  return page;
}

const visible = (page: Page) => page.locator(VISIBLE_PAGE).last();

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${e2e.cloud.url}${path}`);
  await settle(page);
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

/** Elements (by selector) that stick out of their row's right edge or overlap one another on a line. */
async function overflowing(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (nodes) =>
    nodes
      .filter((n) => {
        const r = n.getBoundingClientRect();
        const parent = n.parentElement?.getBoundingClientRect();
        return r.width > 0 && parent !== undefined && (r.right > parent.right + 0.5 || r.left < parent.left - 0.5);
      })
      .map((n) => n.textContent ?? ''),
  );
}

const unreadOf = async (openid: string) => (await callAs<{ unread: number }>(e2e.cloud, openid, 'message.unread', {})).unread;

describe('同声同心 on 首页', () => {
  it('the five boards fit the phone; 同问最多 sorts the feed and the state filter offers the states', async () => {
    for (const width of [390, 1280]) {
      const page = await personPage(width, '张晓雨');
      const v = visible(page);
      await v.locator('.feed-controls').waitFor();
      await v.locator('.q-card').first().waitFor();
      const boards = await v.locator('.home__board-label').allInnerTexts();
      expect(boards).toEqual(['活动公告', '青年视角', '话题墙', '热点标签', '专家推荐']);
      expect(await overflowing(page, '.home__board')).toEqual([]);
      expect(await overflowing(page, '.feed-controls__sort, .feed-controls__filter')).toEqual([]);
      await expectNoSidewaysScroll(page);
      await shot(page, 'home');
      await shot(page, 'home-feed', v.locator('.feed-controls'));

      await v.locator('.feed-controls__sort', { hasText: '同问最多' }).click();
      await expect(v.locator('.feed-controls__sort--on').innerText()).resolves.toBe('同问最多');
      await v.locator('.q-card').first().waitFor();
      // The state picker opens Taro's H5 sheet with the states (choosing one is covered by the UI tests).
      await v.locator('.feed-controls__filter', { hasText: '全部状态' }).click();
      const sheet = page.locator('.weui-picker:visible');
      await sheet.waitFor();
      expect(await sheet.innerText()).toContain('已办结');
      await shot(page, 'home-state-picker');
      await sheet.getByText('取消', { exact: true }).click();
      await shot(page, 'home-sorted', v.locator('.feed-controls'));
      await page.context().close();
    }
  });
});

const FOLLOWED = '经济学院的第二学位什么时候报名？';
const ANSWER = '第二学位每年3月在教务系统开放报名，要求第一专业平均绩点不低于2.8，学院会在2月底发通知，届时留意学院公众号即可。';

describe('同问, 关注, 消息中心 and 赞', () => {
  it('a student 同问s and follows; the unit answers; the follower is told in 消息中心, opens it and likes the answer', async () => {
    const asked = await callAs<{ id: string; routedTo: { unitId: string } }>(e2e.cloud, 'dev-student-li', 'question.ask', {
      collegeId: 'c-econ',
      categoryId: 'cat-study',
      title: FOLLOWED,
      content: '想辅修金融学第二学位，请问报名时间、条件和学费分别是怎样的？',
    });
    expect(asked.routedTo.unitId).toBe('c-econ');
    const before = await unreadOf('dev-student-zhang');

    const zhang = await personPage(390, '张晓雨');
    await open(zhang, `/pages/question/index?id=${asked.id}`);
    let v = visible(zhang);
    await v.locator('.reactions').waitFor();
    await v.getByText('同问或关注后，这个问题有答复、办理进展时会通知你').waitFor();
    await shot(zhang, 'question-reactions', v.locator('.reactions'));
    await v.locator('.reactions .like', { hasText: '同问' }).click();
    await v.locator('.like--on', { hasText: '已同问 1' }).waitFor();
    await v.locator('.reactions .like', { hasText: '关注' }).click();
    await v.locator('.like--on', { hasText: '已关注' }).waitFor();
    await expectNoSidewaysScroll(zhang);
    await shot(zhang, 'question-followed', v.locator('.reactions'));

    // 经济学院's expert answers it from the inbox.
    const responder = await personPage(1280, '詹来明');
    await open(responder, '/expert/pages/inbox/index');
    await responder.locator('.q-card', { hasText: FOLLOWED }).click();
    await responder.getByRole('textbox', { name: /写给提问同学的答复/ }).fill(ANSWER);
    await responder.getByText('提交回复', { exact: true }).click();
    await responder.getByText('已作为官方答复，计时已停止').waitFor();
    await responder.context().close();

    // The follower: one more unread, on 我的 and in 消息中心.
    await expect(unreadOf('dev-student-zhang')).resolves.toBe(before + 1);
    await open(zhang, '/pages/mine/index');
    await visible(zhang).getByText(`${before + 1} 条未读消息`).waitFor();
    await visible(zhang).getByText('消息中心', { exact: true }).click();
    v = visible(zhang);
    await v.getByText(`${before + 1} 条未读`).waitFor();
    const message = v.locator('.msg', { hasText: FOLLOWED }).first();
    await message.waitFor();
    expect(await message.innerText()).toContain('未读');
    await expectNoSidewaysScroll(zhang);
    await shot(zhang, 'messages');
    await message.click();
    await zhang.waitForURL(/\/pages\/question\/index\?id=/);
    v = visible(zhang);
    await v.getByText(ANSWER).waitFor();
    // Opening it read it.
    for (let i = 0; i < 20 && (await unreadOf('dev-student-zhang')) !== before; i += 1) await zhang.waitForTimeout(250);
    await expect(unreadOf('dev-student-zhang')).resolves.toBe(before);
    const like = v.locator('.like', { hasText: /^赞 0$/ });
    await like.click();
    await v.locator('.like--on', { hasText: '已赞 1' }).waitFor();
    await shot(zhang, 'question-liked', v.locator('.like--on', { hasText: '已赞 1' }));
    const stored = e2e.cloud.store.find('reactions', {}) as unknown as { kind?: string; type?: string }[];
    expect(stored.length).toBeGreaterThanOrEqual(3);
    await zhang.context().close();

    // On a PC: the question with its reactions, and 消息中心 from the header.
    const pc = await personPage(1280, '张晓雨');
    await open(pc, `/pages/question/index?id=${asked.id}`);
    await visible(pc).locator('.like--on', { hasText: '已同问 1' }).waitFor();
    await shot(pc, 'question-reactions', visible(pc).locator('.reactions'));
    await pc.locator('.web-header__item', { hasText: '消息' }).click();
    await visible(pc).locator('.msg', { hasText: FOLLOWED }).first().waitFor();
    expect(await visible(pc).locator('.msg', { hasText: FOLLOWED }).first().innerText()).not.toContain('未读');
    await shot(pc, 'messages');
    await pc.context().close();
  });

  it('the PC header counts unread messages', async () => {
    const unread = await unreadOf('dev-student-li');
    const pc = await personPage(1280, '李思远');
    await pc.reload();
    const item = pc.locator('.web-header__item', { hasText: '消息' });
    await item.waitFor();
    if (unread > 0) await expect(item.locator('.web-header__badge').innerText()).resolves.toBe(String(Math.min(unread, 99)).replace(/^100$/, '99+'));
    else expect(await item.locator('.web-header__badge').count()).toBe(0);
    await pc.context().close();
  });
});

describe('热点标签', () => {
  it('the board lists hot tags; a tag opens its questions, and a question from there', async () => {
    for (const width of [390, 1280]) {
      const page = await personPage(width, '张晓雨');
      await visible(page).locator('.home__board', { hasText: '热点标签' }).click();
      let v = visible(page);
      const tags = v.locator('.hot-tag');
      await tags.first().waitFor();
      expect(await tags.count()).toBeGreaterThan(1);
      await expectNoSidewaysScroll(page);
      await shot(page, 'tags');
      const label = (await tags.first().locator('.hot-tag__label').innerText()).trim();
      await tags.first().click();
      await page.waitForURL(/\/community\/pages\/tag\/index/);
      v = visible(page);
      await v.locator('.board__title', { hasText: label }).waitFor();
      const item = v.locator('.q-card, .board-card').first();
      await item.waitFor();
      await expectNoSidewaysScroll(page);
      await shot(page, 'tag');
      await settle(page);
      await item.click();
      await page.waitForURL(/\/pages\/question\/index\?id=/);
      await page.context().close();
    }
  });
});

const ADDRESSED = '计算机专业大三想转方向做人工智能，怎么规划？';

describe('专家推荐', () => {
  it('lists the experts by team; the ask form suggests the ones who cover the category and 指定TA addresses the question to one', async () => {
    const pc = await personPage(1280, '张晓雨');
    await visible(pc).locator('.home__board', { hasText: '专家推荐' }).click();
    const cards = visible(pc).locator('.expert-card');
    await cards.first().waitFor();
    const names = await visible(pc).locator('.expert-card__name').allInnerTexts();
    expect(names).toEqual(expect.arrayContaining(['任智宇']));
    await shot(pc, 'experts');
    await pc.context().close();

    const page = await personPage(390, '张晓雨');
    await open(page, '/community/pages/experts/index');
    const expert = visible(page).locator('.expert-card', { hasText: '任智宇' });
    await expert.waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, 'experts');
    await expert.click();
    await page.waitForURL(/\/community\/pages\/expert\/index/);
    await visible(page).getByText('向 任智宇 提问').waitFor();
    await shot(page, 'expert');
    await visible(page).getByText('我要提问', { exact: true }).last().click();
    await page.waitForURL(/\/pages\/ask\/index/);
    let v = visible(page);
    // 张晓雨's college (计算机) is preset; 学业 brings up the experts who cover it.
    await v.locator('.ask__cat', { hasText: '学业' }).click();
    const suggest = v.locator('.expert-suggest');
    await suggest.waitFor();
    const suggested = await suggest.locator('.expert-card__name').allInnerTexts();
    expect(suggested).toContain('任智宇');
    await suggest.locator('.expert-card', { hasText: '任智宇' }).getByText('指定TA', { exact: true }).click();
    await suggest.getByText('已指定', { exact: true }).waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, 'ask-expert', suggest);
    await v.locator('.ask__input input').fill(ADDRESSED);
    await v.locator('.ask__textarea textarea').fill('对机器学习比较感兴趣，想知道需要补哪些数学课、要不要早点进实验室，以及考研和就业哪个更合适。');
    await v.getByText('提交问题', { exact: true }).click();
    await v.getByText('提问成功', { exact: true }).waitFor();
    await page.context().close();

    const stored = e2e.cloud.store.find('questions', { title: ADDRESSED })[0] as unknown as { addressedExpertOpenid?: string; ownerUnitId: string };
    expect(stored).toMatchObject({ addressedExpertOpenid: 'dev-cs-expert', ownerUnitId: 'c-cs' });

    // The expert is told first: 同学指定你答复 in 消息中心, opening the question.
    const ren = await personPage(390, '任智宇');
    await open(ren, '/community/pages/messages/index');
    const msg = visible(ren).locator('.msg', { hasText: ADDRESSED }).first();
    await msg.waitFor();
    expect(await msg.innerText()).toContain('同学指定你答复');
    await shot(ren, 'expert-told');
    await msg.click();
    await ren.waitForURL(/question\/index\?id=|answer/);
    await visible(ren).getByText(ADDRESSED).first().waitFor();
    await ren.context().close();

    // The PC ask form with the suggestion.
    const pcAsk = await personPage(1280, '张晓雨');
    await open(pcAsk, '/pages/ask/index');
    await visible(pcAsk).locator('.ask__cat', { hasText: '就业' }).click();
    await visible(pcAsk).locator('.expert-suggest').waitFor();
    await shot(pcAsk, 'ask-expert', visible(pcAsk).locator('.expert-suggest'));
    await pcAsk.context().close();
  });
});
