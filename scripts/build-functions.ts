import { build } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Bundles each cloud function with what it imports from shared/ into
 * cloudfunctions/<name>/index.js (CommonJS, Node 18), so each folder deploys on
 * its own. npm dependencies listed in the function's package.json stay external:
 * CloudBase installs them on deploy.
 */
export const ROOT = resolve(__dirname, '..');
export const FUNCTIONS_DIR = join(ROOT, 'cloudfunctions');
const EXTERNAL = ['@cloudbase/node-sdk', 'wx-server-sdk'];

export function functionNames(): string[] {
  return readdirSync(FUNCTIONS_DIR).filter((name) => existsSync(join(FUNCTIONS_DIR, name, 'src', 'index.ts')));
}

export async function buildFunction(name: string): Promise<{ name: string; bytes: number }> {
  const outfile = join(FUNCTIONS_DIR, name, 'index.js');
  await build({
    entryPoints: [join(FUNCTIONS_DIR, name, 'src', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    minify: true,
    sourcemap: 'linked',
    legalComments: 'none',
    external: EXTERNAL,
    tsconfig: join(ROOT, 'tsconfig.json'),
    logLevel: 'warning',
  });
  return { name, bytes: statSync(outfile).size };
}

export async function buildAllFunctions(): Promise<{ name: string; bytes: number }[]> {
  return Promise.all(functionNames().map(buildFunction));
}

if (require.main === module) {
  buildAllFunctions()
    .then((built) => {
      for (const f of built) console.log(`built cloudfunctions/${f.name}/index.js (${(f.bytes / 1024).toFixed(1)} KB)`);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
