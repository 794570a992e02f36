import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT, startLocalCloud, type LocalCloud } from '../../scripts/local-cloud/local-cloud';

/**
 * Debian's Chromium driven by playwright-core against the local cloud that
 * `npm start` runs (same startLocalCloud, in-memory data, a free port).
 */
export const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface E2E {
  cloud: LocalCloud;
  browser: Browser;
  page: Page;
  stop(): Promise<void>;
}

export async function startE2E(): Promise<E2E> {
  if (!existsSync(CHROMIUM)) throw new Error('Chromium not found at /usr/bin/chromium: apt-get install chromium (.ci/run does).');
  // QNZS_E2E_H5_DIR serves another H5 build (a snapshot, or an older build to see a test fail).
  const staticDir = process.env.QNZS_E2E_H5_DIR || undefined;
  if (!existsSync(join(staticDir ?? join(ROOT, 'miniprogram', 'dist-h5'), 'index.html'))) throw new Error('H5 build missing: run `npm run build:h5` (npm test does).');
  if (!existsSync(join(ROOT, 'cloudfunctions', 'api', 'index.js'))) throw new Error('api bundle missing: run `npm run build:functions`.');
  const cloud = await startLocalCloud({ port: 0, dataFile: ':memory:', devMode: true, ...(staticDir ? { staticDir } : {}) });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  return {
    cloud,
    browser,
    page,
    async stop() {
      await browser.close();
      await cloud.stop();
    },
  };
}

/** Act as a seeded person through the app's own 切换身份 picker. */
export async function actAs(page: Page, name: string): Promise<void> {
  await page.getByText('切换身份', { exact: true }).first().click();
  await page.locator('.id-picker__item', { hasText: name }).first().click();
  await page.getByText(`当前身份：${name}`).first().waitFor();
}
