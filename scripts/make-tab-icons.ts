import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';

/**
 * `npx tsx scripts/make-tab-icons.ts`: draws the tab bar icons (首页: a house,
 * 我的: a person) into miniprogram/src/assets/tabbar/. The PNGs are committed;
 * run this again only to change them. tests/weapp/tab-icons.test.ts checks the
 * committed files are what this draws and that WeChat's limits hold.
 *
 * WeChat tab bars take image files only (no icon fonts, no SVG): 81×81 px is the
 * recommended size, 40 KB the limit. Normal icons are outlines in the tab bar's
 * `color`, selected ones are filled in its `selectedColor` (WeUI's convention).
 * Shapes are described on a 81-unit canvas and drawn with 4×4 supersampling, so
 * edges are anti-aliased through the alpha channel.
 */
export const ICON_SIZE = 81;
export const TAB_COLORS = { normal: '#8F959E', selected: '#C8161D' } as const;
export const ICON_DIR = resolve(__dirname, '..', 'miniprogram', 'src', 'assets', 'tabbar');

type Point = readonly [number, number];
/** Whether a point of the 81×81 canvas is ink. */
type Shape = (x: number, y: number) => boolean;

const STROKE = 5.5;
const HALF = STROKE / 2;

function distanceToSegment([px, py]: Point, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** A stroked open path (round caps and joins). */
const polyline = (points: Point[], half = HALF): Shape => (x, y) =>
  points.slice(1).some((p, i) => distanceToSegment([x, y], points[i]!, p) <= half);

/** A filled polygon (even-odd), its corners rounded by `round`. */
const polygon = (points: Point[], round = 0): Shape => (x, y) => {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i]!;
    const [xj, yj] = points[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside || (round > 0 && polyline([...points, points[0]!], round)(x, y));
};

const circle = (cx: number, cy: number, r: number): Shape => (x, y) => Math.hypot(x - cx, y - cy) <= r;
const ring = (cx: number, cy: number, r: number, half = HALF): Shape => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) <= half;
const union = (...shapes: Shape[]): Shape => (x, y) => shapes.some((s) => s(x, y));
const minus = (shape: Shape, hole: Shape): Shape => (x, y) => shape(x, y) && !hole(x, y);

/** Points along the upper half of an ellipse, left to right (the shoulders). */
function upperArc(cx: number, cy: number, rx: number, ry: number, steps = 48): Point[] {
  return Array.from({ length: steps + 1 }, (_, i) => {
    const a = Math.PI + (Math.PI * i) / steps;
    return [cx + rx * Math.cos(a), cy + ry * Math.sin(a)] as const;
  });
}

// 首页: a house with a pitched roof and a door.
const HOUSE: Point[] = [[40.5, 12], [69, 36], [69, 69], [12, 69], [12, 36]];
const DOOR: Point[] = [[33, 69], [33, 50], [48, 50], [48, 69]];
// 我的: a head and shoulders.
const HEAD = { cx: 40.5, cy: 27, r: 13 };
const SHOULDERS = upperArc(40.5, 69, 27, 21);

export const ICONS: { file: string; color: string; shape: Shape }[] = [
  { file: 'home.png', color: TAB_COLORS.normal, shape: union(polyline([...HOUSE, HOUSE[0]!]), polyline(DOOR)) },
  { file: 'home-active.png', color: TAB_COLORS.selected, shape: minus(polygon(HOUSE, HALF), polygon(DOOR)) },
  { file: 'mine.png', color: TAB_COLORS.normal, shape: union(ring(HEAD.cx, HEAD.cy, HEAD.r - HALF), polyline([...SHOULDERS, SHOULDERS[0]!])) },
  { file: 'mine-active.png', color: TAB_COLORS.selected, shape: union(circle(HEAD.cx, HEAD.cy, HEAD.r), polygon(SHOULDERS, HALF)) },
];

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** RGBA pixels of one icon: its colour everywhere, the shape's coverage as alpha. */
export function drawIcon(shape: Shape, color: string, size = ICON_SIZE): Buffer {
  const [r, g, b] = rgb(color);
  const samples = 4;
  const out = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) if (shape(x + (sx + 0.5) / samples, y + (sy + 0.5) / samples)) hits++;
      }
      const i = (y * size + x) * 4;
      out[i] = r;
      out[i + 1] = g;
      out[i + 2] = b;
      out[i + 3] = Math.round((255 * hits) / (samples * samples));
    }
  }
  return out;
}

export function encodePng(pixels: Buffer, size = ICON_SIZE): Buffer {
  const png = new PNG({ width: size, height: size });
  pixels.copy(png.data);
  return PNG.sync.write(png, { colorType: 6 });
}

if (require.main === module) {
  mkdirSync(ICON_DIR, { recursive: true });
  for (const icon of ICONS) {
    const file = join(ICON_DIR, icon.file);
    const png = encodePng(drawIcon(icon.shape, icon.color));
    writeFileSync(file, png);
    console.log(`wrote ${file} (${ICON_SIZE}×${ICON_SIZE}, ${png.length} bytes)`);
  }
}
