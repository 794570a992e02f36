import { answerDeadline, HOUR_MS, reminderDueTimes, DEFAULT_REMINDER_OFFSETS_HOURS } from '../../shared/domain/answer-deadline';
import { DEFAULT_CASE_POLICY, type Actor, type CaseAction } from '../../shared/domain/case-lifecycle';
import { nextWorkAt } from '../../shared/domain/case-schedule';
import { DEFAULT_RETENTION_DAYS } from '../../shared/domain/privacy';
import { moderationAfterCheck, PUBLISHED } from '../../shared/domain/moderation';
import { halfMonthStart } from '../../shared/domain/half-month';
import { corpusStatsOf, indexQuestion } from '../../shared/domain/search/search-index';
import { cloudbaseRepositories } from '../../shared/server/adapters/cloudbase-repositories';
import { randomIds } from '../../shared/server/ids';
import { runFaqGrouping } from '../../shared/server/use-cases/faq';
import { BUILT_IN_WORDS } from '../../shared/server/adapters/keyword-content-checker';
import { ROUTE_REASON_LABELS, routeQuestion } from '../../shared/domain/route-question';
import { CASE_KIND_LABELS } from '../../shared/domain/typical-case';
import { latestGenerationAtOrBefore } from '../../shared/domain/report-period';
import type { Database } from '../../shared/server/adapters/cloudbase';
import { COLLECTIONS } from '../../shared/server/collections';
import type { AnswerRecord, ModerationWordsRecord, QuestionRecord, SearchStatsRecord, SubscriptionRecord } from '../../shared/server/ports/records';
import { composeChange, newQuestionRecord, planTransition, scheduleFactsOf, SYSTEM_ACTOR, type ChangeSettings, type PlannedChange } from '../../shared/server/use-cases/question-changes';
import { resolveViewer } from '../../shared/server/use-cases/viewer';
import { DEMO_CATEGORIES, DEMO_SUBSCRIPTIONS, DEMO_UNITS, DEMO_USERS, demoInvitations } from './demo-organisation';
import { DEMO_QUESTIONS } from './demo-questions';
import { demoBoards } from './demo-boards';
import { buildDemoCommunity } from './demo-community';
import { refreshBoards } from '../../shared/server/use-cases/boards';

/**
 * Writes the demo university through the CloudBase SDK (so it works against the
 * local cloud and a real environment alike). Routing, deadlines and every
 * lifecycle step go through the same rules and the same change planner the
 * functions use, so the demo can only contain states the product can reach.
 * Does nothing when units already exist.
 */
export interface SeedResult {
  seeded: boolean;
  questions: number;
  answers: number;
}

const SETTINGS: ChangeSettings = { casePolicy: DEFAULT_CASE_POLICY, reminderOffsetsHours: DEFAULT_REMINDER_OFFSETS_HOURS, retentionDays: DEFAULT_RETENTION_DAYS };
const unitName = (id: string) => DEMO_UNITS.find((u) => u._id === id)?.name ?? '未知单位';

