import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, startLocalCloud, type LocalCloud } from './local-cloud/local-cloud';
import { benchSchedulerAt } from './bench-scheduler';
import { formatColdStart, measureColdStart } from './bench-cold-start';
import { benchScreens } from './bench-screens';
import { benchSearch } from './bench-search';
import { benchSearchCostAt } from './bench-search-requests';
import { benchStatisticsCostAt } from './bench-statistics-requests';
import { benchBoardRequests } from './bench-board-requests';
import { benchCommunityRequests } from './bench-community-requests';

/**
 * `npm run bench`: the numbers the design's quality bars are judged by. Prints
 * them; asserts nothing (tests never assert timings).
 */
const KB = 1024;
const WEAPP_DIR = join(ROOT, 'miniprogram', 'dist');
/** Each database request answers after this long, so requests sent together are seen as one round trip. */
const LATENCY_MS = 5;
/** Requests that exist only to deliver messages (credits, message records), reported apart from the action's own. */
const MESSAGE_COLLECTIONS = new Set(['subscriptions', 'notifications']);

function dirSize(dir: string, skip: (path: string) => boolean = () => false): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir).reduce((sum, name) => {
    const path = join(dir, name);
    if (skip(path)) return sum;
    const st = statSync(path);
    return sum + (st.isDirectory() ? dirSize(path, skip) : name.endsWith('.map') ? 0 : st.size);
  }, 0);
}

function weappSizes() {
  const appJson = join(WEAPP_DIR, 'app.json');
  if (!existsSync(appJson)) return null;
  const app = JSON.parse(readFileSync(appJson, 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] };
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''));
  const isSub = (path: string) => roots.some((r) => relative(WEAPP_DIR, path) === r);
  return {
    main: dirSize(WEAPP_DIR, isSub),
    subpackages: roots.map((root) => ({ root, bytes: dirSize(join(WEAPP_DIR, root)) })),
  };
}

async function call(cloud: LocalCloud, openid: string | null, action: string, data: unknown = {}, requestId?: string) {
  const event = { action, data, ...(requestId ? { requestId } : {}) };
  const reply = (await cloud.host.invoke('api', event, { openid })) as { ok: boolean; data?: any; error?: unknown };
  if (!reply.ok) throw new Error(`${action} failed: ${JSON.stringify(reply.error)}`);
  return reply.data;
}

interface ActionRow {
  action: string;
  /** Every database request, message delivery included. */
  requests: number;
  /** Sequential round trips (requests sent together count once). */
  rounds: number;
  /** The action's own requests: everything but credits and message records. */
  own: number;
  /** Messages handed to WeChat / WeCom (not database requests in the cloud). */
  sends: number;
  unindexed: number;
  target: string;
  detail: Record<string, number>;
}

async function requestsPerAction(): Promise<ActionRow[]> {
  const cloud = await startLocalCloud({ port: 0, dataFile: ':memory:', devMode: true, staticDir: ROOT });
  try {
    // Warm the container (and its catalog cache) the way a busy campus would.
    await call(cloud, 'dev-student-zhang', 'catalog.get');
    await call(cloud, 'dev-cs-expert', 'me.get');
    cloud.database.setLatency(LATENCY_MS);
    const rows: ActionRow[] = [];
    let n = 0;
    const measure = async (action: string, target: string, openid: string, data: unknown, label = action) => {
      cloud.database.resetStats();
      const out = await call(cloud, openid, action, data, `bench-request-${++n}`);
      const stats = cloud.database.stats();
      const messages = Object.entries(stats.byCollection).filter(([c]) => MESSAGE_COLLECTIONS.has(c)).reduce((sum, [, k]) => sum + k, 0);
      rows.push({ action: label, requests: stats.total, rounds: stats.rounds, own: stats.total - messages, sends: stats.sends, unindexed: stats.unindexed.length, target, detail: stats.byCollection });
      return out;
    };
    const ask = (title: string) => ({ collegeId: 'c-cs', categoryId: 'cat-study', title, content: '用于统计每个操作的数据库请求次数。' });
    await measure('question.ask', '', 'dev-student-zhang', ask('第一次提问的基准测试'), 'question.ask (first ever)');
    const asked = await measure('question.ask', '≤ 3 in ≤ 2', 'dev-student-zhang', ask('基准测试的问题标题'));
    await measure('question.ask', '', 'dev-student-li', { ...ask('基准测试的紧急问题'), collegeId: 'c-econ', urgent: true }, 'question.ask (urgent)');
    await measure('question.get', '≤ 2 in 1', 'dev-student-zhang', { id: asked.id });
    await measure('question.listPublic', '', 'dev-student-zhang', { pageSize: 20 });
    await measure('question.listMine', '', 'dev-student-zhang', { pageSize: 20 });
    await measure('inbox.list', '', 'dev-cs-expert', { pageSize: 20 });
    await measure('inbox.counts', '≤ 2', 'dev-cs-expert', {});
    await measure('question.claim', '≤ 4', 'dev-cs-expert', { questionId: asked.id });
    await measure('answer.post', '≤ 5', 'dev-cs-expert', { questionId: asked.id, content: '基准测试的回复内容。' });
    await measure('question.startHandling', '≤ 4', 'dev-cs-expert', { questionId: asked.id, note: '线下跟进' });
    await measure('question.addProgress', '≤ 4', 'dev-cs-expert', { questionId: asked.id, note: '已联系相关老师' });
    await measure('question.resolve', '≤ 4', 'dev-cs-expert', { questionId: asked.id, note: '已办结' });
    await measure('question.rate', '≤ 4', 'dev-student-zhang', { questionId: asked.id, satisfied: false, comment: '' });
    await measure('question.reopen', '≤ 4', 'dev-student-zhang', { questionId: asked.id, reason: '还没有解决' });
    const other = await call(cloud, 'dev-student-zhang', 'question.ask', ask('基准测试的转办问题'));
    await measure('question.transfer', '≤ 4', 'dev-cs-expert', { questionId: other.id, toUnitId: 'd-academic', reason: '属于教务问题' });
    await measure('me.get', '', 'dev-cs-expert', {});
    return rows;
  } finally {
    await cloud.stop();
  }
}

