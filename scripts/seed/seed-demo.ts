import { answerDeadline, HOUR_MS } from '../../shared/domain/answer-deadline';
import { routeQuestion } from '../../shared/domain/route-question';
import type { Database } from '../../shared/server/cloudbase';
import { COLLECTIONS } from '../../shared/server/collections';
import type { AnswerRecord, EventRecord, QuestionRecord } from '../../shared/server/repositories/records';
import { DEMO_CATEGORIES, DEMO_UNITS, DEMO_USERS } from './demo-organisation';
import { DEMO_QUESTIONS } from './demo-questions';

/**
 * Writes the demo university through the CloudBase SDK (so it works against the
 * local cloud and a real environment alike). Routing and deadlines come from the
 * same domain rules the api uses. Does nothing when units already exist.
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

  DEMO_QUESTIONS.forEach((dq, index) => {
    const id = `q-demo-${String(index + 1).padStart(3, '0')}`;
    const category = DEMO_CATEGORIES.find((c) => c._id === dq.categoryId);
    if (!category) throw new Error(`demo question ${id} has unknown category ${dq.categoryId}`);
    const route = routeQuestion({ category: { id: category._id, ownerUnitId: category.ownerUnitId }, collegeId: dq.collegeId, units });
    const createdAt = Math.round(now - dq.askedHoursAgo * HOUR_MS);
    const asker = users.get(dq.asker);
    const urgent = dq.urgent ?? false;
    const q: QuestionRecord = {
      _id: id,
      askerOpenid: dq.asker,
      askerName: asker?.name ?? '同学',
      collegeId: dq.collegeId,
      categoryId: category._id,
      title: dq.title,
      content: dq.content,
      anonymous: dq.anonymous ?? false,
      urgent,
      visibility: dq.visibility ?? 'public',
      status: 'routed',
      ownerUnitId: route.unitId,
      routeReason: route.reason,
      createdAt,
      deadlineAt: answerDeadline(createdAt, urgent, { answerHours: category.answerHours }),
      answeredAt: null,
      officialAnswerId: null,
      answerCount: 0,
    };
    events.push({
      _id: `${id}-e1`, questionId: id, type: 'asked', actorOpenid: dq.asker, actorRole: 'student', at: createdAt,
      fromStatus: null, toStatus: 'routed', unitId: route.unitId, reason: `routed by ${route.reason}`,
    });

    const replies = [...(dq.answer ? [dq.answer] : []), ...(dq.followUps ?? [])];
    replies.forEach((reply, n) => {
      const responder = users.get(reply.by);
      if (!responder) throw new Error(`demo answer for ${id} by unknown responder ${reply.by}`);
      const membership = responder.memberships.find((m) => m.unitId === route.unitId);
      if (!membership && !responder.roles.includes('coordinator')) {
        throw new Error(`demo answer for ${id}: ${reply.by} is not a responder of ${route.unitId}`);
      }
      const at = Math.round(createdAt + reply.afterHours * HOUR_MS);
      const answerId = `${id}-a${n + 1}`;
      answers.push({
        _id: answerId, questionId: id, responderOpenid: responder.openid, responderName: responder.name,
        unitId: route.unitId, team: membership?.team ?? null, content: reply.content, createdAt: at,
      });
      const official = n === 0;
      if (official) {
        q.status = 'answered';
        q.answeredAt = at;
        q.officialAnswerId = answerId;
      }
      q.answerCount += 1;
      events.push({
        _id: `${id}-e${n + 2}`, questionId: id, type: official ? 'answered' : 'replied', actorOpenid: responder.openid,
        actorRole: 'responder', at, fromStatus: official ? 'routed' : 'answered', toStatus: 'answered', unitId: route.unitId, reason: null,
      });
    });
    questions.push(q);
  });

  return { units: DEMO_UNITS, categories: DEMO_CATEGORIES, users: DEMO_USERS, questions, answers, events };
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
  return { seeded: true, questions: records.questions.length, answers: records.answers.length };
}
