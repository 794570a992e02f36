import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { buildAllFunctions, functionNames } from './build-functions';

/**
 * What `npm start` builds before it starts the local cloud: each target is
 * rebuilt only when it is stale. A target's stamp (node_modules/.cache/qnzs-build/
 * <key>.json) records the SHA-256 of every input file, the environment
 * variables that shape the output, and the SHA-256 of every file the build
 * left. A target is fresh when all three still match, so a build interrupted
 * half-way (no stamp written), an output deleted or rebuilt by something else
 * (`npm test`, `npm run build:h5`), a changed file, an added or removed file,
 * and a changed variable all cause a rebuild; mtimes are never trusted.
 *
 * `npm test` does not use this: it builds everything from scratch, as CI does.
 */
export const ROOT = resolve(__dirname, '..');
/** Bump when the stamp format or what a target means changes: every stamp goes stale. */
const STAMP_VERSION = 1;

export interface BuildTarget {
  /** File name of the stamp. */
  key: string;
  /** How messages name it: "cloud functions", "H5 app". */
  label: string;
  /** Input files and folders, relative to the root; folders are walked (see SKIPPED_DIRS). */
  inputs: string[];
  /** Paths (relative, `/`-separated, folder prefixes end with `/`) under the inputs to leave out. */
  exclude?: string[];
  /** Environment variables the output depends on. */
  env: string[];
  /** The files the build left, relative to the root (listed after a build, checked before the next). */
  outputs(root: string): string[];
  build(log: (line: string) => void): Promise<void>;
}

interface Stamp {
  version: number;
  inputs: Record<string, string>;
  env: Record<string, string | null>;
  outputs: Record<string, string>;
}

export type TargetState = { fresh: true; inputCount: number } | { fresh: false; reason: string };

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.swc', 'dist', 'dist-h5', '.DS_Store']);

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/** Every input file of a target (relative, `/`-separated) with its hash. */
export function hashInputs(root: string, target: Pick<BuildTarget, 'inputs' | 'exclude'>): Record<string, string> {
  const out: Record<string, string> = {};
  const excluded = (rel: string) => (target.exclude ?? []).some((e) => (e.endsWith('/') ? `${rel}/`.startsWith(e) : rel === e));
  const visit = (abs: string) => {
    const rel = toPosix(relative(root, abs));
    if (excluded(rel) || !existsSync(abs)) return;
    if (statSync(abs).isDirectory()) {
      for (const name of readdirSync(abs).sort()) if (!SKIPPED_DIRS.has(name)) visit(join(abs, name));
    } else {
      out[rel] = sha256(abs);
    }
  };
  for (const input of target.inputs) visit(join(root, input));
  return out;
}

function hashOutputs(root: string, files: string[]): Record<string, string> {
  return Object.fromEntries(files.map((rel) => [rel, sha256(join(root, rel))]));
}

function envOf(names: string[]): Record<string, string | null> {
  return Object.fromEntries(names.map((n) => [n, process.env[n] ?? null]));
}

function stampFile(stampDir: string, target: BuildTarget): string {
  return join(stampDir, `${target.key}.json`);
}

function readStamp(file: string): Stamp | null {
  try {
    const stamp = JSON.parse(readFileSync(file, 'utf8')) as Stamp;
    return stamp.version === STAMP_VERSION ? stamp : null;
  } catch {
    return null;
  }
}

function describeChanges(before: Record<string, string>, after: Record<string, string>): string[] {
  const changed: string[] = [];
  for (const [file, hash] of Object.entries(after)) {
    if (!(file in before)) changed.push(`${file} added`);
    else if (before[file] !== hash) changed.push(`${file} changed`);
  }
  for (const file of Object.keys(before)) if (!(file in after)) changed.push(`${file} removed`);
  return changed;
}

function summarise(changes: string[]): string {
  const shown = changes.slice(0, 3).join(', ');
  return changes.length > 3 ? `${shown} and ${changes.length - 3} more` : shown;
}

/** Whether a target's outputs still come from its current inputs, and if not, why. */
export function targetState(root: string, stampDir: string, target: BuildTarget): TargetState {
  const stamp = readStamp(stampFile(stampDir, target));
  if (!stamp) return { fresh: false, reason: 'no record of an earlier build' };
  for (const [file, hash] of Object.entries(stamp.outputs)) {
    const abs = join(root, file);
    if (!existsSync(abs)) return { fresh: false, reason: `${file} is missing` };
    if (sha256(abs) !== hash) return { fresh: false, reason: `${file} was rebuilt or changed since the last recorded build` };
  }
  if (Object.keys(stamp.outputs).length === 0) return { fresh: false, reason: 'the last build left no files' };
  const env = envOf(target.env);
  const envChanged = target.env.filter((n) => env[n] !== (stamp.env[n] ?? null));
  if (envChanged.length) return { fresh: false, reason: `${envChanged.join(', ')} changed` };
  const inputs = hashInputs(root, target);
  const changes = describeChanges(stamp.inputs, inputs);
  if (changes.length) return { fresh: false, reason: summarise(changes) };
  return { fresh: true, inputCount: Object.keys(inputs).length };
}

