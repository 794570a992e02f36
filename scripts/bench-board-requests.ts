import tcb from '@cloudbase/node-sdk';
import { HOUR_MS } from '../shared/domain/answer-deadline';
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
import { applyLocalSdkEnvironment, LOCAL_ENV_ID } from './local-cloud/function-host';
import { startDatabaseService } from './local-cloud/local-cloud';
import { provisionCollections } from './provision';
import { seedDemo } from './seed/seed-demo';

/**
 * Issue 11's boards (活动公告, 青年视角, 话题墙): database requests per action
 * on the demo data, warm container (catalog cached), messages included. Every
 * query must be served by a declared index (`unindexed` 0).
 */
export interface BoardRequestRow {
  action: string;
  requests: number;
  rounds: number;
  unindexed: number;
}

export async function benchBoardRequests(): Promise<BoardRequestRow[]> {
  const service = await startDatabaseService(':memory:');
  try {
    applyLocalSdkEnvironment(service.url);
    const app = tcb.init({ env: LOCAL_ENV_ID });
    const db = app.database();
    await provisionCollections(db);
    const now = Date.now();
    await seedDemo(db, now);
    const repos = cloudbaseRepositories(db);
    const files = new CloudbaseFileStorage(app);
    const cover = await files.upload('articles/bench-cover.png', Buffer.from('89504e470d0a1a0a', 'hex'));
    const handle = createApiHandler({
      actions: apiActions, repos, ids: randomIds, notifier: new OutboxNotifier(db, () => ({ now: () => now }), randomIds),
      contentChecker: new KeywordContentChecker(repos.settings), phoneNumbers: localPhoneNumbers,
      miniProgramCodes: new LocalMiniProgramCodes(db, () => ({ now: () => now }), randomIds), files, settings: readServerConfig({ LOCAL_CLOUD: 'true' }), log: () => {},
    });
    const call = async (openid: string | null, action: string, data: unknown, at = now) => {
      const reply = await handle({ action, data }, { openid, clock: { now: () => at } });
      if (!reply.ok) throw new Error(`${action}: ${reply.error.code} ${reply.error.message}`);
      return reply.data as Record<string, any>;
    };
    const rows: BoardRequestRow[] = [];
    const measure = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
      service.database.resetStats();
      const result = await work();
      const s = service.database.stats();
      rows.push({ action: label, requests: s.total, rounds: s.rounds, unindexed: s.unindexed.length });
      return result;
    };
    // Warm the container's catalog cache, as a live container has it.
    await call(null, 'activity.list', {});

    const activity = { unitId: 'c-cs', title: '学业答疑面对面', body: '邀请学业导师面对面答疑，欢迎报名参加。', place: '信息楼 201', startAt: now + 48 * HOUR_MS, endAt: now + 50 * HOUR_MS, capacity: 1, signUpDeadline: now + 24 * HOUR_MS };
    const { id } = await measure('activity.create', () => call('dev-cs-league', 'activity.create', activity));
    await measure('activity.create (2 questions)', () => call('dev-cs-league', 'activity.create', { ...activity, title: '考研经验分享', questionIds: ['q-demo-014', 'q-demo-001'] }));
    await measure('activity.list', () => call(null, 'activity.list', {}));
    await measure('activity.get', () => call('dev-student-zhang', 'activity.get', { id: 'act-demo-career' }));
    await measure('activity.signUp (seat)', () => call('dev-student-zhang', 'activity.signUp', { activityId: id }));
    await measure('activity.signUp (waiting)', () => call('dev-student-li', 'activity.signUp', { activityId: id }));
    await measure('activity.cancel (promotes)', () => call('dev-student-zhang', 'activity.cancel', { activityId: id }));
    const { checkInCode } = await measure('activity.attendees', () => call('dev-cs-league', 'activity.attendees', { activityId: id }));
    await measure('activity.checkIn', () => call('dev-student-li', 'activity.checkIn', { activityId: id, code: checkInCode }, now + 48 * HOUR_MS));

    const { id: articleId } = await measure('article.publish', () => call('dev-cs-league', 'article.publish', { unitId: 'c-cs', title: '在代码里读懂青春', coverFileId: cover, body: '实验室的灯常常亮到凌晨，队员们轮流讲题，把做错的题目写在白板上一道一道地复盘。'.repeat(2) }));
    await measure('article.list', () => call(null, 'article.list', {}));
    await measure('article.get', () => call(null, 'article.get', { id: articleId }));
    await measure('article.hide', () => call('dev-coordinator', 'article.hide', { articleId, hidden: true, reason: '测试撤下' }));

    const { id: topicId } = await measure('topic.create', () => call('dev-cs-league', 'topic.create', { unitId: 'c-cs', title: '你心中的理想学院', description: '说说你希望学院的学习生活有哪些改变。' }));
    await measure('topic.list', () => call(null, 'topic.list', {}));
    await measure('topic.get', () => call('dev-student-zhang', 'topic.get', { id: topicId }));
    const { id: postId } = await measure('topic.post', () => call('dev-student-zhang', 'topic.post', { topicId, content: '希望自习室晚上开到十二点', anonymous: true }));
    await measure('topic.posts', () => call(null, 'topic.posts', { topicId: 'tp-demo-campus' }));
    const { id: commentId } = await measure('topic.comment', () => call('dev-student-li', 'topic.comment', { postId, content: '同意' }));
    await measure('topic.pin', () => call('dev-cs-league', 'topic.pin', { topicId, pinned: true }));
    await measure('topic.close', () => call('dev-cs-league', 'topic.close', { topicId, closed: true }));
    await measure('topic.hide (comment)', () => call('dev-cs-league', 'topic.hide', { postId, commentId, hidden: true, reason: '测试隐藏' }));
    return rows;
  } finally {
    await service.stop();
  }
}

if (require.main === module) {
  (async () => {
    for (const r of await benchBoardRequests()) console.log(JSON.stringify(r));
  })();
}
