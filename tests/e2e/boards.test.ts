import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { actAs, startE2E, type E2E } from './browser';
import { dev } from './dev-cloud';

/**
 * The boards in a real browser on the seeded demo university (issue 11,
 * decision 0020): 活动公告 — a college admin creates an activity for one
 * person, a student signs up, a second lands on the waiting list and is
 * promoted when the first cancels, then checks in with the organiser's code;
 * 青年视角 — a unit admin uploads a cover and publishes, a student reads it;
 * 话题墙 — the coordinator opens a topic, a student posts anonymously (匿名同学
 * to everyone else, managers included), the coordinator pins it and hides the
 * take. Every screen at 390 and 1280 px in test-results/ui/boards/.
 */
jest.setTimeout(240_000);

const SHOTS = 'test-results/ui/boards';
/** The page the router shows now (hidden pages stay in the DOM). */
const VISIBLE_PAGE = '.taro_page:not([style*="display: none"]):not(.taro_page_shade)';
// A 2×2 red PNG (the cover the unit admin uploads).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64');

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
  await page.screenshot({ path: `${SHOTS}/${width}-${name}.png`, fullPage: true });
}

async function personPage(width: number, name: string): Promise<Page> {
  const context = await e2e.browser.newContext({ viewport: { width, height: width > 900 ? 900 : 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto(`${e2e.cloud.url}/`);
  await actAs(page, name);
  return page;
}

const visible = (page: Page) => page.locator(VISIBLE_PAGE).last();

/** Taro's H5 inputs wrap a native one that carries the same placeholder: type into the native one. */
const field = (scope: ReturnType<typeof visible>, placeholder: string) => scope.locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`);
async function fillIn(scope: ReturnType<typeof visible>, placeholder: string, text: string): Promise<void> {
  await field(scope, placeholder).fill(text);
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${e2e.cloud.url}${path}`);
  await settle(page);
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const o = await page.evaluate(() => ({
    width: window.innerWidth,
    document: document.scrollingElement?.scrollWidth ?? 0,
  }));
  expect(o.document).toBeLessThanOrEqual(o.width);
}

describe('首页 and the boards row', () => {
  it('首页 offers the three boards (phone) and the PC header 社区', async () => {
    const phone = await personPage(390, '张晓雨');
    await visible(phone).getByText('青年视角', { exact: true }).waitFor();
    await shot(phone, 'home');
    await visible(phone).locator('.home__board', { hasText: '话题墙' }).click();
    await visible(phone).getByText('# 我心中的理想校园 #').waitFor();
    await expectNoSidewaysScroll(phone);
    await shot(phone, 'topics');
    await phone.context().close();

    const pc = await personPage(1280, '张晓雨');
    await shot(pc, 'home');
    await pc.locator('.web-header__item', { hasText: '社区' }).click();
    await visible(pc).getByText('考研还是就业？学长学姐面对面').waitFor();
    await shot(pc, 'activities');
    await pc.context().close();
  });
});

describe('青年视角', () => {
  it('a unit admin uploads a cover and publishes; a student reads the article on a PC', async () => {
    const admin = await personPage(390, '高鹏');
    await open(admin, '/community/pages/articles/index');
    await visible(admin).getByText('发布文章', { exact: true }).click();
    const v = visible(admin);
    await fillIn(v, '一句话标题', '我们在实验室过的那个暑假');
    // Validation first: nothing is sent without a cover.
    await v.locator('.board__actions .btn-primary').click();
    await v.getByText('请上传一张封面图片').waitFor();
    const chooser = admin.waitForEvent('filechooser');
    await v.locator('.cover-pick').click();
    await (await chooser).setFiles({ name: 'cover.png', mimeType: 'image/png', buffer: PNG });
    await v.getByText('已上传，点击更换').waitFor();
    const body = '今年暑假，计算机学院的十二名同学留在学校备战程序设计竞赛。每天上午讲题，下午组队训练，晚上复盘错题。八月底的区域赛上，两支队伍都拿到了奖牌。队长说，最难忘的不是领奖，而是凌晨一起把一道难题调通的那一刻。';
    await fillIn(v, '正文，至少 50 字；空行分段', body);
    await shot(admin, 'article-new');
    await v.locator('.board__actions .btn-primary').click();
    await visible(admin).locator('.article__title', { hasText: '我们在实验室过的那个暑假' }).waitFor();
    await shot(admin, 'article');
    await admin.context().close();

    const student = await personPage(1280, '张晓雨');
    await open(student, '/community/pages/articles/index');
    const card = visible(student).locator('.art-card', { hasText: '我们在实验室过的那个暑假' });
    await card.waitFor();
    // The uploaded cover, through a temporary link, actually loads.
    await expect(card.locator('img').evaluate((img: HTMLImageElement) => new Promise((done) => (img.complete ? done(img.naturalWidth) : img.addEventListener('load', () => done(img.naturalWidth)))))).resolves.toBe(2);
    await shot(student, 'articles');
    await card.click();
    await visible(student).getByText(/最难忘的不是领奖/).waitFor();
    expect(await visible(student).innerText()).not.toContain('撤下文章');
    await shot(student, 'article');
    await student.context().close();
  });
});

describe('话题墙', () => {
  it('the coordinator opens a topic, a student posts anonymously, the coordinator pins it and hides the take', async () => {
    const coord = await personPage(1280, '王钰铭');
    await open(coord, '/community/pages/topics/index');
    await visible(coord).getByText('开设话题', { exact: true }).click();
    let v = visible(coord);
    await fillIn(v, '如：我心中的理想校园', '宿舍作息大家怎么看');
    await fillIn(v, '想听同学们说什么？意见会怎样被用到？', '熄灯时间、晚归登记、周末作息……说说你的想法，校团委会汇总后转给学生处。');
    await v.locator('.board__actions .btn-primary').click();
    await visible(coord).getByText('# 宿舍作息大家怎么看 #').waitFor();
    const topicUrl = coord.url();

    const chen = await personPage(390, '陈嘉怡');
    await chen.goto(topicUrl);
    v = visible(chen);
    await v.getByText('说说你的看法').waitFor();
    await fillIn(v, '友善发言，就事论事', '希望周末熄灯能晚一个小时，赶作业的时候太难了。');
    await v.locator('.composer__row .weui-switch, .composer__row input[type=checkbox]').first().click();
    await v.getByText('发表', { exact: true }).click();
    await v.getByText('发言已发布').waitFor();
    await v.getByText('匿名同学（我）').waitFor();
    await shot(chen, 'topic-posted');

    const zhang = await personPage(390, '张晓雨');
    await zhang.goto(topicUrl);
    await visible(zhang).getByText(/希望周末熄灯能晚一个小时/).waitFor();
    let text = await visible(zhang).innerText();
    expect(text).toContain('匿名同学');
    expect(text).not.toContain('陈嘉怡');

    // The committee sees 匿名同学 too; pins the topic, then hides the take.
    await coord.reload();
    v = visible(coord);
    await v.getByText(/希望周末熄灯能晚一个小时/).waitFor();
    expect(await v.innerText()).not.toContain('陈嘉怡');
    await v.locator('.manage__btn', { hasText: '置顶' }).click();
    await v.getByText('已置顶，话题墙上排在最前').waitFor();
    await shot(coord, 'topic-manage');
    await v.locator('.take', { hasText: '希望周末熄灯' }).getByText('隐藏', { exact: true }).click();
    await v.getByText('与话题无关').click();
    await shot(coord, 'topic-hide');
    await v.getByText('确认隐藏').click();
    await v.getByText('发言已隐藏').waitFor();

    await zhang.goto(topicUrl);
    await visible(zhang).getByText('还没有人发言，来说第一句吧').waitFor();
    text = await visible(zhang).innerText();
    expect(text).not.toContain('希望周末熄灯');
    await open(zhang, '/community/pages/topics/index');
    const titles = await visible(zhang).locator('.topic-card .board-card__title').allInnerTexts();
    expect(titles.slice(0, 2).sort()).toEqual(['# 宿舍作息大家怎么看 #', '# 我心中的理想校园 #']);
    for (const p of [coord, chen, zhang]) await p.context().close();
  });
});

describe('活动公告', () => {
  it('one seat: a student signs up, a second waits and is promoted when the first cancels, then checks in with the organiser\'s code', async () => {
    const org = await personPage(1280, '高鹏');
    await open(org, '/community/pages/activities/index');
    await visible(org).getByText('发起活动', { exact: true }).click();
    let v = visible(org);
    await fillIn(v, '如：考研还是就业？学长学姐面对面', '算法竞赛经验分享会');
    await fillIn(v, '如：大学生活动中心 305', '信息楼 101');
    await fillIn(v, '1–2000', '1');
    await fillIn(v, '活动内容、面向对象、需要准备什么……', '校队队员分享备赛经验，名额一人，用来演示候补。');
    await shot(org, 'activity-new');
    await v.locator('.board__actions .btn-primary').click();
    await visible(org).getByText('组织者', { exact: true }).waitFor();
    const code = (await visible(org).locator('.act__code-show').innerText()).trim();
    expect(code).toMatch(/^\d{6}$/);
    const activityUrl = org.url();

    const zhang = await personPage(390, '张晓雨');
    await zhang.goto(activityUrl);
    await visible(zhang).getByText('立即报名').click();
    await visible(zhang).getByText('你已报名').waitFor();
    expect(await visible(zhang).innerText()).not.toContain(code);
    await shot(zhang, 'activity-signed-up');

    const li = await personPage(390, '李思远');
    await li.goto(activityUrl);
    await visible(li).getByText(/名额已满，现在报名将进入候补名单/).waitFor();
    await visible(li).getByText('报名候补').click();
    await visible(li).getByText('候补第 1 位').waitFor();
    await shot(li, 'activity-waiting');

    await visible(zhang).getByText('取消报名').click();
    await visible(zhang).getByText('已取消报名，名额已让给其他同学。').waitFor();
    await li.reload();
    await visible(li).getByText('你已报名').waitFor();

    // The evening of the activity: the dev clock moves to ten minutes before the start.
    const { now } = await dev<{ now: number }>(e2e.cloud, '/__dev/clock');
    const startText = await visible(li).locator('.act__fact').first().innerText();
    const m = /(\d+)月(\d+)日.*?(\d{2}):(\d{2})/.exec(startText);
    expect(m).not.toBeNull();
    const year = new Date(now + 8 * 3_600_000).getUTCFullYear();
    const startAt = Date.UTC(year, Number(m![1]) - 1, Number(m![2]), Number(m![3]) - 8, Number(m![4]));
    await dev(e2e.cloud, '/__dev/clock', { advanceMs: startAt - now - 10 * 60_000 });

    await li.reload();
    v = visible(li);
    const input = field(v, '输入 6 位签到码');
    await input.waitFor();
    await input.fill('000000' === code ? '111111' : '000000');
    await v.getByText('签到', { exact: true }).click();
    await v.getByText('签到码不正确，请核对组织者展示的签到码').waitFor();
    await input.fill(code);
    await v.getByText('签到', { exact: true }).click();
    await v.getByText(/已于 .* 签到/).waitFor();
    await shot(li, 'activity-checked-in');

    await org.reload();
    await visible(org).getByText('已签到 1', { exact: true }).waitFor();
    const orgText = await visible(org).innerText();
    expect(orgText).toContain('李思远');
    await shot(org, 'activity-organiser');
    for (const p of [org, zhang, li]) await p.context().close();
  });
});
