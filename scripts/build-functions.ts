import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve, sep } from 'node:path';

/**
 * Bundles each cloud function, with what it imports from shared/ and with
 * @cloudbase/node-sdk, into cloudfunctions/<name>/index.js (CommonJS, Node 18),
 * so each folder deploys on its own and starts fast (docs/decisions/0009).
 *
 * - The parts of the SDK these functions never call are replaced by stubs
 *   (STUBBED_MODULES) that throw a clear error if anything ever calls them.
 * - Only RUNTIME_EXTERNALS stay outside the bundle: CloudBase installs them
 *   from the function's package.json, and the build refuses a package.json
 *   whose dependencies differ from what the bundle requires.
 */
export const ROOT = resolve(__dirname, '..');
export const FUNCTIONS_DIR = join(ROOT, 'cloudfunctions');

/** Loaded lazily by the WeChat notifier in the cloud (never under the local cloud); installed by CloudBase. */
export const RUNTIME_EXTERNALS = ['wx-server-sdk'] as const;

export interface StubbedModule {
  /** The import specifier as written inside @cloudbase/node-sdk/dist. */
  request: string;
  /** What it is in the SDK and why our functions never reach it. */
  why: string;
}

/**
 * Modules of @cloudbase/node-sdk 3.18.3 loaded at `require` time that the
 * functions never use (they only call init, database() and getCloudbaseContext).
 * Found with a require-time trace of the SDK; each is replaced only where the
 * SDK imports it.
 */
export const STUBBED_MODULES: StubbedModule[] = [
  { request: './ai', why: 'the SDK\'s AI client (app.ai()), with @cloudbase/ai, @cloudbase/app and web-streams-polyfill' },
  { request: '@cloudbase/wx-cloud-client-sdk', why: 'data models and MySQL (app.models, app.rdb(), app.mysql()); init() tolerates its absence' },
  { request: 'jsonwebtoken', why: 'custom-login tickets (app.auth().createTicket())' },
  { request: 'form-data', why: 'multipart bodies for storage uploads' },
  { request: 'axios', why: 'the instance-metadata lookup, reached only off SCF without TENCENTCLOUD=true, and the app.requestClient shim' },
];

/**
 * Modules of the SDK replaced by a small module of our own that does the one
 * thing the SDK asks of them. `xml2js` (3.4 MB with sax and xmlbuilder): the
 * SDK's only use is `parseString` on COS's answer to an upload (app.uploadFile
 * PUTs the bytes, then parses the body: empty on success, one flat <Error>
 * document otherwise, read as `body.Error.Code[0]`…): scripts/build-shims/xml2js.cjs
 * does that; tests/unit/function-bundle.test.ts compares it with xml2js itself.
 */
export interface ShimmedModule {
  request: string;
  why: string;
  source: string;
}

export const SHIMMED_MODULES: ShimmedModule[] = [
  { request: 'xml2js', why: 'COS upload responses (app.uploadFile())', source: readFileSync(join(__dirname, 'build-shims', 'xml2js.cjs'), 'utf8') },
];

/** The SDK version STUBBED_MODULES was checked against; another version must be checked again before it is bundled. */
export const STUBS_CHECKED_FOR_SDK = '3.18.3';

const SDK_DIST = `${sep}node_modules${sep}@cloudbase${sep}node-sdk${sep}dist${sep}`;
const SDK_PACKAGE = join(ROOT, 'node_modules', '@cloudbase', 'node-sdk', 'package.json');
const sdkVersion = () => (JSON.parse(readFileSync(SDK_PACKAGE, 'utf8')) as { version: string }).version;

/**
 * The module a stub exports: any property chain leads to a function that
 * throws, naming what was called and why it was left out. `__esModule` and
 * `then` read as undefined so interop helpers and `await` see a plain object.
 */
export function stubModuleSource(request: string, why: string): string {
  const label = request === './ai' ? '@cloudbase/node-sdk/dist/ai' : request;
  return `"use strict";
function stub(path) {
  const fail = () => { throw new Error(${JSON.stringify(label)} + (path ? "." + path : "") + " was left out of this cloud function bundle by scripts/build-functions.ts (" + ${JSON.stringify(why)} + "). Remove it from STUBBED_MODULES to use it."); };
  return new Proxy(function () {}, {
    get(_t, key) {
      if (key === "__esModule" || key === "then" || typeof key === "symbol") return undefined;
      return stub(path ? path + "." + String(key) : String(key));
    },
    apply: fail,
    construct: fail,
  });
}
module.exports = stub("");
`;
}

