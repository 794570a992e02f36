import { answerDeadline, HOUR_MS } from '../../shared/domain/answer-deadline';
import { decide, type Actor, type CaseAction } from '../../shared/domain/case-lifecycle';
import { ROUTE_REASON_LABELS, routeQuestion } from '../../shared/domain/route-question';
import { caseFactsOf, newQuestionRecord, nextTimers, toRecordPatch } from '../../shared/server/use-cases/case-records';
import type { Database } from '../../shared/server/adapters/cloudbase';
import { COLLECTIONS } from '../../shared/server/collections';
import type { AnswerRecord, EventRecord, QuestionRecord, SubscriptionRecord, TimerRecord } from '../../shared/server/ports/records';
import { resolveViewer } from '../../shared/server/use-cases/viewer';
import { DEMO_CATEGORIES, DEMO_SUBSCRIPTIONS, DEMO_UNITS, DEMO_USERS } from './demo-organisation';
import { DEMO_QUESTIONS } from './demo-questions';

/**
 * Writes the demo university through the CloudBase SDK (so it works against the
 * local cloud and a real environment alike). Routing, deadlines and every
 * lifecycle step go through the same domain rules the functions use, so the
 * demo can only contain states the product can reach. Does nothing when units
 * already exist.
 */
export interface SeedResult {
  seeded: boolean;
  questions: number;
  answers: number;
}


