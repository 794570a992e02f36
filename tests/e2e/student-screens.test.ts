import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { actAs, startE2E, type E2E } from './browser';

/**
 * Every student screen in a real browser, on a 390 px phone and a 1280 px PC:
 * what the layout promises (nothing wider than the screen, a navigation bar
 * with a way back, a header and a wide layout on the PC, the success screen
 * from the top), the flows a student walks (the emergency numbers, the hash
 * entry link, 我的 before choosing who you are, another student's private
 * question) and a screenshot of each screen in test-results/ui/.
 */
jest.setTimeout(120_000);

const SHOTS = 'test-results/ui/student';
const LONG_WORD = 'Pneumonoultramicroscopicsilicovolcanoconiosis';
const LONG_URL = 'https://example.edu.cn/courses/data-structures/2026/spring/assignments/homework-03/submission-portal?token=abcdefghijklmnopqrstuvwxyz0123456789';

let e2e: E2E;
let privateId = '';
let publicId = '';

async function api(openid: string, action: string, data: unknown): Promise<{ id: string }> {
  const res = await fetch(`${e2e.cloud.url}/api/functions/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Dev-OpenID': openid },
    body: JSON.stringify({ action, data, requestId: `e2e${Math.random().toString(36).slice(2, 14)}` }),
  });
  const reply = (await res.json()) as { ok: boolean; data: { id: string } };
  if (!reply.ok) throw new Error(`${action} failed: ${JSON.stringify(reply)}`);
  return reply.data;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  e2e = await startE2E();
  privateId = (
    await api('dev-student-zhang', 'question.ask', {
      collegeId: 'c-cs',
      categoryId: 'cat-study',
      title: `${LONG_WORD} 怎么读`,
      content: `课程网站 ${LONG_URL} 打不开，作业提交不了，怎么办？`,
      visibility: 'private',
    })
  ).id;
  publicId = (
    await api('dev-student-zhang', 'question.ask', {
      collegeId: 'c-cs',
      categoryId: 'cat-study',
      title: `${LONG_WORD}${LONG_WORD}`.slice(0, 60),
      content: `选课系统的链接 ${LONG_URL} 一直转圈，是不是系统维护？`,
    })
  ).id;
  // Answered, so it is on 首页 ("大家在问" lists answered public questions).
  await api('dev-cs-expert', 'answer.post', { questionId: publicId, content: `系统今晚维护，明天可以用备用入口 ${LONG_URL} 选课。` });
});
afterAll(() => e2e?.stop());

/** The page the router shows now (hidden pages stay in the DOM). */
const VISIBLE_PAGE = '.taro_page:not([style*="display: none"]):not(.taro_page_shade)';

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(400);
}

/** Nothing is wider than the screen: the document, the page's scroller, any element's right edge. */
async function overflow(page: Page): Promise<{ width: number; document: number; pages: number[]; widest: string | null }> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const pages = Array.from(document.querySelectorAll<HTMLElement>('.taro_page'))
      .filter((p) => getComputedStyle(p).display !== 'none')
      .map((p) => p.scrollWidth);
    // An element past the right edge, unless it sits in a row that fits the screen and scrolls sideways
    // on purpose (the category chips on 首页). Clipped is not contained: clipped text is cut off.
    const contained = (el: HTMLElement): boolean => {
      for (let box = el.parentElement; box && !box.classList.contains('taro_page'); box = box.parentElement) {
        const x = getComputedStyle(box).overflowX;
        if ((x === 'auto' || x === 'scroll') && box.getBoundingClientRect().right <= width + 1) return true;
      }
      return false;
    };
    let widest: string | null = null;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('.taro_page *'))) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 1 && !contained(el)) {
        widest = `${el.tagName.toLowerCase()}.${el.className} right=${Math.round(r.right)}`;
        break;
      }
    }
    return { width, document: document.scrollingElement?.scrollWidth ?? 0, pages, widest };
  });
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const o = await overflow(page);
  expect({ ...o, pages: o.pages.filter((w) => w > o.width) }).toEqual({ width: o.width, document: o.width, pages: [], widest: null });
}

async function shot(page: Page, name: string): Promise<void> {
  await settle(page);
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: `${SHOTS}/${width}-${name}.png` });
}

async function newPage(browser: Browser, width: number, height: number): Promise<Page> {
  return browser.newPage({ viewport: { width, height }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
}

async function turnOnUrgent(page: Page): Promise<void> {
  await page.locator('.ask__toggle', { hasText: '紧急求助' }).locator('taro-switch-core').click();
  await page.locator('.sos').waitFor();
}

describe('on a 390 px phone', () => {
  let page: Page;
  beforeAll(() => {
    page = e2e.page;
  });

  it('我的 before choosing who you are explains what to do, with one way forward', async () => {
    await page.goto(`${e2e.cloud.url}/pages/mine/index`);
    await page.getByText('还没有选择身份').waitFor();
    const text = await page.locator(VISIBLE_PAGE).innerText();
    expect(text).not.toContain('请先在微信中登录');
    expect(text).not.toContain('重试');
    await shot(page, 'mine-no-identity');

    await page.getByText('选择身份', { exact: true }).click();
    await page.locator('.id-picker__item', { hasText: '张晓雨' }).first().click();
    await page.getByText('我的提问').waitFor();
    await page.locator('.q-card').first().waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, 'mine');
  });

  it('首页: cards with a long word or URL stay within the screen', async () => {
    await page.goto(`${e2e.cloud.url}/`);
    await page.locator('.q-card', { hasText: LONG_WORD }).first().waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, 'home');
  });

  it('问题详情 as the asker: a long word and URL wrap, no sideways scroll', async () => {
    await page.goto(`${e2e.cloud.url}/pages/question/index?id=${privateId}`);
    await page.getByText('处理记录').waitFor();
    await expectNoSidewaysScroll(page);
    const text = await page.locator(VISIBLE_PAGE).innerText();
    expect(text).toContain('张晓雨 提问 · 转至「计算机科学与技术学院团委」');
    await shot(page, 'question-asker');
  });

  it('the navigation bar: back on a page opened from another, home on a page opened directly', async () => {
    // Opened directly (a shared link): no history to go back to, so the bar offers 首页.
    const home = page.locator('#taro-navigation-bar .taro-navigation-bar-home');
    expect(await home.isVisible()).toBe(true);
    expect(await page.locator('#taro-navigation-bar .taro-navigation-bar-title').innerText()).toBe('问题详情');
    await home.click();
    await page.locator('.home__ask').waitFor();

    // From 首页 to 提问: a back button, which returns.
    await page.locator('.home__ask').click();
    await page.getByText('说出你的问题').waitFor();
    const back = page.locator('#taro-navigation-bar .taro-navigation-bar-back');
    expect(await back.isVisible()).toBe(true);
    await back.click();
    await page.waitForURL(/\/pages\/index\/index$|\/$/);
    expect(await page.locator('.home__ask').isVisible()).toBe(true);
  });

  it('提问: 紧急 shows the numbers to call as tel: links; the success screen opens at the top with its ✓', async () => {
    await page.goto(`${e2e.cloud.url}/`);
    await page.locator('.home__ask').click();
    await page.getByText('说出你的问题').waitFor();
    // "所在学院" names the college (the student's profile), not its committee.
    await page.locator('.ask__select', { hasText: '计算机科学与技术学院' }).waitFor();
    expect(await page.locator('.ask__select').innerText()).not.toContain('团委');
    await shot(page, 'ask');

    await page.locator('.ask__cat', { hasText: '校园安全' }).click();
    await turnOnUrgent(page);
    const numbers = await page.locator('.sos a[href^="tel:"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers).toContain('tel:057188880110');
    await page.locator('.sos').scrollIntoViewIfNeeded();
    await shot(page, 'ask-urgent');

    await page.locator('.ask__input input').fill('宿舍楼道有烟味');
    await page.locator('.ask__textarea textarea').fill('7号楼三楼楼道有很重的烟味，好像是哪个宿舍在用违规电器。');
    await page.getByText('提交问题', { exact: true }).scrollIntoViewIfNeeded();
    await page.getByText('提交问题', { exact: true }).click();
    await page.getByText('提问成功').waitFor();
    await settle(page);

    const view = await page.evaluate((selector) => {
      const scroller = document.querySelector<HTMLElement>(selector);
      const icon = document.querySelector('.ask__done-icon')?.getBoundingClientRect();
      const bar = document.querySelector('#taro-navigation-bar')?.getBoundingClientRect();
      return { scrollTop: scroller?.scrollTop ?? -1, iconTop: icon?.top ?? -1, barBottom: bar?.bottom ?? 0 };
    }, VISIBLE_PAGE);
    expect(view.scrollTop).toBe(0);
    expect(view.iconTop).toBeGreaterThanOrEqual(view.barBottom);
    await shot(page, 'ask-done');
  });

  it('an entry link in hash form lands on 提问 with the college chosen', async () => {
    await page.goto(`${e2e.cloud.url}/#/pages/ask/index?college=c-econ`);
    await page.getByText('说出你的问题').waitFor();
    expect(new URL(page.url()).pathname).toBe('/pages/ask/index');
    await page.locator('.ask__select', { hasText: '经济学院' }).waitFor();
  });

  it('another student: a public question names nobody; a private one says why, with 返回首页 and no 重试', async () => {
    await page.goto(`${e2e.cloud.url}/`);
    await actAs(page, '李思远');
    await page.goto(`${e2e.cloud.url}/pages/question/index?id=${publicId}`);
    await page.getByText('处理记录').waitFor();
    const publicText = await page.locator(VISIBLE_PAGE).innerText();
    expect(publicText).toContain('提问同学');
    expect(publicText).not.toContain('张晓雨');
    await expectNoSidewaysScroll(page);
    await shot(page, 'question-public');

    await page.goto(`${e2e.cloud.url}/pages/question/index?id=${privateId}`);
    await page.getByText('返回首页').waitFor();
    expect(await page.locator(VISIBLE_PAGE).innerText()).not.toContain('重试');
    await shot(page, 'question-forbidden');

    await page.goto(`${e2e.cloud.url}/pages/question/index?id=q_does_not_exist`);
    await page.getByText('问题不存在或已被删除').waitFor();
    expect(await page.locator(VISIBLE_PAGE).innerText()).not.toContain('重试');
    await shot(page, 'question-not-found');
    await page.getByText('返回首页').click();
    await page.locator('.home__ask').waitFor();
  });
});

