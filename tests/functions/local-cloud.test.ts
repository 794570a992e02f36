import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOUR_MS } from '../../shared/domain/answer-deadline';
import { ROOT, startLocalCloud, type LocalCloud } from '../../scripts/local-cloud/local-cloud';
import { LOCAL_EXPORT_TOKEN } from '../../scripts/local-cloud/function-host';

/**
 * The local cloud as `npm start` runs it: the built api bundle in the function
 * host, behind the gateway, over HTTP.
 */
const bundle = join(ROOT, 'cloudfunctions', 'api', 'index.js');

beforeAll(() => {
  if (!existsSync(bundle)) throw new Error('cloudfunctions/api/index.js is missing: run `npm run build:functions` first (npm test does).');
});

async function post(cloud: LocalCloud, path: string, body: unknown, openid?: string) {
  const res = await fetch(`${cloud.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-dev-openid': openid } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('the local cloud gateway', () => {
  let dir: string;
  let cloud: LocalCloud;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qnzs-cloud-'));
    cloud = await startLocalCloud({ port: 0, dataFile: join(dir, 'cloud.sqlite'), devMode: true, staticDir: dir });
  });
  afterAll(async () => {
    await cloud.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the ask → inbox → reply → read flow over POST /api/functions/api with X-Dev-OpenID', async () => {
    const asked = await post(cloud, '/api/functions/api', {
      action: 'question.ask',
      data: { collegeId: 'c-econ', categoryId: 'cat-study', title: '经济学院的辅修怎么报名', content: '想了解经济学院辅修专业的报名时间和条件。' },
      requestId: 'gateway-flow-0001',
    }, 'dev-student-li');
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ ok: true, data: { routedTo: { unitId: 'c-econ', unitName: '经济学院团委' } } });
    const id = asked.body.data.id;

    const inbox = await post(cloud, '/api/functions/api', { action: 'inbox.list', data: {} }, 'dev-econ-expert');
    expect(inbox.body.data.items.map((q: any) => q.id)).toContain(id);

    const reply = await post(cloud, '/api/functions/api', { action: 'answer.post', data: { questionId: id, content: '辅修报名在每年5月，详见教务通知。' } }, 'dev-econ-expert');
    expect(reply.body).toMatchObject({ ok: true, data: { official: true } });

    const read = await post(cloud, '/api/functions/api', { action: 'question.get', data: { id } }, 'dev-student-li');
    expect(read.body.data).toMatchObject({ status: 'answered', answers: [{ official: true, responderName: '詹来明' }] });
  });

  it('keeps files in its storage and serves the temporary links it hands out at the gateway', async () => {
    const links = await post(cloud, '/api/functions/api', { action: 'entry.links', data: { collegeId: 'c-cs' } }, 'dev-cs-league');
    expect(links.body).toMatchObject({ ok: true, data: { miniProgramCode: { scene: 'c=c-cs' }, menu: { button: { appid: 'wx00000000000000de' } } } });
    const url = links.body.data.miniProgramCode.imageUrl as string;
    expect(url.startsWith(`${cloud.url}/storage/entry-codes/`)).toBe(true);
    const image = await fetch(url);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect((await fetch(url.replace(/sign=[0-9a-f]+/, 'sign=0'))).status).toBe(403);
    const outbox = await (await fetch(`${cloud.url}/__dev/outbox`)).json() as any;
    expect(outbox.data.messages).toContainEqual(expect.objectContaining({ channel: 'wxacode', scene: 'c=c-cs' }));
  });

  it('has no identity without the header', async () => {
    const res = await post(cloud, '/api/functions/api', { action: 'me.get', data: {} });
    expect(res.body).toMatchObject({ ok: false, error: { code: 'AUTH.REQUIRED' } });
  });

  it('lists the seeded people for the identity picker', async () => {
    const res = await fetch(`${cloud.url}/__dev/users`);
    const users = ((await res.json()) as any).data.users as { openid: string; roles: string[] }[];
    const roles = new Set(users.flatMap((u) => u.roles));
    for (const role of ['student', 'responder', 'coordinator', 'supervisor', 'schoolAdmin']) expect(roles).toContain(role);
  });

  it('shifts the clock every function sees', async () => {
    const shift = await post(cloud, '/__dev/clock', { advanceMs: 20 * HOUR_MS });
    expect(shift.body.data.offsetMs).toBe(20 * HOUR_MS);
    const asked = await post(cloud, '/api/functions/api', {
      action: 'question.ask',
      data: { collegeId: 'c-cs', categoryId: 'cat-study', title: '时间平移后的提问', content: '检查截止时间是否跟随开发时钟。' },
    }, 'dev-student-zhang');
    expect(Math.abs(asked.body.data.createdAt - (Date.now() + 20 * HOUR_MS))).toBeLessThan(60_000);
    await post(cloud, '/__dev/clock', { reset: true });
  });

  it('rejects a bad clock request, bad JSON and unknown functions with clear errors', async () => {
    expect((await post(cloud, '/__dev/clock', { advanceMs: 'soon' })).body).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID' } });
    const badJson = await post(cloud, '/api/functions/api', '{"action":', 'dev-student-zhang');
    expect(badJson).toMatchObject({ status: 400, body: { ok: false, error: { code: 'INPUT.INVALID' } } });
    const unknown = await post(cloud, '/api/functions/nope', {});
    expect(unknown).toMatchObject({ status: 404, body: { ok: false, error: { code: 'FUNCTION.NOT_FOUND' } } });
    const badHeader = await post(cloud, '/api/functions/api', { action: 'me.get' }, 'bad id with spaces');
    expect(badHeader.status).toBe(400);
  });

  it('answers a malformed percent-escape in the path with a clear 400, not a 500', async () => {
    for (const path of ['/api/functions/%E4%B8', '/api/functions/%zz', '/pages/%E4%B8/index']) {
      const res = await fetch(`${cloud.url}${path}`, { method: path.startsWith('/api') ? 'POST' : 'GET', body: path.startsWith('/api') ? '{}' : undefined });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID' } });
    }
  });

  it('answers a body over 1 MB with a clear 413 instead of resetting the connection', async () => {
    const huge = JSON.stringify({ action: 'question.ask', data: { content: '很'.repeat(600_000) } });
    expect(Buffer.byteLength(huge)).toBeGreaterThan(1024 * 1024);
    const res = await post(cloud, '/api/functions/api', huge, 'dev-student-zhang');
    expect(res).toMatchObject({ status: 413, body: { ok: false, error: { code: 'INPUT.TOO_LARGE' } } });
  });

  it('never runs the scheduler for a caller: only its timer trigger (locally: the dev endpoint) does', async () => {
    for (const openid of [undefined, 'dev-student-zhang']) {
      const res = await post(cloud, '/api/functions/scheduler', { Type: 'Timer', TriggerName: 'tick' }, openid);
      expect(res).toMatchObject({ status: 403, body: { ok: false, error: { code: 'FUNCTION.TIMER_ONLY' } } });
    }
    const run = await post(cloud, '/__dev/scheduler/run', {});
    expect(run).toMatchObject({ status: 200, body: { ok: true, data: { questions: expect.any(Object) } } });
  }, 20_000); // the dev endpoint runs a whole first tick on the seed: reports, article reminders and the community boards

  it('keeps the reports\' files in the local cloud\'s storage, behind temporary links', async () => {
    // The scheduler run above wrote the seed period's biweekly reports and their files.
    const list = await post(cloud, '/api/functions/api', { action: 'report.list', data: {} }, 'dev-admin');
    const withFiles = [];
    for (const item of list.body.data.items) {
      const got = await post(cloud, '/api/functions/api', { action: 'report.get', data: { id: item.id } }, 'dev-admin');
      if (got.body.data.files) withFiles.push(got.body.data.files);
    }
    expect(withFiles.length).toBeGreaterThan(0);
    const { xlsx, docx } = withFiles[0];
    for (const [file, type] of [[xlsx, 'spreadsheetml'], [docx, 'wordprocessingml']] as const) {
      expect(file.url.startsWith(`${cloud.url}/storage/reports/`)).toBe(true);
      const res = await fetch(file.url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain(type);
      expect(Buffer.from(await res.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    }
    // A link is signed: altered, it opens nothing.
    expect((await fetch(xlsx.url.replace(/sign=[0-9a-f]+/, 'sign=0'))).status).toBe(403);
  });

  it('serves the export feed at /feed as CloudBase\'s HTTP access service does, to the service credential only', async () => {
    const refused = await fetch(`${cloud.url}/feed`);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'AUTH.REQUIRED' } });
    const served = await fetch(`${cloud.url}/feed?limit=5`, { headers: { authorization: `Bearer ${LOCAL_EXPORT_TOKEN}` } });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toContain('application/json');
    const body = (await served.json()) as any;
    expect(body.data.items).toHaveLength(5);
    expect(body.data.hasMore).toBe(true);
    const next = (await (await fetch(`${cloud.url}/feed?limit=5&cursor=${encodeURIComponent(body.data.nextCursor)}`, { headers: { authorization: `Bearer ${LOCAL_EXPORT_TOKEN}` } })).json()) as any;
    expect(next.data.items[0].updatedAt).toBeGreaterThanOrEqual(body.data.items[4].updatedAt);
    expect((await fetch(`${cloud.url}/feed`, { method: 'POST', headers: { authorization: `Bearer ${LOCAL_EXPORT_TOKEN}` }, body: '{}' })).status).toBe(405);
  });

  it('counts database requests per action', async () => {
    await post(cloud, '/__dev/db/stats/reset', {});
    await post(cloud, '/api/functions/api', { action: 'question.get', data: { id: 'q-demo-001' } }, 'dev-student-zhang');
    const stats = (await (await fetch(`${cloud.url}/__dev/db/stats`)).json()) as any;
    expect(stats.data.total).toBeGreaterThan(0);
    expect(stats.data.byAction['database.getDocument']).toBeGreaterThan(0);
  });

  it('keeps data across a restart of the local cloud', async () => {
    const asked = await post(cloud, '/api/functions/api', {
      action: 'question.ask',
      data: { collegeId: 'c-fl', categoryId: 'cat-study', title: '重启之后还在吗', content: '验证本地云重启后数据仍然保留。' },
    }, 'dev-student-chen');
    await cloud.stop();
    cloud = await startLocalCloud({ port: 0, dataFile: join(dir, 'cloud.sqlite'), devMode: true, staticDir: dir });
    expect(cloud.seedResult?.seeded).toBe(false);
    const read = await post(cloud, '/api/functions/api', { action: 'question.get', data: { id: asked.body.data.id } }, 'dev-student-chen');
    expect(read.body.data.title).toBe('重启之后还在吗');
  });
});

describe('outside dev mode', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startLocalCloud({ port: 0, dataFile: ':memory:', devMode: false, staticDir: tmpdir() });
  });
  afterAll(() => cloud.stop());

  it('refuses every dev control', async () => {
    for (const [method, path] of [['GET', '/__dev/users'], ['GET', '/__dev/outbox'], ['POST', '/__dev/clock'], ['GET', '/__dev/db/stats']]) {
      const res = await fetch(`${cloud.url}${path}`, { method, body: method === 'POST' ? '{"advanceMs":1}' : undefined });
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'DEV.DISABLED' } });
    }
  });

  it('ignores X-Dev-OpenID: nobody can pick an identity', async () => {
    const res = await post(cloud, '/api/functions/api', { action: 'me.get', data: {} }, 'dev-admin');
    expect(res.body).toMatchObject({ ok: false, error: { code: 'AUTH.REQUIRED' } });
  });

  it('still serves the export feed (it checks its own credential)', async () => {
    expect((await fetch(`${cloud.url}/feed`)).status).toBe(401);
    expect((await fetch(`${cloud.url}/feed?limit=1`, { headers: { authorization: `Bearer ${LOCAL_EXPORT_TOKEN}` } })).status).toBe(200);
  });
});