export function buildDemoRecords(now: number) {
  const units = DEMO_UNITS.map((u) => ({ id: u._id, kind: u.kind, parentId: u.parentId }));
  const users = new Map(DEMO_USERS.map((u) => [u.openid, u]));
  const questions: QuestionRecord[] = [];

  DEMO_QUESTIONS.forEach((dq, index) => {
    const id = `q-demo-${String(index + 1).padStart(3, '0')}`;
    const category = DEMO_CATEGORIES.find((c) => c._id === dq.categoryId);
    if (!category) throw new Error(`demo question ${id} has unknown category ${dq.categoryId}`);
    const crisisUnit = DEMO_CATEGORIES.find((c) => c.crisisLane)?.ownerUnitId;
    const route = dq.crisis && crisisUnit
      ? { unitId: crisisUnit, reason: 'crisis' as const }
      : routeQuestion({ category: { id: category._id, ownerUnitId: category.ownerUnitId }, collegeId: dq.collegeId, units });
    const createdAt = Math.round(dq.askedHoursBeforeHalfMonth !== undefined ? halfMonthStart(now) - dq.askedHoursBeforeHalfMonth * HOUR_MS : now - dq.askedHoursAgo * HOUR_MS);
    const hoursIn = (h: number) => Math.round(createdAt + h * HOUR_MS);
    const asker = users.get(dq.asker);
    if (!asker) throw new Error(`demo question ${id} has unknown asker ${dq.asker}`);
    const urgent = (dq.urgent ?? false) || dq.crisis === true;
    let q = newQuestionRecord(
      {
        _id: id,
        askerOpenid: dq.asker,
        askerName: asker.name,
        collegeId: dq.collegeId,
        categoryId: category._id,
        title: dq.title,
        content: dq.content,
        anonymous: dq.anonymous ?? false,
        urgent,
        visibility: dq.crisis ? 'private' : dq.visibility ?? 'public',
        ownerUnitId: route.unitId,
        routeReason: route.reason,
        createdAt,
        deadlineAt: answerDeadline(createdAt, urgent, { answerHours: category.answerHours }),
        askRequestHash: null,
        moderation: dq.held ? moderationAfterCheck('review', dq.held, createdAt) : PUBLISHED,
        crisis: dq.crisis === true,
      },
      { reason: ROUTE_REASON_LABELS[route.reason], unitName: unitName(route.unitId) },
      SETTINGS,
    );
    const apply = (planned: PlannedChange) => {
      q = planned.after;
    };
    const person = (openid: string): Actor => ({ kind: 'person', viewer: resolveViewer(openid, users.get(openid) ?? null) });
    const who = (openid: string) => ({ openid, name: users.get(openid)?.name ?? '', request: null });
    /** One lifecycle step through the domain rules; a demo that breaks them fails loudly. */
    const step = (action: CaseAction, actor: Actor, at: number, options: { answer?: AnswerRecord } = {}) => {
      const plan = planTransition(q, action, actor, actor.kind === 'person' ? who(actor.viewer.openid) : SYSTEM_ACTOR, at, SETTINGS, { ...options, unitName });
      if (!plan.ok) throw new Error(`demo question ${id}: ${action.type} refused: ${plan.message}`);
      if (!plan.planned) throw new Error(`demo question ${id}: ${action.type} changes nothing`);
      apply(plan.planned);
    };

    const replies = [...(dq.answer ? [dq.answer] : []), ...(dq.followUps ?? [])];
    replies.forEach((reply, r) => {
      const responder = users.get(reply.by);
      if (!responder) throw new Error(`demo answer for ${id} by unknown responder ${reply.by}`);
      const at = hoursIn(reply.afterHours);
      const membership = responder.memberships.find((m) => m.unitId === route.unitId);
      const answer: AnswerRecord = {
        id: `${id}-a${r + 1}`, responderOpenid: responder.openid, responderName: responder.name,
        unitId: route.unitId, team: membership?.team ?? null, content: reply.content, createdAt: at, requestHash: null, moderation: PUBLISHED,
      };
      if (r === 0) step({ type: 'answer', answerId: answer.id }, person(responder.openid), at, { answer });
      else {
        apply(composeChange(q, {
          set: { answerCount: q.answerCount + 1 },
          event: { type: 'reply', actorOpenid: responder.openid, actorName: responder.name, actorRole: 'responder', at, fromStatus: q.status, toStatus: q.status, unitId: route.unitId, reason: null, answerId: answer.id, request: null },
          answers: [answer],
          unitName,
        }, at, SETTINGS));
      }
    });

    const handler = dq.answer ? dq.answer.by : '';
    if (dq.handling) {
      step({ type: 'startHandling', note: dq.handling.note }, person(handler), hoursIn(dq.handling.afterHours));
      for (const p of dq.handling.progress ?? []) step({ type: 'addProgress', note: p.note }, person(handler), hoursIn(p.afterHours));
      if (dq.handling.resolved) step({ type: 'resolve', note: dq.handling.resolved.note }, person(handler), hoursIn(dq.handling.resolved.afterHours));
    }
    if (dq.notice) step({ type: 'publishNotice', notice: dq.notice.text }, person(handler), hoursIn(dq.notice.afterHours));
    if (dq.rating) {
      const { satisfied, comment } = dq.rating;
      step({ type: 'rate', satisfied, comment }, person(asker.openid), hoursIn(dq.rating.afterHours));
    }
    if (dq.typicalCase) {
      // 案例报送, as case.mark writes it: the mark on the question and an internal step on its timeline.
      const c = dq.typicalCase;
      const by = users.get(c.by);
      if (!by) throw new Error(`demo case for ${id} marked by unknown person ${c.by}`);
      const at = hoursIn(c.afterHours);
      apply(composeChange(q, {
        set: { typicalCase: { kind: c.kind, writeUp: c.writeUp, markedAt: at, markedByOpenid: by.openid, markedByName: by.name, unitId: q.ownerUnitId } },
        event: { type: 'markCase', actorOpenid: by.openid, actorName: by.name, actorRole: 'responder', at, fromStatus: q.status, toStatus: q.status, unitId: q.ownerUnitId, reason: `${CASE_KIND_LABELS[c.kind]}：${c.writeUp}`, answerId: null, request: null },
        unitName,
      }, at, SETTINGS));
    }
    if ((q.status === 'answered' || q.status === 'resolved') && q.autoCloseAt !== null && q.autoCloseAt <= now) {
      step({ type: 'autoClose' }, { kind: 'system' }, q.autoCloseAt);
    }
    if (q.status === 'routed' && q.deadlineAt <= now) step({ type: 'escalate' }, { kind: 'system' }, q.deadlineAt);
    // The past already happened in the demo: reminders that fell due before now are not owed, and no message is.
    const pastReminders = reminderDueTimes(q.createdAt, q.deadlineAt, SETTINGS.reminderOffsetsHours).filter((t) => t <= now);
    const remindedUpTo = q.status === 'routed' && pastReminders.length > 0 ? pastReminders[pastReminders.length - 1]! : q.remindedUpTo;
    // Found by search as the api indexes it: the title, the details and the published official answer.
    const official = q.answers.find((a) => a.id === q.officialAnswerId);
    const search = q.visibility === 'public' ? indexQuestion({ title: q.title, content: q.content, answer: official?.content }) : null;
    const settled: QuestionRecord = { ...q, remindedUpTo, outbox: [], outboxDueAt: null, search };
    questions.push({ ...settled, nextWorkAt: nextWorkAt(scheduleFactsOf(settled), SETTINGS) });
  });

  // The school's own word list: the built-in one and a word of its own, as an admin would keep it.
  const words: ModerationWordsRecord = { _id: 'moderation-words', block: [...BUILT_IN_WORDS.block], review: [...BUILT_IN_WORDS.review, '代课'], updatedAt: now };
  const stats = corpusStatsOf(questions.flatMap((q) => (q.search ? [q.search] : [])));
  const searchStats: SearchStatsRecord = { _id: 'questions', ...stats };
  // Issue 11 boards: the questions the demo activity grew from link to it.
  const boards = demoBoards(now, questions);
  for (const link of boards.linked) {
    const q = questions.find((x) => x._id === link.id)!;
    q.activityIds = [link.activityId];
  }
  const community = buildDemoCommunity(questions, now);
  const withCounts = questions.map((q) => ({ ...q, ...(community.counts.get(q._id) ?? {}) }));
  return {
    boards,
    units: DEMO_UNITS,
    categories: DEMO_CATEGORIES,
    users: DEMO_USERS,
    invitations: demoInvitations(now),
    questions: withCounts,
    reactions: community.reactions,
    counters: community.counters,
    notifications: community.notifications,
    subscriptions: demoSubscriptions(now),
    settings: [words],
    searchStats: [searchStats],
  };
}

