import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOUR_MS } from '../../shared/domain/answer-deadline';
import { DocumentStore } from '../../scripts/local-cloud/document-store';
import { ROOT } from '../../scripts/local-cloud/local-cloud';

/**
 * kill -9 in the middle of a burst of asks: whatever landed is whole (its
 * timeline and schedule are in the same document), nothing is half-written,
 * and retrying the unanswered requests with their request ids asks each
 * question exactly once. The property holds wherever the kill falls.
 */
const BURST = 30;
const ASKER = 'test-burst-killed';
let dir: string;
let child: ChildProcess | null = null;

function startCloud(dataFile: string): Promise<{ url: string; proc: ChildProcess }> {
  // One process (no tsx wrapper), so kill -9 reaches the server itself.
  const proc = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'support', 'cloud-process.ts'), dataFile], {
    cwd: ROOT,
    env: { ...process.env, QNZS_ASK_PER_HOUR: '1000', QNZS_URGENT_PER_DAY: '1000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    proc.stdout!.on('data', (chunk) => {
      out += String(chunk);
      const line = out.split('\n').find((l) => l.startsWith('{"url"'));
      if (line) resolve({ url: (JSON.parse(line) as { url: string }).url, proc });
    });
    proc.stderr!.on('data', (chunk) => (err += String(chunk)));
    proc.once('exit', (code) => reject(new Error(`local cloud exited (${code}): ${err}`)));
  });
}

function killed(proc: ChildProcess): Promise<unknown> {
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  proc.kill('SIGKILL');
  return exited;
}

function ask(url: string, i: number) {
  return fetch(`${url}/api/functions/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': ASKER },
    body: JSON.stringify({
      action: 'question.ask',
      data: { collegeId: 'c-cs', categoryId: 'cat-study', title: `压测中断的提问 ${i}`, content: '进程在一串提问中途被杀掉时的数据完整性。', urgent: i % 5 === 0 },
      requestId: `burst-killed-${String(i).padStart(4, '0')}`,
    }),
  }).then((r) => r.json() as Promise<{ ok: boolean; data?: { id: string } }>);
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'cloudfunctions', 'api', 'index.js'))) throw new Error('cloudfunctions/api/index.js is missing: run `npm run build:functions` first (npm test does).');
  dir = mkdtempSync(join(tmpdir(), 'qnzs-killed-'));
});
afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

it('leaves only whole questions after kill -9 mid-burst, and the retries ask each exactly once', async () => {
  const dataFile = join(dir, 'cloud.sqlite');
  const first = await startCloud(dataFile);
  const answered = new Set<number>();
  const burst = Array.from({ length: BURST }, (_, i) =>
    ask(first.url, i).then(
      (r) => (r.ok ? answered.add(i) : undefined),
      () => undefined,
    ),
  );
  // Kill as soon as a few have been answered: the rest are in flight.
  await new Promise<void>((resolve) => {
    const wait = setInterval(() => {
      if (answered.size >= 3) {
        clearInterval(wait);
        resolve();
      }
    }, 1);
  });
  await killed(first.proc);
  await Promise.all(burst);

  // What landed is whole.
  const store = new DocumentStore({ file: dataFile });
  const landed = store.find('questions', { askerOpenid: ASKER });
  store.close();
  expect(landed.length).toBeGreaterThanOrEqual(answered.size);
  for (const q of landed as Record<string, any>[]) {
    expect(q.timeline).toEqual([expect.objectContaining({ type: 'ask', toStatus: 'routed' })]);
    expect(q.nextWorkAt).toBe(q.urgent ? q.deadlineAt - HOUR_MS : q.deadlineAt - 4 * HOUR_MS);
    // The messages it owes are in it too (sent already, or left to the sweep).
    expect(q.outbox.map((o: any) => o.kind).sort()).toEqual(q.urgent ? ['emergency', 'newQuestion'] : ['newQuestion']);
  }

  // The client retries everything it did not hear back about, with the same request ids.
  const second = await startCloud(dataFile);
  const retries = await Promise.all(Array.from({ length: BURST }, (_, i) => i).filter((i) => !answered.has(i)).map((i) => ask(second.url, i)));
  expect(retries.every((r) => r.ok)).toBe(true);
  await killed(second.proc);
  const after = new DocumentStore({ file: dataFile });
  const all = after.find('questions', { askerOpenid: ASKER });
  after.close();
  expect(all).toHaveLength(BURST);
  expect(new Set(all.map((q) => (q as Record<string, any>).title)).size).toBe(BURST);
}, 120_000);
