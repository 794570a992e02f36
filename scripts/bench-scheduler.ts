import { PUBLISHED } from '../shared/domain/moderation';
import tcb from '@cloudbase/node-sdk';
import { DEFAULT_CASE_POLICY } from '../shared/domain/case-lifecycle';
import { DEFAULT_REMINDER_OFFSETS_HOURS, HOUR_MS } from '../shared/domain/answer-deadline';
import { randomIds } from '../shared/server/ids';
import { DEFAULT_RETENTION_DAYS } from '../shared/domain/privacy';
import { OutboxNotifier } from '../shared/server/adapters/outbox-notifier';
import { cloudbaseRepositories } from '../shared/server/adapters/cloudbase-repositories';
import type { QuestionRecord } from '../shared/server/ports/records';
import { newQuestionRecord } from '../shared/server/use-cases/question-changes';
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
  /** Requests other than credits and message records. */
  own: number;
  rounds: number;
  sends: number;
  documents: number;
  unindexed: number;
  tickMs: number;
}

const TEMPLATES = { reminder: 'local-reminder', escalation: 'local-escalation', reply: 'local-reply', progress: 'local-progress' };

const SETTINGS = { casePolicy: DEFAULT_CASE_POLICY, reminderOffsetsHours: DEFAULT_REMINDER_OFFSETS_HOURS, retentionDays: DEFAULT_RETENTION_DAYS };

/** A question 20 hours old (its 4-hours-left reminder due), or a long-closed one. */
function question(i: number, now: number, due: boolean): QuestionRecord {
  const createdAt = due ? now - 20 * HOUR_MS - 60_000 : now - (30 + (i % 500)) * HOUR_MS;
  const asked = newQuestionRecord(
    {
      _id: `q-bench-${i}`, askerOpenid: 'dev-student-zhang', askerName: '张晓雨', collegeId: 'c-cs', categoryId: 'cat-study',
      title: `基准测试问题 ${i}`, content: '用于测量调度器在大量问题下的开销。', anonymous: false, urgent: false, visibility: 'public',
      ownerUnitId: i % 2 ? 'c-cs' : 'c-econ', routeReason: 'college', createdAt, deadlineAt: createdAt + 24 * HOUR_MS, askRequestHash: null,
      moderation: PUBLISHED, crisis: false,
    },
    { reason: '按学院', unitName: '学院团委' },
    SETTINGS,
  );
  if (due) return asked;
  return { ...asked, status: 'closed', answeredAt: createdAt + 3 * HOUR_MS, answerCount: 1, version: 3, nextWorkAt: null };
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
    for (let i = 0; i < total; i++) questions.push(question(i, now, i < due));
    // The demo's own questions are not what is measured: nothing of theirs is due.
    service.store.update('questions', {}, { $set: { nextWorkAt: null, outboxDueAt: null } }, { multi: true, merge: true, upsert: false });
    service.store.insert('questions', questions);
    await db.collection('subscriptions').doc('dev-cs-expert.local-reminder').update({ credits: 1_000_000 });

    const repos = cloudbaseRepositories(db);
    await repos.catalog.listUnits(); // a warm container has its catalog cached
    await repos.catalog.listCategories();
    service.database.setLatency(5);
    service.database.resetStats();
    const started = process.hrtime.bigint();
    await runTick({ repos, notifier: new OutboxNotifier(db, () => ({ now: () => now }), randomIds), templates: TEMPLATES, fallbackWebhooks: {}, settings: SETTINGS, now, ids: randomIds });
    const tickMs = Number(process.hrtime.bigint() - started) / 1e6;
    const stats = service.database.stats();
    const messages = (stats.byCollection.subscriptions ?? 0) + (stats.byCollection.notifications ?? 0);
    return { questions: total, due, requests: stats.total, own: stats.total - messages, rounds: stats.rounds, sends: stats.sends, documents: stats.documents, unindexed: stats.unindexed.length, tickMs };
  } finally {
    await service.stop();
  }
}
