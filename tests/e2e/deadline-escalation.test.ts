import { HOUR_MS } from '../../shared/domain/answer-deadline';
import { actAs, startE2E, type E2E } from './browser';

/**
 * The 24-hour commitment, end to end in a real browser with the dev clock: a
 * student asks; 20 hours later the scheduler reminds the college's responders;
 * at 24 hours the question escalates, the coordinator finds it in 超时督办 and
 * answers directly; the student reads the answer and rates it.
 */
/** A real browser against the local cloud: generous, since CI machines are shared. */
jest.setTimeout(90_000);

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

async function dev(path: string, body?: unknown) {
  const res = await fetch(`${e2e.cloud.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return ((await res.json()) as { data: any }).data;
}

const TITLE = '机房的电脑开不了机怎么办';
const ANSWER = '协管已联系学院实验中心，明早八点前全部修好，期间可先用信息楼201机房。';

it('ask → 20 h → reminder in the outbox → 24 h → escalated → the coordinator answers → the student rates', async () => {
  const { page, cloud } = e2e;

  await page.goto(`${cloud.url}/`);
  await actAs(page, '张晓雨');
  await page.goto(`${cloud.url}/pages/ask/index?college=c-cs`);
  await page.locator('.ask__cat', { hasText: '学业' }).click();
  await page.locator('.ask__input input').fill(TITLE);
  await page.locator('.ask__textarea textarea').fill('计算机学院机房三排的电脑从昨天开始都开不了机，明天上机课怎么办？');
  await page.getByText('提交问题', { exact: true }).click();
  await page.getByText(/已转交/).first().waitFor();
  const id = cloud.store.find('questions', { title: TITLE })[0]!._id;
  const page_ = `pages/question/index?id=${id}`;

  // 20 hours later the scheduler reminds the responders of 计算机学院.
  await dev('/__dev/clock', { advanceMs: 20 * HOUR_MS });
  await dev('/__dev/scheduler/run', {});
  const outbox = (await dev('/__dev/outbox')).messages as { touser: string; page?: string; templateId?: string }[];
  const reminders = outbox.filter((m) => m.page === page_ && m.templateId === 'local-reminder');
  expect(reminders.map((m) => m.touser)).toContain('dev-cs-expert');

  // At 24 hours it escalates to the coordinator.
  await dev('/__dev/clock', { advanceMs: 4 * HOUR_MS });
  await dev('/__dev/scheduler/run', {});
  expect(cloud.store.find('questions', { _id: id })[0]).toMatchObject({ status: 'routed', escalatedAt: expect.any(Number) });
  const escalations = ((await dev('/__dev/outbox')).messages as { touser: string; page?: string }[]).filter((m) => m.page === page_ && m.touser === 'dev-coordinator');
  expect(escalations.length).toBeGreaterThan(0);

  // The coordinator sees it in 超时督办 and answers directly.
  await page.goto(`${cloud.url}/pages/mine/index`);
  await actAs(page, '王钰铭');
  await page.getByText('超时督办').first().click();
  const card = page.locator('.esc-card', { hasText: TITLE }).first();
  await card.waitFor();
  await page.screenshot({ path: 'test-results/e2e-escalations.png' });
  await card.click();
  await page.locator('textarea').first().fill(ANSWER);
  await page.getByText('提交回复', { exact: true }).click();
  await page.getByText(/官方答复|计时已停止/).first().waitFor();

  // The student reads the answer and rates it; the case closes.
  await page.goto(`${cloud.url}/pages/mine/index`);
  await actAs(page, '张晓雨');
  await page.goto(`${cloud.url}/${page_}`);
  await page.getByText(ANSWER).waitFor();
  await page.getByText('满意', { exact: true }).click();
  // A rating closes the question: it is confirmed first (with an optional comment).
  await page.getByText('确认评价', { exact: true }).click();
  await page.getByText(/提问者评价：满意|已关闭/).first().waitFor();
  expect(cloud.store.find('questions', { _id: id })[0]).toMatchObject({ status: 'closed', rating: { satisfied: true } });
  const timeline = (cloud.store.find('questions', { _id: id })[0]!.timeline as { type: string }[]).map((e) => e.type);
  expect(timeline).toEqual(['ask', 'escalate', 'answer', 'rate']);
  await page.screenshot({ path: 'test-results/e2e-rated.png', fullPage: true });
});