async function main() {
  console.log('青年之声 · Campus — benchmark\n');

  const weapp = weappSizes();
  console.log('weapp packages (budget: main ≤ 1024 KB, WeChat hard limit 2048 KB per package)');
  if (!weapp) console.log('  miniprogram/dist missing: run `npm run build:weapp`');
  else {
    console.log(`  main package      ${(weapp.main / KB).toFixed(1).padStart(8)} KB  (${((weapp.main / (1024 * KB)) * 100).toFixed(0)}% of budget)`);
    for (const s of weapp.subpackages) console.log(`  subpackage ${s.root.padEnd(7)}${(s.bytes / KB).toFixed(1).padStart(8)} KB`);
  }

  console.log('\ncloud functions (bundled for node18): size and cold init against loading @cloudbase/node-sdk alone');
  for (const line of formatColdStart(measureColdStart())) console.log(`  ${line}`);

  console.log('\nChinese search (campus paraphrase set in tests/fixtures; LCQMC and BQ from ../shared/data)');
  for (const line of await benchSearch()) console.log(line);

  console.log('\ntext screens on ordinary questions (LCQMC, BQ, DataCLUE CIC from ../shared/data)');
  for (const line of await benchScreens()) console.log(line);

  console.log(`\ndatabase requests per action (local database service, warm container, ${LATENCY_MS} ms a request)`);
  console.log('  action                   requests  round trips  own (w/o messages)  sends  unindexed  target (own)   by collection');
  for (const row of await requestsPerAction()) {
    const detail = Object.entries(row.detail).map(([c, k]) => `${c}×${k}`).join(' ');
    console.log(
      `  ${row.action.padEnd(24)} ${String(row.requests).padStart(8)}  ${String(row.rounds).padStart(11)}  ${String(row.own).padStart(18)}  ${String(row.sends).padStart(5)}  ${String(row.unindexed).padStart(9)}  ${row.target.padEnd(13)}  ${detail}`,
    );
  }

  // ── issue 11 boards ──
  console.log('\nboards (活动公告, 青年视角, 话题墙): database requests per action (demo data, warm container, messages included)');
  console.log('  action                            requests  round trips  unindexed');
  for (const r of await benchBoardRequests()) {
    console.log(`  ${r.action.padEnd(32)}  ${String(r.requests).padStart(8)}  ${String(r.rounds).padStart(11)}  ${String(r.unindexed).padStart(9)}`);
  }

  console.log(`\ncommunity actions (issue 11): database requests on the demo data, warm container, ${LATENCY_MS} ms a request`);
  console.log('  action                     requests  round trips  unindexed');
  for (const r of await benchCommunityRequests(LATENCY_MS)) {
    console.log(`  ${r.action.padEnd(25)}  ${String(r.requests).padStart(8)}  ${String(r.rounds).padStart(11)}  ${String(r.unindexed).padStart(9)}`);
  }

  console.log('\nsearch cost as the campus grows (requests must stay flat; time is the local emulator, which scans in memory)');
  console.log('  questions  call                       requests  round trips  documents  unindexed  time');
  for (const total of [1_000, 10_000, 100_000]) {
    for (const r of await benchSearchCostAt(total)) {
      console.log(`  ${String(r.questions).padStart(9)}  ${r.action.padEnd(25)}  ${String(r.requests).padStart(8)}  ${String(r.rounds).padStart(11)}  ${String(r.documents).padStart(9)}  ${String(r.unindexed).padStart(9)}  ${r.ms.toFixed(0)} ms`);
    }
  }

  console.log('\nstatistics as the campus grows (the last 30 days as the school admin; requests must stay flat; time is the local emulator, which scans in memory)');
  console.log('  questions  call                      requests  round trips  rows returned  unindexed  time');
  for (const total of [1_000, 100_000]) {
    for (const r of await benchStatisticsCostAt(total)) {
      console.log(`  ${String(r.questions).padStart(9)}  ${r.action.padEnd(24)}  ${String(r.requests).padStart(8)}  ${String(r.rounds).padStart(11)}  ${String(r.documents).padStart(13)}  ${String(r.unindexed).padStart(9)}  ${r.ms.toFixed(0)} ms`);
    }
  }
  console.log('  (stats.units adds one median request per unit that answered anything, in the same round trip: flat in questions)');

  const due = 20;
  console.log(`\nscheduler tick with ${due} questions due for a reminder (must stay flat as the database grows)`);
  console.log('  questions   requests  per due question  own per due (w/o messages)  round trips  sends  documents  unindexed  tick time (local emulator)');
  for (const total of [1_000, 10_000, 100_000]) {
    const row = await benchSchedulerAt(total, due);
    console.log(
      `  ${String(row.questions).padStart(9)}   ${String(row.requests).padStart(8)}  ${(row.requests / due).toFixed(2).padStart(16)}  ${(row.own / due).toFixed(2).padStart(26)}  ${String(row.rounds).padStart(11)}  ${String(row.sends).padStart(5)}  ${String(row.documents).padStart(9)}  ${String(row.unindexed).padStart(9)}   ${row.tickMs.toFixed(0).padStart(6)} ms`,
    );
  }
  console.log('  (the emulator evaluates queries by scanning in memory, so its tick time grows; in CloudBase the indexed');
  console.log('   queries read what they return, and requests and documents are the figures that carry over)');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
