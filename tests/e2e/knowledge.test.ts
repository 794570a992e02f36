import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { actAs, startE2E, type E2E } from './browser';
import { callAs } from './dev-cloud';

/**
 * The knowledge layer in a real browser, on the seeded demo university (four
 * students lost their campus card last half month; the scheduler grouped
 * them): a student searches and opens an earlier answer, and a search that
 * finds nothing leads on to asking; a student typing a paraphrase is shown the
 * earlier question, opens it, and leaves without asking (counted); the
 * category suggestion is applied with a tap; the coordinator publishes the
 * group as an FAQ entry with an edited title and answer; the student then
 * finds it pinned on 首页, in the FAQ list, first in search and first among
 * similar questions; a responder quotes a reference answer. Every screen at
 * 390 and 1280 px in test-results/ui/knowledge/.
 */
jest.setTimeout(240_000);

const SHOTS = 'test-results/ui/knowledge';
const SEEDED = ['校园卡丢了怎么补办？', '一卡通丢失补卡流程', '饭卡掉了在哪补', '學生卡遺失了要怎麼補辦'];
const FAQ_TITLE = '校园卡（一卡通）丢了怎么补办';
const FAQ_ANSWER =
  '1. 先在“一卡通”公众号或食堂自助机上挂失，卡里的余额会冻结，不会被盗刷。\n2. 带身份证到一卡通办公室（食堂二楼）补办，周一至周六 8:30–17:00，工本费 20 元，当场可取。\n3. 余额自动转入新卡。';
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
  await page.waitForTimeout(500);
}

