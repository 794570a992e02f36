import tcb from '@cloudbase/node-sdk';
import { DEFAULT_CASE_POLICY } from '../shared/domain/case-lifecycle';
import { HOUR_MS } from '../shared/domain/answer-deadline';
import { newTimer } from '../shared/server/use-cases/case-records';
import { randomIds } from '../shared/server/ids';
import { OutboxNotifier } from '../shared/server/adapters/outbox-notifier';
import { cloudbaseRepositories } from '../shared/server/adapters/cloudbase-repositories';
import type { QuestionRecord, TimerRecord } from '../shared/server/ports/records';
import { runTick } from '../shared/server/use-cases/run-tick';
import { applyLocalSdkEnvironment, LOCAL_ENV_ID } from './local-cloud/function-host';
import { startDatabaseService } from './local-cloud/local-cloud';
import { provisionCollections } from './provision';
import { seedDemo } from './seed/seed-demo';

/**
 * The scheduler's cost as the campus grows: N questions in the database, the
 * same D of them due for a reminder. A tick's database requests and the
 * documents its queries return must not grow with N.
 */
export interface SchedulerBenchRow {
  questions: number;
  due: number;
  requests: number;
  documents: number;
  unindexed: number;
  tickMs: number;
}

const TEMPLATES = { reminder: 'local-reminder', escalation: 'local-escalation', reply: 'local-reply', progress: 'local-progress' };

function question(i: number, now: number, due: boolean): QuestionRecord {
  const createdAt = due ? now - 20 * HOUR_MS - 60_000 : now - (30 + (i % 500)) * HOUR_MS;
  return {
    _id: `q-bench-${i}`, askerOpenid: 'dev-student-zhang', askerName: '张晓雨', collegeId: 'c-cs', categoryId: 'cat-study',
    title: `基准测试问题 ${i}`, content: '用于测量调度器在大量问题下的开销。', anonymous: false, urgent: false, visibility: 'public',
    status: due ? 'routed' : 'closed', ownerUnitId: i % 2 ? 'c-cs' : 'c-econ', routeReason: 'college', createdAt,
    deadlineAt: createdAt + 24 * HOUR_MS, answeredAt: due ? null : createdAt + 3 * HOUR_MS, officialAnswerId: null, answerCount: due ? 0 : 1,
    assigneeOpenid: null, escalatedAt: null, rating: null, reopenCount: 0, noticeRequired: false, noticePublishedAt: null, notice: null,
    autoCloseAt: null, version: due ? 0 : 3,
  };
}

export async function benchSchedulerAt(total: number, due: number): Promise<SchedulerBenchRow> {
  const service = await startDatabaseService(':memory:');
  try {
    applyLocalSdkEnvironment(service.url);
    const db = tcb.init({ env: LOCAL_ENV_ID }).database();
    await provisionCollections(db);
    const now = Date.now();
    await seedDemo(db, now - 60 * 24 * HOUR_MS); // the organisation; its own questions long settled

    // Bulk-load straight into the store: the load is not what is measured.
    const questions: QuestionRecord[] = [];
    const timers: TimerRecord[] = [];
    for (let i = 0; i < total; i++) {
      const isDue = i < due;
      const q = question(i, now, isDue);
      questions.push(q);
      if (isDue) timers.push(newTimer(q._id, 'remind', q.deadlineAt - 4 * HOUR_MS), newTimer(q._id, 'escalate', q.deadlineAt));
      else timers.push({ ...newTimer(q._id, 'escalate', q.deadlineAt), state: 'done', finishedAt: q.deadlineAt, outcome: 'no reminder needed: closed' });
    }
    for (const t of service.store.find('timers', { state: 'pending' })) service.store.remove('timers', { _id: t._id }, false);
    service.store.insert('questions', questions);
    service.store.insert('timers', timers);
    await db.collection('subscriptions').doc('dev-cs-expert.local-reminder').update({ credits: 1_000_000 });

    const repos = cloudbaseRepositories(db);
    await repos.catalog.listUnits(); // a warm container has its catalog cached
    await repos.catalog.listCategories();
    service.database.resetStats();
    const started = process.hrtime.bigint();
    await runTick({ repos, notifier: new OutboxNotifier(db, () => ({ now: () => now }), randomIds), templates: TEMPLATES, fallbackWebhooks: {}, ids: randomIds, policy: DEFAULT_CASE_POLICY, now });
    const tickMs = Number(process.hrtime.bigint() - started) / 1e6;
    const stats = service.database.stats();
    return { questions: total, due, requests: stats.total, documents: stats.documents, unindexed: stats.unindexed.length, tickMs };
  } finally {
    await service.stop();
  }
}
