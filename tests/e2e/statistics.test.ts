import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { nextGenerationAfter, periodEndingAt } from '../../shared/domain/report-period';
import { percent } from '../../miniprogram/src/admin/utils/figures';
import { actAs, startE2E, type E2E } from './browser';
import { callAs, dev } from './dev-cloud';

/**
 * 数据统计 and 双周报 in a real browser (issue 10): the school admin 李天罡
 * opens 数据统计 and sees every unit's three rates as stats.units computes
 * them for the seed; the dev clock moves to the next 12th or 26th and the
 * scheduler writes the period's reports; 高鹏 (计算机学院's admin) writes his
 * college's 存在问题与工作建议 and submits; 李天罡 sees it submitted and
 * 催交 the rest. Screenshots at 390 and 1280 px go to test-results/ui/stats/.
 */
jest.setTimeout(240_000);

const SHOTS = 'test-results/ui/stats';
let e2e: E2E;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

const PROBLEMS = '本期有两个问题因值班老师出差未能按时认领。下一步：排出双周值班表，并由团委书记每日中午检查待回复问题。';

async function shoot(page: Page, name: string): Promise<void> {
  // Taro's H5 pages scroll inside a container: back to the top of whatever scrolled.
  await page.evaluate(() => {
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('*'))) if (el.scrollTop > 0) el.scrollTop = 0;
    window.scrollTo(0, 0);
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${SHOTS}/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${SHOTS}/${name}-390.png`, fullPage: true });
}

interface UnitRow {
  unitId: string;
  unitName: string;
  place: number | null;
  figures: { onTimeRate: number | null; resolutionRate: number | null; satisfactionRate: number | null; onTime: number; late: number; overdueOpen: number };
}

it('李天罡 sees the per-unit rates stats.units computes; a 双周报 is generated, 高鹏 submits it, 李天罡 sees it submitted', async () => {
  const { page, cloud } = e2e;

  // 数据统计 from 我的, as the school admin: the last 30 days by default, as the server's default.
  await page.goto(`${cloud.url}/`);
  await actAs(page, '李天罡');
  await page.goto(`${cloud.url}/pages/mine/index`);
  await page.getByText('数据统计', { exact: true }).first().click();
  const unitTable = page.getByRole('table', { name: '各单位统计' });
  await unitTable.getByRole('row').nth(1).waitFor();

  const expected = await callAs<{ units: UnitRow[] }>(cloud, 'dev-admin', 'stats.units', {});
  expect(expected.units.length).toBeGreaterThan(5);
  expect(expected.units.some((u) => u.figures.onTimeRate !== null)).toBe(true);
  const rows = unitTable.getByRole('row');
  expect(await rows.count()).toBe(expected.units.length + 1);
  for (const [i, u] of expected.units.entries()) {
    const cells = await rows.nth(i + 1).getByRole('cell').allInnerTexts();
    const [place, name, onTime, , satisfaction, resolution] = cells.map((c) => c.replace(/\s+/g, ' ').trim());
    expect({ place, name }).toEqual({ place: u.place === null ? '未排名' : String(u.place), name: u.unitName });
    expect(onTime!.startsWith(percent(u.figures.onTimeRate))).toBe(true);
    expect(satisfaction!.startsWith(percent(u.figures.satisfactionRate))).toBe(true);
    expect(resolution!.startsWith(percent(u.figures.resolutionRate))).toBe(true);
  }
  await page.getByRole('table', { name: '答复人员统计' }).getByRole('row').nth(1).waitFor();
  // The trend chart draws on a canvas beside its table.
  await page.locator('canvas.f2-chart__canvas').first().waitFor();
  await shoot(page, 'stats');
  // The charts and tables below the fold, at both widths (the charts redraw when the window changes width).
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(600);
    await page.locator('.stats__block').first().screenshot({ path: `${SHOTS}/stats-units-${width}.png` });
    await page.locator('.stats__grid').screenshot({ path: `${SHOTS}/stats-trend-people-${width}.png` });
  }

  // The next 12th or 26th: the scheduler writes every unit's report for the period (ten a tick).
  const { now } = await dev<{ now: number }>(cloud, '/__dev/clock');
  const generation = nextGenerationAfter(now);
  const period = periodEndingAt(generation);
  await dev(cloud, '/__dev/clock', { advanceMs: generation - now + 5 * 60_000 });
  let list = await callAs<{ period: { key: string } | null; items: { id: string; unitId: string | null; state: string; scope: string }[] }>(cloud, 'dev-admin', 'report.list', {});
  for (let tick = 0; tick < 8 && !(list.period?.key === period.key && list.items.length >= 8); tick++) {
    await dev(cloud, '/__dev/scheduler/run', {});
    list = await callAs(cloud, 'dev-admin', 'report.list', {});
  }
  expect(list.period?.key).toBe(period.key);
  const csReport = list.items.find((r) => r.unitId === 'c-cs');
  expect(csReport?.state).toBe('draft');
  // Two more ticks make the files.
  await dev(cloud, '/__dev/scheduler/run', {});
  await dev(cloud, '/__dev/scheduler/run', {});

  // 高鹏 (a college admin) sees his college's figures only.
  await page.goto(`${cloud.url}/`);
  await actAs(page, '高鹏');
  await page.goto(`${cloud.url}/admin/pages/stats/index`);
  await page.getByText('数据统计 · 计算机科学与技术学院团委').waitFor();
  const ownRows = page.getByRole('table', { name: '各单位统计' }).getByRole('row');
  await ownRows.nth(1).waitFor();
  expect(await ownRows.count()).toBe(2);

  // 高鹏 opens 双周报 from 我的, writes the problems section, saves, and submits.
  await page.goto(`${cloud.url}/pages/mine/index`);
  await page.getByText('双周报', { exact: true }).first().click();
  await page.locator('.report-row', { hasText: '计算机科学与技术学院团委' }).first().click();
  const box = page.locator('.report__textarea textarea, textarea.report__textarea').first();
  await box.waitFor();
  await box.fill(PROBLEMS);
  await page.getByText('保存', { exact: true }).click();
  await page.getByText('✓ 已保存').waitFor();
  await page.getByText('下载 Excel').waitFor();
  await shoot(page, 'report-unit-draft');
  await page.locator('.report__buttons').getByText('提交', { exact: true }).click();
  // Taro's H5 modal: 提交 confirms.
  await page.locator('.taro__modal').getByText('提交', { exact: true }).click();
  await page.getByText(/^✓ 已提交/).waitFor();
  // Submitted: the text is read-only now.
  await page.locator('.report__problems', { hasText: '排出双周值班表' }).waitFor();
  await shoot(page, 'report-unit-submitted');

  const after = await callAs<{ state: string; problems: string }>(cloud, 'dev-cs-league', 'report.get', { id: csReport!.id });
  expect(after).toMatchObject({ state: 'submitted', problems: PROBLEMS });

  // 李天罡 sees 计算机学院 submitted, and 催交 the units that have not.
  await page.goto(`${cloud.url}/`);
  await actAs(page, '李天罡');
  await page.goto(`${cloud.url}/admin/pages/reports/index`);
  const csRow = page.locator('.report-row', { hasText: '计算机科学与技术学院团委' });
  await csRow.getByText('已提交').waitFor();
  await csRow.getByText(/高鹏 于 .* 提交/).waitFor();
  await page.getByText(/^催交未提交的 \d+ 个单位$/).click();
  await page.locator('.reports__result').getByText(/已催交 \d+ 个单位/).waitFor();
  await shoot(page, 'reports-school');

  // The school's report, with every unit's line.
  await page.locator('.report-row', { hasText: '全校汇总' }).click();
  await page.getByRole('table', { name: '各单位本期统计' }).waitFor();
  await shoot(page, 'report-school');

  // 典型案例: the seed's three.
  await page.goto(`${cloud.url}/admin/pages/cases/index`);
  await page.locator('.case-card').nth(2).waitFor();
  await shoot(page, 'cases');
});
