import { likeCounterId, likesReceivedCounterId, METOO_THRESHOLD, type ReactionKind } from '../../shared/domain/community';
import { WATCHER_STEP_NOTES } from '../../shared/domain/notification-plan';
import { randomIds } from '../../shared/server/ids';
import { DEMO_UNITS } from './demo-organisation';
import type { CounterRecord, NotificationRecord, QuestionRecord, ReactionRecord } from '../../shared/server/ports/records';
import { notificationRecords } from '../../shared/server/use-cases/notification-delivery';

/**
 * The community around the demo questions (issue 11): 同问, follows and likes
 * on the public answered ones, their counters kept equal to the records, and
 * the messages the demo people were sent (answered, followed question
 * updated), some of them read, so the message centre and the boards show
 * something at once. Deterministic: the same questions give the same records.
 */
const DEMO_STUDENTS = ['dev-student-zhang', 'dev-student-li', 'dev-student-chen', 'dev-student-zhao'];
/** Classmates who only 同问 and like (not in the roster, as most students are not). */
const CLASSMATES = Array.from({ length: 14 }, (_, i) => `demo-classmate-${String(i + 1).padStart(2, '0')}`);

function reaction(kind: ReactionKind, q: QuestionRecord, targetType: 'question' | 'answer', targetId: string, openid: string, at: number, credited: { openid: string; unitId: string } | null): ReactionRecord {
  return {
    _id: randomIds.derived('x', kind, targetType, targetId, openid),
    kind,
    targetType,
    targetId,
    questionId: q._id,
    openid,
    creditedTo: credited?.openid ?? null,
    creditedUnitId: credited?.unitId ?? null,
    at,
  };
}

/** The answering unit's name, as the api puts it in the message. */
const unitNameOf = (id: string) => DEMO_UNITS.find((u) => u._id === id)?.name ?? '';

export function buildDemoCommunity(questions: QuestionRecord[], now: number) {
  const reactions: ReactionRecord[] = [];
  const counters = new Map<string, number>();
  const bump = (id: string, n: number) => counters.set(id, (counters.get(id) ?? 0) + n);
  const notifications: NotificationRecord[] = [];
  const counts = new Map<string, { metooCount: number; likeCount: number; metooFlaggedAt?: number }>();

  const open = questions.filter((q) => q.visibility === 'public' && q.moderation.state === 'published' && q.officialAnswerId !== null);
  open.forEach((q, i) => {
    const people = [...DEMO_STUDENTS, ...CLASSMATES].filter((p) => p !== q.askerOpenid);
    const after = (h: number) => Math.min(now, q.createdAt + h * 3_600_000);
    // Popular questions first: a spread of 同问 from 12 down to 0, two of them past the unit's threshold.
    const metoo = people.slice(0, Math.max(0, 12 - i));
    for (const p of metoo) reactions.push(reaction('metoo', q, 'question', q._id, p, after(1), null));
    const official = q.answers.find((a) => a.id === q.officialAnswerId)!;
    const likers = people.filter((p) => p !== official.responderOpenid).slice(0, Math.max(0, 9 - (i % 7)));
    for (const p of likers) reactions.push(reaction('like', q, 'answer', official.id, p, after(2), { openid: official.responderOpenid, unitId: official.unitId }));
    if (likers.length > 0) {
      bump(likeCounterId('answer', official.id), likers.length);
      bump(likesReceivedCounterId(official.responderOpenid), likers.length);
    }
    // Past the threshold in the demo's past: the unit was told then (no message is owed now).
    counts.set(q._id, { metooCount: metoo.length, likeCount: likers.length, ...(metoo.length >= METOO_THRESHOLD ? { metooFlaggedAt: after(3) } : {}) });

    // 李思远 follows the first few; he hears when they were answered, as the api would have told him.
    const follower = 'dev-student-li';
    if (i < 4 && q.askerOpenid !== follower) {
      reactions.push(reaction('follow', q, 'question', q._id, follower, after(0.5), null));
      const intent = { kind: 'followed' as const, occasion: 'seed-answer', audience: { type: 'watchers' as const }, unitName: unitNameOf(official.unitId), note: WATCHER_STEP_NOTES.answer, at: q.answeredAt ?? now, alsoGroup: false };
      notifications.push(...notificationRecords(q, intent, [{ openid: follower, name: '李思远' }], q.answeredAt ?? now).map((n) => settled(n, i % 2 === 0 ? null : now)));
    }
  });

  // Every asker of an answered demo question was told; the older half of it has been read.
  questions
    .filter((q) => q.officialAnswerId !== null && q.answeredAt !== null)
    .forEach((q, i) => {
      const official = q.answers.find((a) => a.id === q.officialAnswerId)!;
      const intent = { kind: 'answered' as const, occasion: 'seed-answer', audience: { type: 'asker' as const }, unitName: unitNameOf(official.unitId), note: official.content, at: q.answeredAt!, alsoGroup: false };
      notifications.push(...notificationRecords(q, intent, [{ openid: q.askerOpenid, name: q.askerName }], q.answeredAt!).map((n) => settled(n, i % 2 === 0 ? now : null)));
    });

  const counterRecords: CounterRecord[] = [...counters.entries()].map(([_id, count]) => ({ _id, count, updatedAt: now }));
  return { reactions, counters: counterRecords, notifications, counts };
}

function settled(n: NotificationRecord, readAt: number | null): NotificationRecord {
  return { ...n, state: 'sent', channel: 'subscribe', attempts: 1, finishedAt: n.createdAt, readAt };
}