function demoSubscriptions(now: number): SubscriptionRecord[] {
  return DEMO_SUBSCRIPTIONS.map((s) => ({ _id: `${s.openid}.${s.templateId}`, openid: s.openid, templateId: s.templateId, credits: s.credits, updatedAt: now }));
}

async function addAll(db: Database, collection: string, docs: object[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 50) await db.collection(collection).add(docs.slice(i, i + 50));
}

export async function seedDemo(db: Database, now: number): Promise<SeedResult> {
  const existing = await db.collection(COLLECTIONS.units.name).count();
  if (existing.total > 0) return { seeded: false, questions: 0, answers: 0 };
  const records = buildDemoRecords(now);
  await addAll(db, COLLECTIONS.units.name, records.units);
  await addAll(db, COLLECTIONS.categories.name, records.categories);
  await addAll(db, COLLECTIONS.users.name, records.users);
  await addAll(db, COLLECTIONS.invitations.name, records.invitations);
  await addAll(db, COLLECTIONS.questions.name, records.questions);
  await addAll(db, COLLECTIONS.subscriptions.name, records.subscriptions);
  await addAll(db, COLLECTIONS.settings.name, records.settings);
  await addAll(db, COLLECTIONS.searchStats.name, records.searchStats);
  // ── issue 11 boards ──
  await addAll(db, COLLECTIONS.activities.name, records.boards.activities);
  await addAll(db, COLLECTIONS.articles.name, records.boards.articles);
  await addAll(db, COLLECTIONS.unitPublishing.name, records.boards.publishing);
  await addAll(db, COLLECTIONS.topics.name, records.boards.topics);
  await addAll(db, COLLECTIONS.topicPosts.name, records.boards.posts);
  // The coordinator's queue of repeats: the last half month grouped as the scheduler groups it.
  await db.collection(COLLECTIONS.searchMeta.name).add({ _id: 'faq-grouping', next: previousHalfMonth(now) });
  await runFaqGrouping({ repos: cloudbaseRepositories(db), ids: randomIds, now });
  // The biweekly calendar as a campus running since before the last 12th or 26th has it: the scheduler's
  // first tick writes that period's reports (双周报), so the demo has reports to read, fill in and submit.
  await db.collection(COLLECTIONS.reportCalendar.name).add({ _id: 'biweekly', next: latestGenerationAtOrBefore(now) });
  // ── issue 11 community: 同问, follows, likes, the message history ──
  await addAll(db, COLLECTIONS.reactions.name, records.reactions);
  await addAll(db, COLLECTIONS.counters.name, records.counters);
  await addAll(db, COLLECTIONS.notifications.name, records.notifications);
  // 热点标签 and the experts' figures, as the scheduler computes them.
  await refreshBoards({ repos: cloudbaseRepositories(db), now });
  return { seeded: true, questions: records.questions.length, answers: records.questions.reduce((n, q) => n + q.answers.length, 0) };
}

/** The start of the half month before the one holding `now`. */
function previousHalfMonth(now: number): number {
  const current = halfMonthStart(now);
  return halfMonthStart(current - 1);
}