describe('on a 1280 px PC', () => {
  let page: Page;
  beforeAll(async () => {
    page = await newPage(e2e.browser, 1280, 800);
  });
  afterAll(() => page?.close());

  it('a header with 首页 / 社区 / 我要提问 / 消息 / 我的, no phone tab bar, text at phone proportions', async () => {
    await page.goto(`${e2e.cloud.url}/pages/mine/index`);
    await page.getByText('还没有选择身份').waitFor();
    await shot(page, 'mine-no-identity');
    await page.getByText('选择身份', { exact: true }).click();
    await page.locator('.id-picker__item', { hasText: '张晓雨' }).first().click();
    await page.locator('.mine__main .q-card').first().waitFor();
    await shot(page, 'mine');

    const header = page.locator('.web-header');
    expect(await header.isVisible()).toBe(true);
    // 消息 may carry its unread count beside the label: the labels are the first line.
    expect((await header.locator('.web-header__item').allInnerTexts()).map((t) => t.trim().split('\n')[0])).toEqual(['首页', '社区', '我要提问', '消息', '我的']);
    expect(await page.locator('.weui-tabbar').isVisible()).toBe(false);
    const rootFont = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(rootFont).toBeLessThanOrEqual(22);

    await header.getByText('首页', { exact: true }).click();
    await page.locator('.home__main .q-card').first().waitFor();
    await shot(page, 'home');
  });

  it('首页 is two columns in a centred column, not the phone stretched', async () => {
    const side = await page.locator('.home__side').boundingBox();
    const main = await page.locator('.home__main').boundingBox();
    const home = await page.locator('.home').boundingBox();
    if (!side || !main || !home) throw new Error('home layout not found');
    // Side by side…
    expect(main.x).toBeGreaterThan(side.x + side.width - 1);
    expect(Math.abs(main.y - side.y)).toBeLessThan(40);
    // …in a column centred on the screen, with room on both sides.
    expect(home.width).toBeLessThanOrEqual(1120);
    expect(Math.abs(home.x - (1280 - (home.x + home.width)))).toBeLessThan(4);
    await expectNoSidewaysScroll(page);
  });

  it('提问 from the header: a narrower form column, a back link, the emergency numbers', async () => {
    await page.locator('.web-header').getByText('我要提问', { exact: true }).click();
    await page.getByText('说出你的问题').waitFor();
    const form = await page.locator('.ask').boundingBox();
    expect(form?.width).toBeLessThanOrEqual(760.5); // a sub-pixel over is layout rounding
    expect(await page.locator('#taro-navigation-bar .taro-navigation-bar-back').isVisible()).toBe(true);
    await shot(page, 'ask');
    await page.locator('.ask__cat', { hasText: '校园安全' }).click();
    await turnOnUrgent(page);
    await page.locator('.sos').scrollIntoViewIfNeeded();
    await shot(page, 'ask-urgent');

    await page.locator('#taro-navigation-bar .taro-navigation-bar-back').click();
    await page.locator('.home__main').waitFor();
  });

  it('问题详情: the question beside its handling record; states as wide pages', async () => {
    await page.goto(`${e2e.cloud.url}/pages/question/index?id=${privateId}`);
    await page.getByText('处理记录').waitFor();
    const main = await page.locator('.detail__main').boundingBox();
    const side = await page.locator('.detail__side').boundingBox();
    if (!main || !side) throw new Error('detail layout not found');
    expect(side.x).toBeGreaterThan(main.x + main.width - 1);
    await expectNoSidewaysScroll(page);
    await shot(page, 'question-asker');

    await page.goto(`${e2e.cloud.url}/pages/question/index?id=q_does_not_exist`);
    await page.getByText('返回首页').waitFor();
    await shot(page, 'question-not-found');

    await page.goto(`${e2e.cloud.url}/`);
    await actAs(page, '李思远');
    await page.goto(`${e2e.cloud.url}/pages/question/index?id=${privateId}`);
    await page.getByText('返回首页').waitFor();
    await shot(page, 'question-forbidden');
    await page.goto(`${e2e.cloud.url}/pages/question/index?id=${publicId}`);
    await page.getByText('处理记录').waitFor();
    await shot(page, 'question-public');
  });
});
