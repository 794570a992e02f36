import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { localSdkEnvironment } from './local-cloud/function-host';

/**
 * Cold init of each built function bundle against the SDK-only baseline, in
 * the same run: module-init time (`require` of the bundle: SDK, zod schemas,
 * handler) in fresh Node processes, alternating bundle and baseline so that a
 * busy machine slows both alike. The ratio is what is compared across
 * machines; the target is ≤ 0.5 × loading @cloudbase/node-sdk alone
 * (docs/decisions/0009). Measures; asserts nothing.
 *
 * `npx tsx scripts/bench-cold-start.ts [runs]` after `npm run build:functions`.
 */
const ROOT = resolve(__dirname, '..');
export const COLD_START_TARGET_RATIO = 0.5;

export interface ColdStartRow {
  name: string;
  bundle: string;
  bytes: number;
  /** Median module-init time of the bundle, ms. */
  initMs: number;
  /** initMs ÷ baselineMs. */
  ratio: number;
}

export interface ColdStartReport {
  runs: number;
  /** Median time of `require('@cloudbase/node-sdk')` alone in a fresh process, ms. */
  baselineMs: number;
  functions: ColdStartRow[];
}

export interface ColdStartOptions {
  functionsDir?: string;
  /** Fresh processes per measurement (the median is reported). Default 9. */
  runs?: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Milliseconds one fresh Node process spends in `require(target)`. */
function initTimeMs(target: string, env: NodeJS.ProcessEnv): number {
  const code =
    `const t=process.hrtime.bigint();require(${JSON.stringify(target)});` +
    `process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6));process.exit(0)`;
  let out: string;
  try {
    out = execFileSync(process.execPath, ['-e', code], { env, cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    // A bundle is one minified line: quote only the error lines of its output.
    const stderr = String((err as { stderr?: unknown }).stderr ?? '');
    const lines = stderr.split('\n').filter((l) => l.trim() !== '' && l.length < 400 && !/^\s*\^+\s*$/.test(l)).slice(0, 6);
    throw new Error(`require(${target}) failed in a fresh process:\n${lines.join('\n')}`);
  }
  const ms = Number(out.trim());
  if (!Number.isFinite(ms)) throw new Error(`could not time require(${target}): ${out}`);
  return ms;
}

export function builtBundles(functionsDir = join(ROOT, 'cloudfunctions')): { name: string; bundle: string }[] {
  return readdirSync(functionsDir)
    .map((name) => ({ name, bundle: join(functionsDir, name, 'index.js') }))
    .filter((f) => existsSync(f.bundle));
}

export function measureColdStart(options: ColdStartOptions = {}): ColdStartReport {
  const runs = options.runs ?? 9;
  const bundles = builtBundles(options.functionsDir);
  if (bundles.length === 0) throw new Error('no built functions: run `npm run build:functions` first');
  // The function's configuration validates (local template ids) and the SDK never looks for instance metadata.
  const env: NodeJS.ProcessEnv = { ...process.env, ...localSdkEnvironment('http://127.0.0.1:9') };
  delete env.NODE_OPTIONS;
  const baseline: number[] = [];
  const samples = new Map<string, number[]>(bundles.map((b) => [b.name, []]));
  // One untimed round first so the file cache is equally warm for everyone.
  initTimeMs('@cloudbase/node-sdk', env);
  for (const b of bundles) initTimeMs(b.bundle, env);
  for (let i = 0; i < runs; i += 1) {
    baseline.push(initTimeMs('@cloudbase/node-sdk', env));
    for (const b of bundles) samples.get(b.name)!.push(initTimeMs(b.bundle, env));
  }
  const baselineMs = median(baseline);
  return {
    runs,
    baselineMs,
    functions: bundles.map((b) => {
      const initMs = median(samples.get(b.name)!);
      return { name: b.name, bundle: b.bundle, bytes: statSync(b.bundle).size, initMs, ratio: initMs / baselineMs };
    }),
  };
}

export function formatColdStart(report: ColdStartReport): string[] {
  const lines = [`loading @cloudbase/node-sdk alone: ${report.baselineMs.toFixed(1)} ms (median of ${report.runs} fresh processes)`];
  for (const f of report.functions) {
    const verdict = f.ratio <= COLD_START_TARGET_RATIO ? 'within' : 'over';
    lines.push(
      `${f.name.padEnd(10)} bundle ${(f.bytes / 1024).toFixed(1).padStart(7)} KB   cold init ${f.initMs.toFixed(1).padStart(6)} ms   ` +
        `${f.ratio.toFixed(2)} × the SDK alone (${verdict} the ${COLD_START_TARGET_RATIO} target)`,
    );
  }
  return lines;
}

if (require.main === module) {
  const runs = process.argv[2] ? Number(process.argv[2]) : undefined;
  for (const line of formatColdStart(measureColdStart({ runs }))) console.log(line);
}
