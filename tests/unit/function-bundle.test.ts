import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleOptions, FUNCTIONS_DIR, functionNames, ROOT, runtimeRequires, SHIMMED_MODULES, STUBBED_MODULES, stubModuleSource } from '../../scripts/build-functions';

/**
 * The cloud-function bundles carry @cloudbase/node-sdk minus the parts the
 * functions never use (docs/decisions/0009). These tests build into a temp
 * folder, never over cloudfunctions/<name>/index.js.
 */
let out: string;
beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'qnzs-bundle-'));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

function loadStub(request: string) {
  const spec = STUBBED_MODULES.find((s) => s.request === request)!;
  const module = { exports: {} as any };
  new Function('module', 'exports', stubModuleSource(spec.request, spec.why))(module, module.exports);
  return module.exports;
}

describe('a stubbed SDK module', () => {
  it('throws a clear error when anything in it is called or constructed', () => {
    const jwt = loadStub('jsonwebtoken');
    expect(() => jwt.sign({}, 'key')).toThrow(
      /^jsonwebtoken\.sign was left out of this cloud function bundle by scripts\/build-functions\.ts \(custom-login tickets .*\)\. Remove it from STUBBED_MODULES to use it\.$/,
    );
    const FormData = loadStub('form-data');
    expect(() => new FormData()).toThrow(/^form-data was left out/);
    expect(() => loadStub('axios').default.get('http://metadata.tencentyun.com')).toThrow(/^axios\.default\.get was left out/);
    expect(() => loadStub('./ai').createAI({})).toThrow(/^@cloudbase\/node-sdk\/dist\/ai\.createAI was left out/);
  });

  it('is not mistaken for an ES module or a promise', async () => {
    const stub = loadStub('jsonwebtoken');
    expect(stub.__esModule).toBeUndefined();
    expect(stub.then).toBeUndefined();
    await expect(Promise.resolve(stub)).resolves.toBe(stub);
  });
});

describe('the xml2js shim (the one thing app.uploadFile asks of xml2js)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const real = require('xml2js') as { parseString(input: unknown, cb: (err: unknown, result: unknown) => void): void };
  function shimmed() {
    const spec = SHIMMED_MODULES.find((s) => s.request === 'xml2js')!;
    const module = { exports: {} as any };
    new Function('module', 'exports', 'require', spec.source)(module, module.exports, require);
    return module.exports as typeof real;
  }
  const parse = (lib: typeof real, input: unknown) =>
    new Promise<{ err: boolean; result: unknown }>((resolve) => lib.parseString(input, (err, result) => resolve({ err: err != null, result })));

  it.each([
    ['an empty body (COS: success)', ''],
    ['an empty Buffer', Buffer.alloc(0)],
    ['COS SignatureDoesNotMatch', "<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n  <Code>SignatureDoesNotMatch</Code>\n  <Message>The Signature you specified is invalid.</Message>\n  <Resource>/a/b.png</Resource>\n  <RequestId>NjQz</RequestId>\n  <TraceId>OGVm</TraceId>\n</Error>"],
    ['entities and Chinese', Buffer.from('<Error><Code>AccessDenied</Code><Message>a &amp; b &lt;c&gt; &#21345; &#x5361; 拒绝</Message><RequestId>r</RequestId><TraceId>t</TraceId></Error>')],
  ])('reads %s exactly as xml2js does', async (_name, input) => {
    expect(await parse(shimmed(), input)).toEqual(await parse(real, input));
  });

  it('fails loudly on what it does not read', async () => {
    expect((await parse(shimmed(), '<a><b><c>nested</c></b>')).err).toBe(true);
  });
});

describe('the SDK inside a bundle', () => {
  it('still initialises, and the left-out parts fail clearly when used', async () => {
    const probe = join(out, 'probe.js');
    await build({
      ...bundleOptions('unused', probe),
      entryPoints: undefined,
      sourcemap: false,
      stdin: {
        resolveDir: ROOT,
        loader: 'js',
        contents: `
          const tcb = require('@cloudbase/node-sdk');
          const results = { version: tcb.version };
          const app = tcb.init({ env: 'probe-env', credentials: { env_id: 'probe-env', private_key_id: 'k1', private_key: 'k' } });
          const attempt = (name, fn) => { try { fn(); results[name] = 'no error'; } catch (e) { results[name] = e.message; } };
          attempt('database', () => app.database().collection('questions').where({ status: 'open' }).limit(1));
          attempt('ai', () => app.ai());
          attempt('createTicket', () => app.auth().createTicket('user-1'));
          attempt('requestClient', () => app.requestClient.get('https://example.com'));
          attempt('rdb', () => app.rdb());
          module.exports = results;`,
      },
    });
    const env = { PATH: process.env.PATH, TENCENTCLOUD: 'true', SILENCE: 'true' } as unknown as NodeJS.ProcessEnv;
    const results = JSON.parse(execFileSync(process.execPath, ['-e', `console.log(JSON.stringify(require(${JSON.stringify(probe)})))`], { env, encoding: 'utf8' }));
    const sdkVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules', '@cloudbase', 'node-sdk', 'package.json'), 'utf8')).version;
    expect(results).toEqual({
      version: sdkVersion,
      database: 'no error',
      ai: expect.stringMatching(/^@cloudbase\/node-sdk\/dist\/ai\.createAI was left out/),
      createTicket: expect.stringMatching(/^jsonwebtoken\.sign was left out/),
      requestClient: expect.stringMatching(/^axios was left out/),
      rdb: expect.stringMatching(/^@cloudbase\/wx-cloud-client-sdk\.generateMySQLClient was left out/),
    });
  }, 30_000);
});

/** What each function's bundle must require at run time (CloudBase installs it from package.json). */
const RUNTIME: Record<string, string[]> = { api: ['wx-server-sdk'], scheduler: ['wx-server-sdk'], feed: [] };

it('knows every function', () => {
  expect(functionNames().sort()).toEqual(Object.keys(RUNTIME).sort());
});

describe.each(functionNames())('the %s bundle', (name) => {
  it('contains none of the left-out modules and requires only what its package.json lists', async () => {
    const result = await build({ ...bundleOptions(join(FUNCTIONS_DIR, name, 'src', 'index.ts'), join(out, name, 'index.js')), sourcemap: false });
    const inputs = Object.keys(result.metafile!.inputs);
    for (const pkg of ['axios', 'form-data', 'jsonwebtoken', 'xml2js', '@cloudbase/ai', '@cloudbase/app', '@cloudbase/wx-cloud-client-sdk', 'web-streams-polyfill', 'semver']) {
      expect(inputs.filter((path) => path.includes(`node_modules/${pkg}/`))).toEqual([]);
    }
    expect(inputs.some((path) => path.includes('node_modules/@cloudbase/node-sdk/dist/database/'))).toBe(true);
    expect(inputs.some((path) => path.includes('node_modules/@cloudbase/database/'))).toBe(true);

    const pkg = JSON.parse(readFileSync(join(FUNCTIONS_DIR, name, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    expect(runtimeRequires(result.metafile!)).toEqual(Object.keys(pkg.dependencies ?? {}).sort());
    expect(runtimeRequires(result.metafile!)).toEqual(RUNTIME[name]);
  }, 30_000);
});
