import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FUNCTIONS_TARGET, H5_TARGET, ensureBuilt, hashInputs, targetState, type BuildTarget } from '../../scripts/build-stale';

/** `npm start` rebuilds a target only when its inputs, its variables or its outputs changed (scripts/build-stale.ts). */
let root: string;
let stamps: string;
let builds: number;

function write(rel: string, text: string) {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), text);
}

const target: BuildTarget = {
  key: 'probe',
  label: 'probe app',
  inputs: ['src', 'config.json'],
  exclude: ['src/generated/'],
  env: ['PROBE_MODE'],
  outputs: () => ['out/bundle.js'],
  async build() {
    builds++;
    write('out/bundle.js', `built ${builds}`);
  },
};

async function start(force = false): Promise<string[]> {
  const lines: string[] = [];
  await ensureBuilt([target], { root, stampDir: stamps, force, log: (l) => lines.push(l) });
  return lines;
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'qnzs-build-stale-'));
  stamps = join(root, 'stamps');
  builds = 0;
  write('src/a.ts', 'a');
  write('src/pages/b.ts', 'b');
  write('config.json', '{}');
  delete process.env.PROBE_MODE;
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  delete process.env.PROBE_MODE;
});

test('the first start builds, the second skips and says so', async () => {
  expect(await start()).toEqual([expect.stringMatching(/^probe app: building, no record of an earlier build$/), expect.stringMatching(/^probe app: built in/)]);
  expect(await start()).toEqual(['probe app: up to date (3 input files unchanged since the last build)']);
  expect(builds).toBe(1);
});

test('a changed, added or removed input file rebuilds, naming the file', async () => {
  await start();
  write('src/pages/b.ts', 'b2');
  expect((await start())[0]).toBe('probe app: building, src/pages/b.ts changed');
  write('src/c.ts', 'c');
  expect((await start())[0]).toBe('probe app: building, src/c.ts added');
  rmSync(join(root, 'src/a.ts'));
  expect((await start())[0]).toBe('probe app: building, src/a.ts removed');
  expect(builds).toBe(4);
});

test('content decides, not time: rewriting a file with the same bytes does not rebuild', async () => {
  await start();
  write('src/a.ts', 'a');
  expect((await start())[0]).toMatch(/up to date/);
});

test('excluded paths and skipped folders are not inputs', async () => {
  await start();
  write('src/generated/x.ts', 'x');
  write('src/node_modules/y.js', 'y');
  expect((await start())[0]).toMatch(/up to date/);
  expect(Object.keys(hashInputs(root, target)).sort()).toEqual(['config.json', 'src/a.ts', 'src/pages/b.ts']);
});

test('a changed environment variable rebuilds', async () => {
  await start();
  process.env.PROBE_MODE = 'other';
  expect((await start())[0]).toBe('probe app: building, PROBE_MODE changed');
  expect((await start())[0]).toMatch(/up to date/);
});

test('an output deleted or rebuilt by something else (npm test, npm run build:*) rebuilds', async () => {
  await start();
  write('out/bundle.js', 'built by someone else');
  expect((await start())[0]).toBe('probe app: building, out/bundle.js was rebuilt or changed since the last recorded build');
  rmSync(join(root, 'out'), { recursive: true });
  expect((await start())[0]).toBe('probe app: building, out/bundle.js is missing');
});

test('a failed build records nothing, so the next start builds again', async () => {
  await start();
  write('src/a.ts', 'broken');
  const failing: BuildTarget = { ...target, build: () => Promise.reject(new Error('syntax error')) };
  await expect(ensureBuilt([failing], { root, stampDir: stamps, log: () => {} })).rejects.toThrow('syntax error');
  expect(targetState(root, stamps, target)).toEqual({ fresh: false, reason: 'src/a.ts changed' });
});

test('--rebuild builds a fresh target anyway', async () => {
  await start();
  expect((await start(true))[0]).toBe('probe app: building, asked to rebuild (--rebuild)');
  expect(builds).toBe(2);
});

test('many changes are summarised', async () => {
  await start();
  for (const n of [1, 2, 3, 4, 5]) write(`src/new-${n}.ts`, String(n));
  expect((await start())[0]).toBe('probe app: building, src/new-1.ts added, src/new-2.ts added, src/new-3.ts added and 2 more');
});

test('the real targets: the H5 app depends on the app, shared code it may import, its config and the installed packages; the functions on shared/ and their sources', () => {
  expect(H5_TARGET.inputs).toEqual(expect.arrayContaining(['miniprogram/src', 'miniprogram/config', 'miniprogram/babel.config.js', 'shared', 'package.json', 'node_modules/.package-lock.json']));
  expect(H5_TARGET.exclude).toEqual(['shared/server/']);
  expect(H5_TARGET.env).toEqual(expect.arrayContaining(['TARO_APP_API_BASE', 'TARO_APP_CLOUD_ENV', 'NODE_ENV']));
  expect(FUNCTIONS_TARGET.inputs).toEqual(expect.arrayContaining(['shared', 'cloudfunctions', 'scripts/build-functions.ts', 'node_modules/.package-lock.json']));
  // The bundles a build writes are outputs, never inputs (or every build would make the next one stale).
  expect(FUNCTIONS_TARGET.exclude).toEqual(expect.arrayContaining(['cloudfunctions/api/index.js', 'cloudfunctions/scheduler/index.js']));
});
