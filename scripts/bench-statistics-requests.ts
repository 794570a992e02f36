import tcb from '@cloudbase/node-sdk';
import { HOUR_MS } from '../shared/domain/answer-deadline';
import { PUBLISHED } from '../shared/domain/moderation';
import { cloudbaseRepositories } from '../shared/server/adapters/cloudbase-repositories';
import { KeywordContentChecker } from '../shared/server/adapters/keyword-content-checker';
import { CloudbaseFileStorage } from '../shared/server/adapters/cloudbase-file-storage';
import { LocalMiniProgramCodes } from '../shared/server/adapters/local-miniprogram-codes';
import { OutboxNotifier } from '../shared/server/adapters/outbox-notifier';
import { localPhoneNumbers } from '../shared/server/adapters/phone-numbers';
import { createApiHandler } from '../shared/server/api/api-handler';
import { apiActions } from '../shared/server/api/action-table';
import { readServerConfig } from '../shared/server/config';
import { randomIds } from '../shared/server/ids';
import type { QuestionRecord, TimelineRecord } from '../shared/server/ports/records';
import { applyLocalSdkEnvironment, LOCAL_ENV_ID } from './local-cloud/function-host';
import { startDatabaseService } from './local-cloud/local-cloud';
import { provisionCollections } from './provision';
import { seedDemo } from './seed/seed-demo';

/**
 * What the statistics cost as the campus grows: N questions spread over the
 * last 180 days across the demo's answering units (most answered, some late,
 * some escalated, some rated, a few typical cases), then stats.overview,
 * stats.units and stats.people for the last 30 days as the school admin.
 * Requests per call must stay flat from 1 000 to 100 000 questions (they are
 * aggregations the database groups); the time is the local emulator's, which
 * scans in memory where CloudBase reads an index.
 */
export interface StatsCostRow {
  questions: number;
  action: string;
  requests: number;
  rounds: number;
  /** Rows the database returned (grouped results, not the questions counted). */
  documents: number;
  unindexed: number;
  ms: number;
}

const UNITS = ['u-school', 'c-cs', 'c-econ', 'c-fl', 'c-me', 'c-med', 'c-hum', 'd-academic', 'd-student', 'd-logistics', 'd-security'];
const RESPONDERS: Record<string, { openid: string; name: string }> = {
  'u-school': { openid: 'dev-union-peer', name: '靳嘉麟' },
  'c-cs': { openid: 'dev-cs-expert', name: '任智宇' },
  'c-econ': { openid: 'dev-econ-expert', name: '詹来明' },
  'c-fl': { openid: 'dev-fl-league', name: '桂平静' },
  'c-me': { openid: 'dev-me-league', name: '李哲' },
  'c-med': { openid: 'dev-med-league', name: '张少辉' },
  'c-hum': { openid: 'dev-hum-league', name: '王丹' },
  'd-academic': { openid: 'dev-academic', name: '宋姗姗' },
  'd-student': { openid: 'dev-student-affairs', name: '陈家位' },
  'd-logistics': { openid: 'dev-logistics', name: '夏晶' },
  'd-security': { openid: 'dev-security', name: '王美玲' },
};

function event(id: string, type: TimelineRecord['type'], at: number, unitId: string, version: number, actor = { openid: '', name: '系统' }): TimelineRecord {
  return { id, type, actorOpenid: actor.openid, actorName: actor.name, actorRole: actor.openid ? 'responder' : 'system', at, fromStatus: null, toStatus: null, unitId, reason: null, version, answerId: null, request: null };
}

