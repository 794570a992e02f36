import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { HOUR_MS } from '../shared/domain/answer-deadline';
import { PUBLISHED } from '../shared/domain/moderation';
import { corpusStatsOf, indexQuestion } from '../shared/domain/search/search-index';
import { cloudbaseRepositories } from '../shared/server/adapters/cloudbase-repositories';
import { KeywordContentChecker } from '../shared/server/adapters/keyword-content-checker';
import { OutboxNotifier } from '../shared/server/adapters/outbox-notifier';
import { localPhoneNumbers } from '../shared/server/adapters/phone-numbers';
import { LocalMiniProgramCodes } from '../shared/server/adapters/local-miniprogram-codes';
import { CloudbaseFileStorage } from '../shared/server/adapters/cloudbase-file-storage';
import { createApiHandler } from '../shared/server/api/api-handler';
import { apiActions } from '../shared/server/api/action-table';
import { readServerConfig } from '../shared/server/config';
import { randomIds } from '../shared/server/ids';
import type { QuestionRecord } from '../shared/server/ports/records';
import { applyLocalSdkEnvironment, LOCAL_ENV_ID } from './local-cloud/function-host';
import { ROOT, startDatabaseService } from './local-cloud/local-cloud';
import { provisionCollections } from './provision';
import { seedDemo } from './seed/seed-demo';

/**
 * What search costs as the campus grows: N answered public questions (titles
 * from LCQMC/BQ sentences read at bench time, never stored in the project),
 * the demo's campus-card repeats among them. Requests per call must stay flat
 * from 1 000 to 100 000; the time is the local emulator's (it scans in memory).
 */
export interface SearchCostRow {
  questions: number;
  action: string;
  requests: number;
  rounds: number;
  documents: number;
  unindexed: number;
  ms: number;
}

function titles(): string[] {
  const path = join(ROOT, '..', 'shared', 'data', 'lcqmc', 'test.txt');
  if (!existsSync(path)) return [];
  return [...new Set(readFileSync(path, 'utf8').split('\n').flatMap((l) => l.split('\t').slice(0, 2)).filter((s) => s.trim().length >= 4))];
}

function question(i: number, title: string, now: number): QuestionRecord {
  const createdAt = now - (48 + (i % 2000)) * HOUR_MS;
  const answer = '请到相关部门咨询办理。';
  return {
    _id: `q-bench-${i}`, askerOpenid: 'dev-student-zhang', askerName: '张晓雨', collegeId: 'c-cs', categoryId: 'cat-other', title, content: title,
    anonymous: false, urgent: false, visibility: 'public', ownerUnitId: 'c-cs', routeReason: 'college', createdAt, deadlineAt: createdAt + 24 * HOUR_MS,
    askRequestHash: null, moderation: PUBLISHED, crisis: false, status: 'closed', answeredAt: createdAt + HOUR_MS, officialAnswerId: `a-bench-${i}`, answerCount: 1,
    assigneeOpenid: null, escalatedAt: null, rating: null, reopenCount: 0, noticeRequired: false, noticePublishedAt: null, notice: null, autoCloseAt: null,
    reopenedAt: null, closedAt: createdAt + 8 * 24 * HOUR_MS, noticeModeration: null, reportIds: [], moderationPendingAt: null, anonymisedAt: null,
    search: indexQuestion({ title, content: title, answer }), faqId: null, typicalCase: null, version: 3, updatedAt: createdAt + 8 * 24 * HOUR_MS, timeline: [],
    answers: [{ id: `a-bench-${i}`, responderOpenid: 'dev-cs-expert', responderName: '任智宇', unitId: 'c-cs', team: 'expert', content: answer, createdAt: createdAt + HOUR_MS, requestHash: null, moderation: PUBLISHED }],
    remindedUpTo: null, noticeReminderAt: null, noticeReminderRound: 0, nextWorkAt: null, outbox: [], outboxDueAt: null,
  };
}

export async function benchSearchCostAt(total: number): Promise<SearchCostRow[]> {
  const service = await startDatabaseService(':memory:');
  try {
    applyLocalSdkEnvironment(service.url);
    const app = tcb.init({ env: LOCAL_ENV_ID });
    const db = app.database();
    await provisionCollections(db);
    const now = Date.now();
    await seedDemo(db, now);
    const source = titles();
    const questions: QuestionRecord[] = [];
    for (let i = 0; i < total; i++) questions.push(question(i, source[i % Math.max(source.length, 1)] ?? `问题 ${i}`, now));
    service.store.insert('questions', questions);
    // The statistics as the api keeps them, over every public question.
    const all = service.store.find('questions', { visibility: 'public' }) as unknown as QuestionRecord[];
    service.store.update('searchStats', { _id: 'questions' }, { $set: corpusStatsOf(all.flatMap((q) => (q.search ? [q.search] : []))) }, { multi: false, merge: true, upsert: true });

    const repos = cloudbaseRepositories(db);
    const handle = createApiHandler({
      actions: apiActions, repos, ids: randomIds, notifier: new OutboxNotifier(db, () => ({ now: () => now }), randomIds),
      contentChecker: new KeywordContentChecker(repos.settings), phoneNumbers: localPhoneNumbers,
      miniProgramCodes: new LocalMiniProgramCodes(db, () => ({ now: () => now }), randomIds), files: new CloudbaseFileStorage(app), settings: readServerConfig({ LOCAL_CLOUD: 'true' }), log: () => {},
    });
    const rows: SearchCostRow[] = [];
    service.database.setLatency(5);
    const measure = async (label: string, action: string, data: unknown) => {
      service.database.resetStats();
      const started = process.hrtime.bigint();
      const reply = await handle({ action, data }, { openid: 'dev-student-li', clock: { now: () => now } });
      if (!reply.ok) throw new Error(`${action}: ${reply.error.code} ${reply.error.message}`);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const s = service.database.stats();
      rows.push({ questions: total, action: label, requests: s.total, rounds: s.rounds, documents: s.documents, unindexed: s.unindexed.length, ms });
    };
    await measure('question.similar (cold)', 'question.similar', { text: '校园卡丢了去哪补办' });
    await measure('question.similar (warm)', 'question.similar', { text: '一卡通掉了怎么补卡' });
    await measure('search.questions (warm)', 'search.questions', { query: '校园卡 补办' });
    await measure('category.suggest (warm)', 'category.suggest', { text: '饭卡丢了要怎么补' });
    return rows;
  } finally {
    await service.stop();
  }
}

if (require.main === module) {
  (async () => {
    for (const n of [1_000, 10_000]) for (const r of await benchSearchCostAt(n)) console.log(JSON.stringify(r));
  })();
}
