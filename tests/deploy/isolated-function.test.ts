import tcb from '@cloudbase/node-sdk';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { integrationRequest, invocationContext, LOCAL_ENV_ID, LOCAL_EXPORT_TOKEN, localSdkEnvironment } from '../../scripts/local-cloud/function-host';
import { startDatabaseService } from '../../scripts/local-cloud/local-cloud';
import { provisionCollections } from '../../scripts/provision';
import { seedDemo } from '../../scripts/seed/seed-demo';
import { loadCliConfig, recordDeploy, ROOT, zipEntries } from './support/cloudbase-cli';

/**
 * Each function as CloudBase gets it: the files `tcb fn deploy` would upload
 * (packed by the CLI's own code), alone in a temp folder, with only the
 * dependencies its package.json lists installed from the npm registry
 * (scripts off, as CloudBase's online install runs them), loaded in a fresh
 * Node process that has no access to this repository's node_modules, talking
 * to the local database service through the SDK bundled inside it.
 */
const run = promisify(execFile);
const FUNCTIONS = ['api', 'scheduler', 'feed'] as const;
/** What CloudBase installs for each (package.json); the feed needs nothing beyond its bundle. */
const INSTALLED: Record<(typeof FUNCTIONS)[number], string[]> = { api: ['wx-server-sdk'], scheduler: ['wx-server-sdk'], feed: [] };
type Reply = { ok: boolean; data?: any; error?: { code: string } };

let work: string;
let db: Awaited<ReturnType<typeof startDatabaseService>>;
const dependencies: Record<string, string[]> = {};

/** Environment for npm without what an outer `npm test` passes down about this repository. */
function npmEnv(): NodeJS.ProcessEnv {
  return <NodeJS.ProcessEnv>(<unknown>Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(npm_package_|npm_lifecycle_|npm_config_local_prefix$|INIT_CWD$|NODE_PATH$)/.test(k)),
  ));
}

beforeAll(async () => {
  for (const name of FUNCTIONS) {
    if (!existsSync(join(ROOT, 'cloudfunctions', name, 'index.js'))) throw new Error(`cloudfunctions/${name}/index.js is not built: run \`npm run build:functions\``);
  }
  work = mkdtempSync(join(tmpdir(), 'qnzs-deploy-'));
  const config = await loadCliConfig('QNZS_ENV_ID=campus-prod-1a2b\n');
  for (const name of FUNCTIONS) {
    const dir = join(work, name);
    mkdirSync(dir);
    const requests = await recordDeploy(config, name, { as: `${name}-isolated` });
    for (const file of await zipEntries(requests.find((r) => r.action === 'CreateFunction')!.params.Code.ZipFile)) {
      writeFileSync(join(dir, file.path), await file.buffer());
    }
    dependencies[name] = Object.keys(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).dependencies ?? {});
  }
  await Promise.all(
    FUNCTIONS.filter((name) => dependencies[name]!.length > 0).map((name) =>
      run('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline', '--loglevel=error'], {
        cwd: join(work, name),
        env: npmEnv(),
      }),
    ),
  );

  db = await startDatabaseService(':memory:');
  const saved = { ...process.env };
  Object.assign(process.env, localSdkEnvironment(db.url));
  try {
    const sdkDb = tcb.init({ env: LOCAL_ENV_ID }).database();
    await provisionCollections(sdkDb);
    await seedDemo(sdkDb, Date.now());
  } finally {
    process.env = saved;
  }
}, 240_000);