/** A question of the synthetic campus: deterministic in `i`. */
function question(i: number, now: number): QuestionRecord {
  const unitId = UNITS[i % UNITS.length]!;
  const responder = RESPONDERS[unitId]!;
  const createdAt = now - ((i * 7919) % (180 * 24 * 60)) * 60_000 - HOUR_MS;
  const deadlineAt = createdAt + 24 * HOUR_MS;
  const answered = i % 10 !== 0;
  const late = i % 13 === 0;
  const answeredAt = answered ? createdAt + (late ? 30 * HOUR_MS : ((i * 37) % 1200) * 60_000 + 60_000) : null;
  const status: QuestionRecord['status'] = !answered ? 'routed' : now - answeredAt! > 7 * 24 * HOUR_MS ? 'closed' : i % 7 === 0 ? 'handling' : 'answered';
  const timeline: TimelineRecord[] = [event('v0', 'ask', createdAt, unitId, 0, { openid: 'dev-student-zhang', name: '张晓雨' })];
  if ((late || !answered) && deadlineAt <= now) timeline.push(event('v1', 'escalate', deadlineAt, unitId, 1));
  if (answered) timeline.push({ ...event(`v${timeline.length}`, 'answer', answeredAt!, unitId, timeline.length, responder), answerId: `a-bench-${i}` });
  const rated = answered && i % 5 === 0;
  return {
    _id: `q-stats-${i}`, askerOpenid: 'dev-student-zhang', askerName: '张晓雨', collegeId: 'c-cs', categoryId: 'cat-other', title: `统计基准问题 ${i}`, content: '用于统计的问题内容。',
    anonymous: false, urgent: false, visibility: 'public', ownerUnitId: unitId, routeReason: 'college', createdAt, deadlineAt, askRequestHash: null, moderation: PUBLISHED, crisis: false,
    status, answeredAt, officialAnswerId: answered ? `a-bench-${i}` : null, answerCount: answered ? 1 : 0, assigneeOpenid: null,
    escalatedAt: !answered && deadlineAt <= now ? deadlineAt : null, rating: rated ? { satisfied: i % 3 !== 0, comment: '', at: answeredAt! + HOUR_MS } : null,
    reopenCount: 0, noticeRequired: false, noticePublishedAt: null, notice: null, autoCloseAt: null, reopenedAt: null, closedAt: status === 'closed' ? answeredAt! + 7 * 24 * HOUR_MS : null,
    noticeModeration: null, reportIds: [], moderationPendingAt: null, anonymisedAt: null, search: null, faqId: null,
    typicalCase: answered && i % 200 === 0 ? { kind: i % 400 === 0 ? 'offline' : 'online', writeUp: '基准测试的典型案例说明。', markedAt: answeredAt! + HOUR_MS, markedByOpenid: responder.openid, markedByName: responder.name, unitId } : null,
    version: timeline.length, updatedAt: answeredAt ?? createdAt, timeline,
    answers: answered ? [{ id: `a-bench-${i}`, responderOpenid: responder.openid, responderName: responder.name, unitId, team: 'expert', content: '基准测试的答复。', createdAt: answeredAt!, requestHash: null, moderation: PUBLISHED }] : [],
    remindedUpTo: null, noticeReminderAt: null, noticeReminderRound: 0, nextWorkAt: null, outbox: [], outboxDueAt: null,
  };
}

export async function benchStatisticsCostAt(total: number): Promise<StatsCostRow[]> {
  const service = await startDatabaseService(':memory:');
  try {
    applyLocalSdkEnvironment(service.url);
    const app = tcb.init({ env: LOCAL_ENV_ID });
    const db = app.database();
    await provisionCollections(db);
    const now = Date.now();
    await seedDemo(db, now);
    for (let start = 0; start < total; start += 10_000) {
      const batch: QuestionRecord[] = [];
      for (let i = start; i < Math.min(total, start + 10_000); i++) batch.push(question(i, now));
      service.store.insert('questions', batch);
    }
    const repos = cloudbaseRepositories(db);
    const handle = createApiHandler({
      actions: apiActions, repos, ids: randomIds, notifier: new OutboxNotifier(db, () => ({ now: () => now }), randomIds),
      contentChecker: new KeywordContentChecker(repos.settings), phoneNumbers: localPhoneNumbers,
      miniProgramCodes: new LocalMiniProgramCodes(db, () => ({ now: () => now }), randomIds), files: new CloudbaseFileStorage(app),
      settings: readServerConfig({ LOCAL_CLOUD: 'true' }), log: () => {},
    });
    const rows: StatsCostRow[] = [];
    service.database.setLatency(5);
    const measure = async (label: string, action: string, data: unknown) => {
      service.database.resetStats();
      const started = process.hrtime.bigint();
      const reply = await handle({ action, data }, { openid: 'dev-admin', clock: { now: () => now } });
      if (!reply.ok) throw new Error(`${action}: ${reply.error.code} ${reply.error.message}`);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const s = service.database.stats();
      rows.push({ questions: total, action: label, requests: s.total, rounds: s.rounds, documents: s.documents, unindexed: s.unindexed.length, ms });
    };
    // The first call also reads the catalog (units, categories), cached per container for a minute.
    await measure('stats.overview (cold)', 'stats.overview', {});
    await measure('stats.overview (warm)', 'stats.overview', {});
    await measure('stats.units (warm)', 'stats.units', {});
    await measure('stats.people (warm)', 'stats.people', {});
    return rows;
  } finally {
    await service.stop();
  }
}

if (require.main === module) {
  (async () => {
    const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
    for (const n of sizes.length > 0 ? sizes : [1_000, 100_000]) for (const r of await benchStatisticsCostAt(n)) console.log(JSON.stringify(r));
  })().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
