import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { ICON_DIR, ICON_SIZE, ICONS, TAB_COLORS, drawIcon } from '../../scripts/make-tab-icons';

/**
 * The tab bar icons: drawn by scripts/make-tab-icons.ts, committed under
 * miniprogram/src/assets/tabbar, shipped in the weapp (dist) and the H5 app
 * (dist-h5). Build both first (`npm run build:weapp`, `npm run build:h5`).
 */
const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'miniprogram', 'dist');
const DIST_H5 = path.join(ROOT, 'miniprogram', 'dist-h5');
const SRC = path.join(ROOT, 'miniprogram', 'src');
/** WeChat's limit for one tab bar icon. */
const MAX_ICON_BYTES = 40 * 1024;

interface TabBar {
  color: string;
  selectedColor: string;
  list: { pagePath: string; text: string; iconPath?: string; selectedIconPath?: string }[];
}

function tabBar(): TabBar {
  const file = path.join(DIST, 'app.json');
  if (!fs.existsSync(file)) throw new Error(`miniprogram/dist/app.json is missing: run \`npm run build:weapp\` first (expected ${file}).`);
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { tabBar: TabBar }).tabBar;
}

function iconPaths(bar: TabBar): string[] {
  return bar.list.flatMap((t) => [t.iconPath, t.selectedIconPath]).filter((p): p is string => Boolean(p));
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

test('every tab has a normal and a selected icon, in the tab bar\'s two colours', () => {
  const bar = tabBar();
  expect(bar.list.map((t) => t.text)).toEqual(['首页', '我的']);
  for (const tab of bar.list) expect(tab).toEqual(expect.objectContaining({ iconPath: expect.any(String), selectedIconPath: expect.any(String) }));
  expect({ color: bar.color, selectedColor: bar.selectedColor }).toEqual({ color: TAB_COLORS.normal, selectedColor: TAB_COLORS.selected });
});

test('each icon is an 81×81 PNG within WeChat\'s 40 KB, in the source and in the weapp build', () => {
  for (const icon of iconPaths(tabBar())) {
    for (const root of [SRC, DIST]) {
      const file = path.join(root, icon);
      expect({ file: path.relative(ROOT, file), exists: fs.existsSync(file) }).toEqual({ file: path.relative(ROOT, file), exists: true });
      const bytes = fs.readFileSync(file);
      expect(bytes.length).toBeLessThanOrEqual(MAX_ICON_BYTES);
      const png = PNG.sync.read(bytes);
      expect({ icon, width: png.width, height: png.height }).toEqual({ icon, width: ICON_SIZE, height: ICON_SIZE });
    }
  }
});

test('the committed icons are what scripts/make-tab-icons.ts draws, ink in the right colour', () => {
  const bar = tabBar();
  const used = new Set(iconPaths(bar).map((p) => path.basename(p)));
  expect([...used].sort()).toEqual(ICONS.map((i) => i.file).sort());
  for (const icon of ICONS) {
    const png = PNG.sync.read(fs.readFileSync(path.join(ICON_DIR, icon.file)));
    // Pixel for pixel (PNG bytes depend on zlib; pixels do not).
    expect({ file: icon.file, same: Buffer.compare(png.data, drawIcon(icon.shape, icon.color)) === 0 }).toEqual({ file: icon.file, same: true });
    const selected = bar.list.some((t) => path.basename(t.selectedIconPath!) === icon.file);
    expect(icon.color).toBe(selected ? bar.selectedColor : bar.color);
    // Something is drawn, and not the whole square.
    let ink = 0;
    for (let i = 3; i < png.data.length; i += 4) if (png.data[i]! > 128) ink++;
    expect(ink / (ICON_SIZE * ICON_SIZE)).toBeGreaterThan(0.1);
    expect(ink / (ICON_SIZE * ICON_SIZE)).toBeLessThan(0.7);
  }
});

test('the H5 app ships the same icons (inlined as data: URLs or emitted as files)', () => {
  if (!fs.existsSync(path.join(DIST_H5, 'index.html'))) {
    throw new Error(`miniprogram/dist-h5/index.html is missing: run \`npm run build:h5\` first (expected it under ${DIST_H5}).`);
  }
  const shipped: Buffer[] = [];
  for (const file of filesUnder(DIST_H5)) {
    if (file.endsWith('.png')) shipped.push(fs.readFileSync(file));
    if (file.endsWith('.js') || file.endsWith('.css') || file.endsWith('.html')) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/data:image\/png;base64,([A-Za-z0-9+/=]+)/g)) shipped.push(Buffer.from(m[1]!, 'base64'));
    }
  }
  for (const icon of iconPaths(tabBar())) {
    const bytes = fs.readFileSync(path.join(SRC, icon));
    expect({ icon, inH5: shipped.some((s) => s.equals(bytes)) }).toEqual({ icon, inH5: true });
  }
});