/** A screenshot of what the screen shows, after scrolling `focus` (when given) into view. */
async function shot(page: Page, name: string, focus?: Locator): Promise<void> {
  await settle(page);
  if (focus) await focus.scrollIntoViewIfNeeded();
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

/** The page on top (during a transition the one underneath is still shown). */
const visible = (page: Page) => page.locator(VISIBLE_PAGE).last();

async function deflections(): Promise<number> {
  return (await callAs<{ deflectedLast14Days: number }>(e2e.cloud, 'dev-coordinator', 'faq.candidates', {})).deflectedLast14Days;
}

describe('knowledge', () => {
  it('a student searches from 首页: highlighted answers, one opens; a search that finds nothing leads on to asking with the words as the title', async () => {
    const page = await personPage(390, '张晓雨');
    // No FAQ entry yet: nothing pinned.
    await page.getByText('大家在问').first().waitFor();
    expect(await page.locator('.faq-pinned').count()).toBe(0);
    await page.locator('.search-entry').click();
    await page.locator('.search__intro').waitFor();
    await shot(page, 'search-intro');

    await page.locator('.search__input input').fill('饭卡丢了去哪补办');
    const first = page.locator('.hit').first();
    await first.waitFor();
    const titles = await page.locator('.hit__title').allInnerTexts();
    expect(titles.filter((t) => SEEDED.includes(t)).length).toBeGreaterThanOrEqual(3);
    // The matched words are highlighted, and the start of the answer is there without a second tap.
    expect(await page.locator('.hit .hl').count()).toBeGreaterThan(0);
    expect(await first.innerText()).toContain('答复');
    await expectNoSidewaysScroll(page);
    await shot(page, 'search-results');

    const openTitle = await first.locator('.hit__title').innerText();
    await first.click();
    await page.waitForURL(/\/pages\/question\/index\?id=/);
    await visible(page).getByText(openTitle).first().waitFor();
    // Back only once the forward transition is over: Taro 4.2.1's H5 router shades the page underneath on a
    // timer that a back within the animation does not cancel (the page comes back blank).
    await settle(page);
    await page.goBack();
    // Back on 搜索 as it was left (the router keeps the page), once the transition is over.
    await page.waitForURL(/\/pages\/search\/index/);
    await visible(page).locator('.hit').first().waitFor();
    await settle(page);

    const box = visible(page).locator('.search__input input');
    await box.fill('潜水艇驾驶执照怎么考');
    await expect(box.inputValue()).resolves.toBe('潜水艇驾驶执照怎么考');
    await page.getByText('没有找到相关问题').waitFor();
    await shot(page, 'search-empty');
    await page.getByText('我要提问', { exact: true }).last().click();
    await page.waitForURL(/\/pages\/ask\/index/);
    expect(await page.locator('.ask__input input').inputValue()).toBe('潜水艇驾驶执照怎么考');
    await page.context().close();
  });

  it('on the PC the header has the search box; results at 1280 px', async () => {
    const page = await personPage(1280, '李思远');
    await page.locator('.web-header__search').click();
    await page.waitForURL(/\/pages\/search\/index/);
    await page.locator('.search__input input').fill('一卡通补卡');
    await page.locator('.hit').first().waitFor();
    // On the search page itself the header's box gives way to the real one.
    expect(await page.locator('.web-header__search').count()).toBe(0);
    await expectNoSidewaysScroll(page);
    await shot(page, 'search-results');
    await page.context().close();
  });

  it('a student typing a paraphrase sees the earlier question, opens it, takes the suggested category, then leaves without asking (counted)', async () => {
    const before = await deflections();
    const page = await personPage(390, '赵一鸣');
    await page.goto(`${e2e.cloud.url}/pages/ask/index`);
    await page.locator('.ask__cat', { hasText: '学业' }).click();
    await page.locator('.ask__input input').fill('校园卡不见了，在哪里能补一张');
    const similar = page.locator('.similar');
    await similar.waitFor();
    const items = await similar.locator('.similar__item-title').allInnerTexts();
    expect(items.some((t) => SEEDED.includes(t))).toBe(true);

    // The text belongs to 后勤宿舍, not the 学业 picked: a gentle correction, applied with a tap.
    const hint = page.locator('.cat-hint');
    await hint.waitFor();
    expect(await hint.innerText()).toContain('后勤宿舍');
    await expectNoSidewaysScroll(page);
    await shot(page, 'ask-similar', similar);
    await hint.getByText('改为后勤宿舍').click();
    expect(await page.locator('.ask__cat--on').innerText()).toContain('后勤宿舍');
    expect(await page.locator('.cat-hint').count()).toBe(0);

    // Open one in place, then read it whole; back returns to the form as it was.
    const item = similar.locator('.similar__item').first();
    const itemTitle = await item.locator('.similar__item-title').innerText();
    await item.locator('.similar__row').click();
    await item.locator('.similar__answer').waitFor();
    await shot(page, 'ask-similar-open', item.getByText('查看全文 ›'));
    await item.getByText('查看全文 ›').click();
    await page.waitForURL(/\/pages\/question\/index\?id=/);
    await visible(page).getByText(itemTitle).first().waitFor();
    await settle(page);
    await page.goBack();
    await page.waitForURL(/\/pages\/ask\/index/);
    // The form as it was left, the answer still open (the router keeps the page), once the transition is over.
    const solved = visible(page).locator('.similar__item').first().locator('.similar__solved');
    await solved.waitFor();
    await settle(page);
    expect(await visible(page).locator('.ask__input input').inputValue()).toBe('校园卡不见了，在哪里能补一张');

    await solved.click();
    await page.getByText('太好了，问题解决了').waitFor();
    await shot(page, 'ask-deflected');
    expect(await deflections()).toBe(before + 1);
    await page.context().close();
  });

  it('the coordinator publishes the campus-card group with an edited title and answer; the student finds it pinned, in the list, first in search and among similar questions, and says it solved the problem', async () => {
    const coordinator = await personPage(390, '王钰铭');
    await coordinator.goto(`${e2e.cloud.url}/pages/mine/index`);
    await coordinator.locator('.mine__entry', { hasText: '常见问题整理' }).click();
    const card = coordinator.locator('.faq-cand', { hasText: SEEDED[1]! });
    await card.waitFor();
    const cardText = await card.innerText();
    for (const title of SEEDED) expect(cardText).toContain(title);
    expect(cardText).toContain('后勤服务中心 答复');
    expect(await coordinator.locator('.faq-cur__figure-value').innerText()).toMatch(/^\d+$/);
    await expectNoSidewaysScroll(coordinator);
    await shot(coordinator, 'curation-candidates');

    await card.getByText('发布为常见问题').click();
    const title = card.locator('.faq-form__input input').first();
    expect(await title.inputValue()).toBe('校园卡丢了怎么补办');
    await title.fill(FAQ_TITLE);
    await card.locator('.faq-form__textarea textarea').fill(FAQ_ANSWER);
    await shot(coordinator, 'curation-publish-form', card.getByText('确认发布'));
    await card.getByText('确认发布').click();
    await coordinator.getByText(`已发布常见问题「${FAQ_TITLE}」：收录 4 个提问`).waitFor();
    expect(await coordinator.locator('.faq-cand', { hasText: SEEDED[1]! }).count()).toBe(0);
    await shot(coordinator, 'curation-published');
    await coordinator.locator('.faq-cur__tab', { hasText: '已发布' }).click();
    await coordinator.locator('.faq-entry', { hasText: FAQ_TITLE }).waitFor();
    await shot(coordinator, 'curation-entries');
    await coordinator.context().close();

    // The same page on a PC.
    const wide = await personPage(1280, '王钰铭');
    await wide.goto(`${e2e.cloud.url}/admin/pages/faq/index`);
    await wide.locator('.faq-cur__tab', { hasText: '已发布' }).click();
    await wide.locator('.faq-entry', { hasText: FAQ_TITLE }).waitFor();
    await wide.locator('.faq-entry', { hasText: FAQ_TITLE }).getByText('撤下', { exact: true }).click();
    await wide.getByText('内容已过时').click();
    await expectNoSidewaysScroll(wide);
    await shot(wide, 'curation-retire-form');
    await wide.context().close();

    // The student: pinned on 首页 → the list → the entry, with the questions it gathers.
    const student = await personPage(390, '陈嘉怡');
    const pinned = student.locator('.faq-pinned');
    await pinned.waitFor();
    expect(await pinned.innerText()).toContain(FAQ_TITLE);
    await shot(student, 'home-pinned');
    await pinned.getByText('查看全部 ›').click();
    await student.waitForURL(/\/knowledge\/pages\/faq\/index/);
    await student.locator('.faq-card', { hasText: FAQ_TITLE }).waitFor();
    await shot(student, 'faq-list');
    await student.locator('.faq-card', { hasText: FAQ_TITLE }).click();
    await student.waitForURL(/\/knowledge\/pages\/faq-detail\/index\?id=/);
    await visible(student).getByText('汇总的提问（4）').waitFor();
    const detail = await visible(student).innerText();
    expect(detail).toContain('带身份证到一卡通办公室（食堂二楼）补办');
    for (const t of SEEDED) expect(detail).toContain(t);
    await expectNoSidewaysScroll(student);
    await shot(student, 'faq-detail');
    const before = await deflections();
    await visible(student).getByText('这解决了我的问题').click();
    await visible(student).getByText('太好了，问题解决了').waitFor();
    await shot(student, 'faq-detail-solved', visible(student).locator('.faq__solved'));
    expect(await deflections()).toBe(before + 1);

    // Search puts the entry first; so do the similar questions while asking.
    await student.goto(`${e2e.cloud.url}/pages/search/index`);
    await student.locator('.search__input input').fill('饭卡丢了怎么办');
    await student.locator('.hit').first().waitFor();
    expect(await student.locator('.hit').first().innerText()).toContain('常见问题');
    expect(await student.locator('.hit__title').first().innerText()).toBe(FAQ_TITLE);
    await shot(student, 'search-faq-first');
    await student.goto(`${e2e.cloud.url}/pages/ask/index`);
    await student.locator('.ask__input input').fill('学生卡丢了怎么重新办');
    await student.locator('.similar').waitFor();
    expect(await student.locator('.similar__item-title').first().innerText()).toBe(FAQ_TITLE);
    await student.context().close();

    // PC views of the student's screens.
    const pc = await personPage(1280, '陈嘉怡');
    await pc.locator('.faq-pinned').waitFor();
    await expectNoSidewaysScroll(pc);
    await shot(pc, 'home-pinned');
    await pc.locator('.faq-pinned__all').click();
    await pc.locator('.faq-card', { hasText: FAQ_TITLE }).waitFor();
    await shot(pc, 'faq-list');
    await pc.locator('.faq-card', { hasText: FAQ_TITLE }).click();
    await visible(pc).getByText('汇总的提问（4）').waitFor();
    await expectNoSidewaysScroll(pc);
    await shot(pc, 'faq-detail');
    await pc.goto(`${e2e.cloud.url}/pages/ask/index`);
    await pc.locator('.ask__input input').fill('一卡通掉了去哪里补');
    await pc.locator('.similar').waitFor();
    await shot(pc, 'ask-similar', pc.locator('.similar'));
    await pc.context().close();
  });

  it('a responder answering a repeat sees 参考答复 and quotes one into the reply box to edit', async () => {
    const asked = await callAs<{ id: string }>(e2e.cloud, 'dev-student-li', 'question.ask', {
      collegeId: 'c-econ',
      categoryId: 'cat-dorm',
      title: '校园卡刚丢了，补卡要带什么',
      content: '今天在操场丢了校园卡，想问问补卡需要带哪些材料，在哪里办？',
    });
    for (const width of [390, 1280]) {
      const page = await personPage(width, '夏晶');
      await page.goto(`${e2e.cloud.url}/expert/pages/reply/index?id=${asked.id}`);
      const refs = page.locator('.refs');
      await refs.waitFor();
      expect(await refs.locator('.refs__item-title').first().innerText()).toBe(FAQ_TITLE);
      await refs.locator('.refs__item').first().getByText('引用', { exact: true }).click();
      const box = page.locator('.reply__textarea textarea');
      await expect(box.inputValue()).resolves.toBe(FAQ_ANSWER);
      await box.fill(`${FAQ_ANSWER}\n你在操场丢的卡也可以先去保卫处问问有没有人捡到。`);
      await expectNoSidewaysScroll(page);
      await shot(page, 'reply-references', refs.locator('.refs__item').nth(1));
      await page.context().close();
    }
  });
});
