import tcb from '@cloudbase/node-sdk';
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
 * Database requests per community action (issue 11) on the demo data, warm
 * container (the catalog cached): 同问, follow, like, the message centre, hot
 * tags and experts. The figures `npm run bench` prints beside the others.
 */
export interface CommunityCostRow {
  action: string;
  requests: number;
  rounds: number;
  unindexed: number;
}

export async function benchCommunityRequests(latencyMs = 5): Promise<CommunityCostRow[]> {
  const service = await startDatabaseService(':memory:');
  try {
    applyLocalSdkEnvironment(service.url);
    const app = tcb.init({ env: LOCAL_ENV_ID });
    const db = app.database();
    await provisionCollections(db);
    const now = Date.now();
    await seedDemo(db, now);
    const repos = cloudbaseRepositories(db);
    const handle = createApiHandler({
      actions: apiActions, repos, ids: randomIds, notifier: new OutboxNotifier(db, () => ({ now: () => now }), randomIds),
      contentChecker: new KeywordContentChecker(repos.settings), phoneNumbers: localPhoneNumbers,
      miniProgramCodes: new LocalMiniProgramCodes(db, () => ({ now: () => now }), randomIds), files: new CloudbaseFileStorage(app), settings: readServerConfig({ LOCAL_CLOUD: 'true' }), log: () => {},
    });
    const call = async (openid: string | null, action: string, data: unknown) => {
      const reply = await handle({ action, data }, { openid, clock: { now: () => now } });
      if (!reply.ok) throw new Error(`${action}: ${reply.error.code} ${reply.error.message}`);
      return reply.data as Record<string, any>;
    };
    // A public answered demo question nobody in the bench has touched, and its official answer.
    const feed = await call(null, 'question.listPublic', { pageSize: 50 });
    const target = (feed.items as { id: string; metooCount: number }[]).find((q) => q.metooCount < 5)!;
    const detail = await call('bench-student', 'question.get', { id: target.id });
    const answerId = (detail.answers as { id: string; official: boolean }[]).find((a) => a.official)!.id;

    const rows: CommunityCostRow[] = [];
    service.database.setLatency(latencyMs);
    const measure = async (label: string, openid: string | null, action: string, data: unknown) => {
      service.database.resetStats();
      await call(openid, action, data);
      const s = service.database.stats();
      rows.push({ action: label, requests: s.total, rounds: s.rounds, unindexed: s.unindexed.length });
    };
    await measure('question.metoo (on)', 'bench-student', 'question.metoo', { questionId: target.id });
    await measure('question.metoo (again)', 'bench-student', 'question.metoo', { questionId: target.id });
    await measure('question.metoo (off)', 'bench-student', 'question.metoo', { questionId: target.id, on: false });
    await measure('question.follow', 'bench-student', 'question.follow', { questionId: target.id });
    await measure('answer.like', 'bench-student', 'answer.like', { questionId: target.id, answerId });
    await measure('answer.like (off)', 'bench-student', 'answer.like', { questionId: target.id, answerId, on: false });
    await measure('question.reactions', 'bench-student', 'question.reactions', { questionId: target.id });
    await measure('message.list', 'dev-student-zhang', 'message.list', { pageSize: 20 });
    await measure('message.unread', 'dev-student-zhang', 'message.unread', {});
    await measure('message.markRead (all)', 'dev-student-zhang', 'message.markRead', { all: true });
    await measure('tag.hot', null, 'tag.hot', {});
    await measure('expert.list (ask form)', null, 'expert.list', { collegeId: 'c-cs', categoryId: 'cat-study' });
    await measure('expert.get', null, 'expert.get', { id: 'p-11' });
    // Likes on the boards (the 话题墙 itself is measured in bench-board-requests.ts).
    const topicId = ((await call(null, 'topic.list', {})).items as { id: string }[])[0]!.id;
    const postId = ((await call(null, 'topic.posts', { topicId })).items as { id: string }[])[0]!.id;
    const articleId = ((await call(null, 'article.list', {})).items as { id: string }[])[0]!.id;
    await measure('like.set (take)', 'bench-student', 'like.set', { targetType: 'topicPost', targetId: postId });
    await measure('like.set (take, off)', 'bench-student', 'like.set', { targetType: 'topicPost', targetId: postId, on: false });
    await measure('like.set (article)', 'bench-student', 'like.set', { targetType: 'article', targetId: articleId });
    await measure('like.mine (articles)', 'bench-student', 'like.mine', { targetType: 'article', targetIds: [articleId] });
    await measure('question.ask (expertId)', 'bench-student', 'question.ask', { collegeId: 'c-cs', categoryId: 'cat-study', title: '转专业需要什么条件', content: '想了解一下转专业的条件和时间安排。', expertId: 'p-11' });
    return rows;
  } finally {
    await service.stop();
  }
}

if (require.main === module) {
  benchCommunityRequests().then((rows) => {
    for (const r of rows) console.log(JSON.stringify(r));
  });
}