export function buildDemoRecords(now: number) {
  const units = DEMO_UNITS.map((u) => ({ id: u._id, kind: u.kind, parentId: u.parentId }));
  const users = new Map(DEMO_USERS.map((u) => [u.openid, u]));
  const questions: QuestionRecord[] = [];
  const answers: AnswerRecord[] = [];
  const events: EventRecord[] = [];
  const timers: TimerRecord[] = [];

  DEMO_QUESTIONS.forEach((dq, index) => {
    const id = `q-demo-${String(index + 1).padStart(3, '0')}`;
    const category = DEMO_CATEGORIES.find((c) => c._id === dq.categoryId);
    if (!category) throw new Error(`demo question ${id} has unknown category ${dq.categoryId}`);
    const route = routeQuestion({ category: { id: category._id, ownerUnitId: category.ownerUnitId }, collegeId: dq.collegeId, units });
    const createdAt = Math.round(now - dq.askedHoursAgo * HOUR_MS);
    const hoursIn = (h: number) => Math.round(createdAt + h * HOUR_MS);
    const asker = users.get(dq.asker);
    if (!asker) throw new Error(`demo question ${id} has unknown asker ${dq.asker}`);
    const urgent = dq.urgent ?? false;
    let q = newQuestionRecord({
      _id: id,
      askerOpenid: dq.asker,
      askerName: asker.name,
      collegeId: dq.collegeId,
      categoryId: category._id,
      title: dq.title,
      content: dq.content,
      anonymous: dq.anonymous ?? false,
      urgent,
      visibility: dq.visibility ?? 'public',
      ownerUnitId: route.unitId,
      routeReason: route.reason,
      createdAt,
      deadlineAt: answerDeadline(createdAt, urgent, { answerHours: category.answerHours }),
    });
    let n = 0;
    const event = (e: Omit<EventRecord, '_id' | 'questionId'>) => events.push({ _id: `${id}-e${++n}`, questionId: id, ...e });
    event({
      type: 'ask', actorOpenid: asker.openid, actorName: q.anonymous ? '匿名同学' : asker.name, actorRole: 'student', at: createdAt,
      fromStatus: null, toStatus: 'routed', unitId: route.unitId, reason: ROUTE_REASON_LABELS[route.reason],
    });

    /** One lifecycle step through the domain rules; a demo that breaks them fails loudly. */
    const step = (action: CaseAction, actor: Actor, at: number, actorName: string) => {
      const decision = decide(caseFactsOf(q), action, actor, at);
      if (!decision.ok) throw new Error(`demo question ${id}: ${action.type} refused: ${decision.message}`);
      const { patch, event: e } = decision.change;
      q = { ...q, ...toRecordPatch(patch), version: q.version + 1 };
      event({
        type: action.type, actorOpenid: actor.kind === 'person' ? actor.viewer.openid : '', actorName, actorRole: e.actorRole, at,
        fromStatus: e.fromState, toStatus: e.toState, unitId: q.ownerUnitId, reason: e.reason,
      });
      timers.push(...nextTimers(q, action.type, at));
    };
    const person = (openid: string): Actor => ({ kind: 'person', viewer: resolveViewer(openid, users.get(openid) ?? null) });

    const replies = [...(dq.answer ? [dq.answer] : []), ...(dq.followUps ?? [])];
    replies.forEach((reply, r) => {
      const responder = users.get(reply.by);
      if (!responder) throw new Error(`demo answer for ${id} by unknown responder ${reply.by}`);
      const at = hoursIn(reply.afterHours);
      const answerId = `${id}-a${r + 1}`;
      const membership = responder.memberships.find((m) => m.unitId === route.unitId);
      answers.push({
        _id: answerId, questionId: id, responderOpenid: responder.openid, responderName: responder.name,
        unitId: route.unitId, team: membership?.team ?? null, content: reply.content, createdAt: at,
      });
      q.answerCount += 1;
      if (r === 0) step({ type: 'answer', answerId }, person(responder.openid), at, responder.name);
      else event({ type: 'reply', actorOpenid: responder.openid, actorName: responder.name, actorRole: 'responder', at, fromStatus: q.status, toStatus: q.status, unitId: route.unitId, reason: null });
    });

    const handler = dq.answer ? dq.answer.by : '';
    const handlerName = users.get(handler)?.name ?? '';
    if (dq.handling) {
      step({ type: 'startHandling', note: dq.handling.note }, person(handler), hoursIn(dq.handling.afterHours), handlerName);
      for (const p of dq.handling.progress ?? []) step({ type: 'addProgress', note: p.note }, person(handler), hoursIn(p.afterHours), handlerName);
      if (dq.handling.resolved) step({ type: 'resolve', note: dq.handling.resolved.note }, person(handler), hoursIn(dq.handling.resolved.afterHours), handlerName);
    }
    if (dq.notice) step({ type: 'publishNotice', notice: dq.notice.text }, person(handler), hoursIn(dq.notice.afterHours), handlerName);
    if (dq.rating) {
      const { satisfied, comment } = dq.rating;
      step({ type: 'rate', satisfied, comment }, person(asker.openid), hoursIn(dq.rating.afterHours), asker.name);
    }
    if ((q.status === 'answered' || q.status === 'resolved') && q.autoCloseAt !== null && q.autoCloseAt <= now) {
      step({ type: 'autoClose' }, { kind: 'system' }, q.autoCloseAt, '系统');
    }
    if (q.status === 'routed') {
      if (q.deadlineAt <= now) step({ type: 'escalate' }, { kind: 'system' }, q.deadlineAt, '系统');
      else timers.push(...nextTimers(q, 'ask', createdAt));
    }
    questions.push(q);
  });

  // Only what is still ahead of "now" is scheduled: the past already happened in the demo.
  const pending = timers.filter((t) => t.dueAt > now);
  return { units: DEMO_UNITS, categories: DEMO_CATEGORIES, users: DEMO_USERS, questions, answers, events, timers: dedupe(pending), subscriptions: demoSubscriptions(now) };
}

function dedupe(timers: TimerRecord[]): TimerRecord[] {
  return [...new Map(timers.map((t) => [t._id, t])).values()];
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
  await addAll(db, COLLECTIONS.questions.name, records.questions);
  await addAll(db, COLLECTIONS.answers.name, records.answers);
  await addAll(db, COLLECTIONS.events.name, records.events);
  await addAll(db, COLLECTIONS.timers.name, records.timers);
  await addAll(db, COLLECTIONS.subscriptions.name, records.subscriptions);
  return { seeded: true, questions: records.questions.length, answers: records.answers.length };
}