/** Records what a successful build was made from and what it left. */
export function recordBuild(root: string, stampDir: string, target: BuildTarget, inputs = hashInputs(root, target)): void {
  const stamp: Stamp = { version: STAMP_VERSION, inputs, env: envOf(target.env), outputs: hashOutputs(root, target.outputs(root)) };
  mkdirSync(stampDir, { recursive: true });
  writeFileSync(stampFile(stampDir, target), `${JSON.stringify(stamp, null, 1)}\n`);
}

export interface EnsureOptions {
  root?: string;
  stampDir?: string;
  /** Rebuild even when fresh (`npm start -- --rebuild`). */
  force?: boolean;
  log?: (line: string) => void;
}

/** Builds each stale target in order, skips the fresh ones, and says which is which. */
export async function ensureBuilt(targets: BuildTarget[], options: EnsureOptions = {}): Promise<void> {
  const root = options.root ?? ROOT;
  const stampDir = options.stampDir ?? join(root, 'node_modules', '.cache', 'qnzs-build');
  const log = options.log ?? ((line: string) => console.log(line));
  for (const target of targets) {
    const state: TargetState = options.force ? { fresh: false, reason: 'asked to rebuild (--rebuild)' } : targetState(root, stampDir, target);
    if (state.fresh) {
      log(`${target.label}: up to date (${state.inputCount} input files unchanged since the last build)`);
      continue;
    }
    log(`${target.label}: building, ${state.reason}`);
    // Hash the inputs the build starts from: a file edited while it runs leaves the stamp stale.
    const inputs = hashInputs(root, target);
    const started = Date.now();
    await target.build(log);
    recordBuild(root, stampDir, target, inputs);
    log(`${target.label}: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

/** What every build depends on besides its own sources: the installed packages and the TypeScript settings. */
const TOOLCHAIN = ['package.json', 'node_modules/.package-lock.json', 'tsconfig.json'];

export const FUNCTIONS_TARGET: BuildTarget = {
  key: 'functions',
  label: 'cloud functions',
  inputs: ['shared', 'cloudfunctions', 'scripts/build-functions.ts', ...TOOLCHAIN],
  // Each function's build output; config.json is read by the local cloud, not bundled.
  exclude: functionNames().flatMap((n) => [`cloudfunctions/${n}/index.js`, `cloudfunctions/${n}/index.js.map`, `cloudfunctions/${n}/config.json`]),
  env: [],
  outputs: (root) => functionNames().flatMap((n) => [`cloudfunctions/${n}/index.js`, `cloudfunctions/${n}/index.js.map`]).filter((f) => existsSync(join(root, f))),
  async build(log) {
    for (const f of await buildAllFunctions()) log(`  cloudfunctions/${f.name}/index.js (${(f.bytes / 1024).toFixed(1)} KB)`);
  },
};

const MINIPROGRAM = join(ROOT, 'miniprogram');
const H5_LOG = join(ROOT, 'node_modules', '.cache', 'qnzs-build', 'h5-build.log');
const HEARTBEAT_MS = 10_000;

/** `taro build --type h5` with webpack's persistent cache, its output in a log file and a line every 10 s. */
function buildH5(log: (line: string) => void): Promise<void> {
  mkdirSync(dirname(H5_LOG), { recursive: true });
  const out = createWriteStream(H5_LOG);
  const started = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'taro'), ['build', '--type', 'h5'], {
      cwd: MINIPROGRAM,
      env: { ...process.env, QNZS_BUILD_CACHE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    const heartbeat = setInterval(() => log(`  still building the H5 app (Taro + webpack), ${Math.round((Date.now() - started) / 1000)} s…`), HEARTBEAT_MS);
    child.on('error', (err) => {
      clearInterval(heartbeat);
      fail(err);
    });
    child.on('close', (code) => {
      clearInterval(heartbeat);
      out.end(() => {
        if (code === 0) return done();
        const tail = readFileSync(H5_LOG, 'utf8').split('\n').slice(-40).join('\n');
        fail(new Error(`taro build --type h5 failed (exit ${code}); the last lines of ${relative(ROOT, H5_LOG)}:\n${tail}`));
      });
    });
  });
}

export const H5_TARGET: BuildTarget = {
  key: 'h5',
  label: 'H5 app',
  // The app never imports shared/server (dependency rule miniprogram-not-to-server).
  inputs: ['miniprogram/src', 'miniprogram/config', 'miniprogram/babel.config.js', 'miniprogram/types', ...envFiles(), 'shared', ...TOOLCHAIN],
  exclude: ['shared/server/'],
  // Read by config/index.ts and Taro; BROWSERSLIST overrides package.json's list.
  env: ['NODE_ENV', 'TARO_APP_API_BASE', 'TARO_APP_CLOUD_ENV', 'BROWSERSLIST'],
  outputs: (root) => listFiles(join(root, 'miniprogram', 'dist-h5')).map((f) => toPosix(relative(root, f))),
  build: buildH5,
};

/** Taro's dotenv files (miniprogram/.env, .env.local, .env.production, …): they can set TARO_APP_*. */
function envFiles(): string[] {
  return readdirSync(MINIPROGRAM)
    .filter((name) => name === '.env' || name.startsWith('.env.'))
    .map((name) => `miniprogram/${name}`);
}

export const START_TARGETS = [FUNCTIONS_TARGET, H5_TARGET];

if (require.main === module) {
  ensureBuilt(START_TARGETS, { force: process.argv.includes('--rebuild') }).catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