afterAll(async () => {
  await db?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Loads the function in a fresh process and calls main(event, context) once. */
async function invoke(name: string, event: unknown, openid: string | null = null): Promise<{ reply: any; resolved: string[] }> {
  const dir = join(work, name);
  const script = `
    const path = require('node:path');
    const dir = process.argv[1];
    const fn = require(path.join(dir, 'index.js'));
    const resolved = ${JSON.stringify(dependencies[name])}.map((d) => { const p = require.resolve(d, { paths: [dir] }); require(p); return p; });
    fn.main(JSON.parse(process.argv[2]), JSON.parse(process.argv[3]))
      .then((reply) => process.stdout.write('\\n@@result ' + JSON.stringify({ reply, resolved })), (e) => { console.error(e && e.stack || e); process.exit(1); });`;
  const env = { PATH: process.env.PATH ?? '', HOME: work, ...localSdkEnvironment(db.url) } as unknown as NodeJS.ProcessEnv;
  const context = invocationContext(name, { openid }, 0);
  const { stdout } = await run(process.execPath, ['-e', script, dir, JSON.stringify(event), JSON.stringify(context)], { cwd: dir, env });
  // The functions log to stdout too (the scheduler its tick report); the result is the marked last line.
  const marked = stdout.slice(stdout.lastIndexOf('\n@@result ') + '\n@@result '.length);
  return JSON.parse(marked);
}

describe.each(FUNCTIONS)('%s, deployed alone', (name) => {
  it('ships only the bundle and its package.json, and its dependencies install from the registry', () => {
    expect(readFileSync(join(work, name, 'index.js')).equals(readFileSync(join(ROOT, 'cloudfunctions', name, 'index.js')))).toBe(true);
    // Only wx-server-sdk is left outside the bundle (the WeChat notifier loads it lazily in the cloud).
    expect(dependencies[name]).toEqual(INSTALLED[name]);
    for (const dep of dependencies[name]!) expect(existsSync(join(work, name, 'node_modules', dep, 'package.json'))).toBe(true);
  });
});

describe('api, deployed alone', () => {
  it('loads in a fresh process and answers an unknown action with ACTION.UNKNOWN', async () => {
    const { reply, resolved } = await invoke('api', { action: 'no.such', data: {} }, 'dev-student-zhang');
    expect(reply).toEqual({ ok: false, error: expect.objectContaining({ code: 'ACTION.UNKNOWN' }) });
    // Its runtime dependencies come from its own folder, nowhere else.
    for (const path of resolved) expect(path.startsWith(join(work, 'api', 'node_modules'))).toBe(true);
  });

  it('reads and writes the database through the SDK bundled inside it', async () => {
    const catalog = (await invoke('api', { action: 'catalog.get', data: {} }, 'dev-student-zhang')).reply as Reply;
    expect(catalog.ok).toBe(true);
    expect(catalog.data.units.map((u: { id: string }) => u.id)).toContain('c-cs');

    const title = '部署检查：打包后的函数能写数据库吗';
    const asked = (
      await invoke(
        'api',
        { action: 'question.ask', data: { collegeId: 'c-cs', categoryId: 'cat-study', title, content: '部署检查写入的一条提问，用于确认数据库读写正常。' }, requestId: 'deploy-check-0001' },
        'dev-student-zhang',
      )
    ).reply as Reply;
    expect(asked).toMatchObject({ ok: true });
    const read = (await invoke('api', { action: 'question.get', data: { id: asked.data.id } }, 'dev-student-zhang')).reply as Reply;
    expect(read).toMatchObject({ ok: true, data: expect.objectContaining({ title }) });
  });
});

describe('scheduler, deployed alone', () => {
  it('loads in a fresh process and answers an unknown action with ACTION.UNKNOWN (it runs only for its timer)', async () => {
    const { reply, resolved } = await invoke('scheduler', { action: 'no.such', data: {} }, 'dev-student-zhang');
    expect(reply).toEqual({ ok: false, error: expect.objectContaining({ code: 'ACTION.UNKNOWN' }) });
    for (const path of resolved) expect(path.startsWith(join(work, 'scheduler', 'node_modules'))).toBe(true);
  });

  it('runs a timer tick against the database through the SDK bundled inside it', async () => {
    const { reply } = await invoke('scheduler', { Type: 'Timer', TriggerName: 'tick', Time: new Date().toISOString() });
    expect(reply).toEqual(expect.objectContaining({ notifications: expect.any(Object) }));
    expect(reply.ok).not.toBe(false);
  });
});

describe('feed, deployed alone', () => {
  it('answers the HTTP access service: the feed for the service credential, 401 without it, nothing for a WeChat user', async () => {
    const request = (authorization?: string) =>
      integrationRequest({ method: 'GET', path: '/feed', headers: authorization ? { authorization } : {}, query: new URLSearchParams({ limit: '5' }) });
    const served = (await invoke('feed', request(`Bearer ${LOCAL_EXPORT_TOKEN}`))).reply;
    expect(served).toMatchObject({ statusCode: 200, isBase64Encoded: false });
    const body = JSON.parse(served.body);
    expect(body.ok).toBe(true);
    expect(body.data.items.length).toBeGreaterThan(0);
    expect(served.body).not.toMatch(/openid|askerName|dev-student/);
    expect((await invoke('feed', request('Bearer wrong-token'))).reply).toMatchObject({ statusCode: 401 });
    expect((await invoke('feed', request(`Bearer ${LOCAL_EXPORT_TOKEN}`), 'dev-student-zhang')).reply).toEqual({ ok: false, error: expect.objectContaining({ code: 'AUTH.FORBIDDEN' }) });
  });
});
