import fs from 'node:fs';
import path from 'node:path';
import { MiniRuntime } from './mini-runtime';

const DIST = path.resolve(__dirname, '../../miniprogram/dist');
const APP_JSON = path.join(DIST, 'app.json');
const MAIN_PACKAGE_BUDGET = 1024 * 1024; // our budget; WeChat's hard limit is 2 MB

interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  subpackages?: { root: string; pages: string[] }[];
}

function readAppJson(): AppJson {
  if (!fs.existsSync(APP_JSON)) {
    throw new Error(
      `miniprogram/dist/app.json is missing: the weapp bundle has not been built. Run \`npm run build:weapp\` first (expected ${APP_JSON}).`,
    );
  }
  return JSON.parse(fs.readFileSync(APP_JSON, 'utf8')) as AppJson;
}

function allPages(app: AppJson): string[] {
  const subs = app.subPackages ?? app.subpackages ?? [];
  return [...app.pages, ...subs.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))];
}

function sizeOf(dir: string, skip: Set<string>): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (skip.has(full)) continue;
    total += entry.isDirectory() ? sizeOf(full, skip) : fs.statSync(full).size;
  }
  return total;
}

const runtimes: MiniRuntime[] = [];
afterAll(() => runtimes.forEach((r) => r.dispose()));

test('the weapp build exists (run `npm run build:weapp` before jest)', () => {
  expect(readAppJson().pages.length).toBeGreaterThan(0);
});

test('app.json lists the student pages in the main package, the expert and admin subpackages', () => {
  const app = readAppJson();
  expect(app.pages).toEqual(expect.arrayContaining(['pages/index/index', 'pages/ask/index', 'pages/question/index', 'pages/mine/index']));
  const subs = app.subPackages ?? app.subpackages ?? [];
  expect(subs.map((s) => s.root.replace(/\/$/, ''))).toEqual(expect.arrayContaining(['expert', 'admin']));
  expect(allPages(app)).toEqual(
    expect.arrayContaining([
      'expert/pages/inbox/index',
      'expert/pages/reply/index',
      'admin/pages/escalations/index',
      'admin/pages/unreachable/index',
    ]),
  );
  // No subpackage page may sit in the main package, or it would count against its size.
  expect(app.pages.filter((p) => p.startsWith('expert/') || p.startsWith('admin/'))).toEqual([]);
});

test('every page app.json lists has expected render text here (so new pages are not skipped silently)', () => {
  expect(allPages(readAppJson()).filter((p) => !(p in EXPECTED_TEXT))).toEqual([]);
});

test('app.js and every page in app.json load and register with App / Page / Component', () => {
  const app = readAppJson();
  const runtime = new MiniRuntime(DIST);

  runtime.run('app');
  expect(runtime.registrationsOf('app').map((r) => r.kind)).toContain('App');

  const unregistered: string[] = [];
  for (const page of allPages(app)) {
    for (const ext of ['.js', '.json', '.wxml']) {
      expect({ page, ext, exists: fs.existsSync(path.join(DIST, page + ext)) }).toEqual({ page, ext, exists: true });
    }
    runtime.run(page);
    const kinds = runtime.registrationsOf(page).map((r) => r.kind);
    if (!kinds.includes('Page') && !kinds.includes('Component')) unregistered.push(page);
  }
  expect(unregistered).toEqual([]);
});

/** Text each page must render from its own code (not from backend data). */
const EXPECTED_TEXT: Record<string, string> = {
  'pages/index/index': '我要提问',
  'pages/ask/index': '说出你的问题',
  'pages/question/index': '',
  'pages/mine/index': '我的提问',
  'expert/pages/inbox/index': '即将超时',
  'expert/pages/reply/index': '',
  'admin/pages/escalations/index': '超时督办',
  'admin/pages/unreachable/index': '提醒送达情况',
};

async function waitFor(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test('every page mounts in the mini-program runtime and renders through setData', async () => {
  const app = readAppJson();
  const runtime = new MiniRuntime(DIST);
  runtimes.push(runtime);
  runtime.run('app');
  runtime.launch(app.pages[0] ?? 'pages/index/index');

  for (const page of allPages(app)) {
    runtime.run(page);
    const mounted = runtime.mountPage(page, { id: 'q-smoke', college: 'c-smoke' });
    await waitFor(() => mounted.updates.length > 0 && mounted.text().includes(EXPECTED_TEXT[page] ?? ''));
    expect({ page, rendered: mounted.updates.length > 0 }).toEqual({ page, rendered: true });
    expect({ page, text: mounted.text() }).toEqual({ page, text: expect.stringContaining(EXPECTED_TEXT[page] ?? '') });
  }

  // With no TARO_APP_API_BASE the weapp build talks to CloudBase, one `api` function.
  expect(runtime.cloudCalls.length).toBeGreaterThan(0);
  for (const call of runtime.cloudCalls) {
    expect(call).toMatchObject({ name: 'api', data: { action: expect.any(String) } });
  }
});

test('the custom wrapper component registers', () => {
  readAppJson();
  const runtime = new MiniRuntime(DIST);
  runtime.run('app');
  if (fs.existsSync(path.join(DIST, 'comp.js'))) {
    runtime.run('comp');
    expect(runtime.registrationsOf('comp').map((r) => r.kind)).toContain('Component');
  }
});

test(`the main package stays within the ${MAIN_PACKAGE_BUDGET / 1024} KB budget`, () => {
  const app = readAppJson();
  const subRoots = new Set((app.subPackages ?? app.subpackages ?? []).map((s) => path.join(DIST, s.root.replace(/\/$/, ''))));
  const mainBytes = sizeOf(DIST, subRoots);
  expect(mainBytes).toBeLessThan(MAIN_PACKAGE_BUDGET);
});
