import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { es5Problem } from './es5-check';

/**
 * WeChat's own checks, from its npm package miniprogram-ci, run offline on the
 * built weapp (tests/weapp/wechat-ci-check.cjs says what each step does and
 * what it cannot do without WeChat's servers). Build first (`npm run build:weapp`).
 */
const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'miniprogram', 'dist');
const CHECK_TIMEOUT_MS = 240_000;

interface QualityItem {
  name: string;
  success: boolean;
  text: string;
  detail?: unknown;
}
type CheckResult =
  | { ok: true; version: string; quality: QualityItem[]; compiled: Record<string, number> }
  | { ok: false; error: string };

let outDir: string;
let result: CheckResult;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, 'app.json'))) {
    throw new Error(`miniprogram/dist/app.json is missing: run \`npm run build:weapp\` first (expected it under ${DIST}).`);
  }
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qnzs-wechat-ci-'));
  const script = path.join(__dirname, 'wechat-ci-check.cjs');
  const run = await new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = execFile(process.execPath, [script, ROOT, outDir], { timeout: CHECK_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, output: `${stdout}${stderr}` });
    });
    child.stdin?.end();
  });
  const file = path.join(outDir, 'result.json');
  if (!fs.existsSync(file)) throw new Error(`miniprogram-ci gave no result (exit ${run.code}):\n${run.output.slice(-4000)}`);
  result = JSON.parse(fs.readFileSync(file, 'utf8')) as CheckResult;
}, CHECK_TIMEOUT_MS + 10_000);

afterAll(() => {
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

function ok(): Extract<CheckResult, { ok: true }> {
  if (!result.ok) throw new Error(`miniprogram-ci failed:\n${result.error}`);
  return result;
}

/** Every item of the DevTools quality scan that miniprogram-ci 2.1.42 reports. */
const QUALITY_ITEMS = [
  'PACKAGE_SIZE_LIMIT',
  'JS_COMPRESS_OPEN',
  'WXML_COMPRESS_OPEN',
  'WXSS_COMPRESS_OPEN',
  'LAZYCODE_LOADING_OPEN',
  'IMAGE_AND_AUDIO_LIMIT',
  'CONTAINS_OTHER_PKG_JS',
  'CONTAINS_OTHER_PKG_COMPONENTS',
  'CONTAINS_UNUSED_PLUGINS',
  'CONTAINS_UNUSED_COMPONENTS',
  'CONTAINS_UNUSED_CODES',
];

test('WeChat\'s code quality scan (miniprogram-ci checkCodeQuality) passes every item', () => {
  const { quality } = ok();
  expect(quality.map((q) => q.name)).toEqual(expect.arrayContaining(QUALITY_ITEMS));
  // Each failing item with WeChat's own words (its `text` names the rule, whether or not it passed).
  expect(quality.filter((q) => !q.success).map((q) => `${q.name}: ${q.text} ${JSON.stringify(q.detail ?? '')}`)).toEqual([]);
});

test('the quality scan sees the subpackages and a main package under WeChat\'s 1.5 MB advice', () => {
  const size = ok().quality.find((q) => q.name === 'PACKAGE_SIZE_LIMIT')?.detail as Record<string, number>;
  expect(Object.keys(size).sort()).toEqual(['__APP__', 'account/', 'admin/', 'community/', 'expert/', 'knowledge/']);
  expect(size.__APP__).toBeLessThan(1.5 * 1024 * 1024);
});

test('miniprogram-ci compiles the package as an upload would, with every page, the sitemap and the tab bar icons', () => {
  const { compiled } = ok();
  const app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8')) as {
    pages: string[];
    subPackages?: { root: string; pages: string[] }[];
    tabBar: { list: { iconPath?: string; selectedIconPath?: string }[] };
    sitemapLocation?: string;
  };
  const pages = [...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];
  const expected = [
    'app.js',
    'app.json',
    'app.wxss',
    app.sitemapLocation ?? 'sitemap.json',
    ...pages.flatMap((p) => ['js', 'json', 'wxml', 'wxss'].map((ext) => `${p}.${ext}`)),
    ...app.tabBar.list.flatMap((t) => [t.iconPath, t.selectedIconPath]).filter((p): p is string => Boolean(p)),
  ];
  expect(Object.keys(compiled)).toEqual(expect.arrayContaining(expected));
  // The compiled app.json keeps what the quality scan and WeChat search read.
  const compiledApp = JSON.parse(fs.readFileSync(path.join(outDir, 'compiled', 'app.json'), 'utf8')) as Record<string, unknown>;
  expect(compiledApp).toMatchObject({ lazyCodeLoading: 'requiredComponents', sitemapLocation: 'sitemap.json' });
});

test('what WeChat\'s compiler makes of the JS (compressed, no es6 conversion) is still ES5', () => {
  const js = Object.keys(ok().compiled).filter((f) => f.endsWith('.js'));
  expect(js).toEqual(expect.arrayContaining(['vendors.js', 'taro.js']));
  const problems = js.flatMap((f) => {
    const problem = es5Problem(fs.readFileSync(path.join(outDir, 'compiled', f), 'utf8'));
    return problem ? [`${f}:${problem}`] : [];
  });
  expect(problems).toEqual([]);
});