/** esbuild plugin: the stubs above, and the SDK's version read at build time (its own lookup uses __dirname). */
export function sdkTrimPlugin(): Plugin {
  const byRequest = new Map(STUBBED_MODULES.map((s) => [s.request, s]));
  const shims = new Map(SHIMMED_MODULES.map((s) => [s.request, s]));
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const filter = new RegExp(`^(${[...STUBBED_MODULES, ...SHIMMED_MODULES].map((s) => escape(s.request)).join('|')})$`);
  return {
    name: 'qnzs-sdk-trim',
    setup(b) {
      const version = sdkVersion();
      if (version !== STUBS_CHECKED_FOR_SDK) {
        throw new Error(
          `@cloudbase/node-sdk is ${version}, but STUBBED_MODULES in scripts/build-functions.ts was checked against ${STUBS_CHECKED_FOR_SDK}: ` +
            'trace what the new version loads and uses (docs/decisions/0009), then update the list and STUBS_CHECKED_FOR_SDK.',
        );
      }
      b.onResolve({ filter }, (args) => {
        if (!args.importer.includes(SDK_DIST)) return undefined;
        return { path: args.path, namespace: 'qnzs-stub' };
      });
      b.onLoad({ filter: /.*/, namespace: 'qnzs-stub' }, (args) => {
        const shim = shims.get(args.path);
        if (shim) return { contents: shim.source, loader: 'js' };
        const spec = byRequest.get(args.path)!;
        return { contents: stubModuleSource(spec.request, spec.why), loader: 'js' };
      });
      b.onLoad({ filter: /[\\/]@cloudbase[\\/]node-sdk[\\/]dist[\\/]utils[\\/]version\.js$/ }, () => ({
        contents: `"use strict";exports.version=${JSON.stringify(version)};`,
        loader: 'js',
      }));
    },
  };
}

export function functionNames(): string[] {
  return readdirSync(FUNCTIONS_DIR).filter((name) => existsSync(join(FUNCTIONS_DIR, name, 'src', 'index.ts')));
}

/** The esbuild options for one bundle (also used by tests that build probes the same way). */
export function bundleOptions(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    minify: true,
    sourcemap: 'linked',
    legalComments: 'none',
    external: [...RUNTIME_EXTERNALS],
    tsconfig: join(ROOT, 'tsconfig.json'),
    logLevel: 'warning',
    metafile: true,
    plugins: [sdkTrimPlugin()],
  };
}

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Packages the bundle still `require`s at run time (not Node built-ins). */
export function runtimeRequires(metafile: Metafile): string[] {
  const found = new Set<string>();
  for (const output of Object.values(metafile.outputs)) {
    for (const imp of output.imports) if (imp.external && !BUILTINS.has(imp.path)) found.add(imp.path);
  }
  return [...found].sort();
}

export interface BuiltFunction {
  name: string;
  bytes: number;
  /** Packages CloudBase must install for this bundle (= the package.json dependencies). */
  runtimeRequires: string[];
}

export async function buildFunction(name: string): Promise<BuiltFunction> {
  const dir = join(FUNCTIONS_DIR, name);
  const outfile = join(dir, 'index.js');
  const result = await build(bundleOptions(join(dir, 'src', 'index.ts'), outfile));
  const needs = runtimeRequires(result.metafile!);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const declared = Object.keys(pkg.dependencies ?? {}).sort();
  if (declared.join() !== needs.join()) {
    throw new Error(
      `cloudfunctions/${name}/package.json lists [${declared.join(', ')}] but index.js requires [${needs.join(', ')}] at run time: ` +
        'make the dependencies match (CloudBase installs exactly what package.json lists).',
    );
  }
  return { name, bytes: statSync(outfile).size, runtimeRequires: needs };
}

export async function buildAllFunctions(): Promise<BuiltFunction[]> {
  return Promise.all(functionNames().map(buildFunction));
}

if (require.main === module) {
  buildAllFunctions()
    .then((built) => {
      for (const f of built) {
        const needs = f.runtimeRequires.length ? `requires ${f.runtimeRequires.join(', ')}` : 'no runtime dependencies';
        console.log(`built cloudfunctions/${f.name}/index.js (${(f.bytes / 1024).toFixed(1)} KB, ${needs})`);
      }
    })
    .catch((err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
