import { REMOVED_PERSON_NAME, removedIdentity } from '../../domain/privacy';
import type { AnswerRecord, QuestionRecord, TimelineRecord } from '../ports/records';

/**
 * Removing a person's identity from a question, as the parts of one change.
 * Pure: the callers (account deletion, the retention run of the scheduler)
 * write it with the question's version like every other change.
 *
 * What goes: the openid and name of the person everywhere in the question
 * (asker fields, timeline events, answers). For the asker, also what they
 * wrote to the handlers only (their rating comment, their reopen reason), and
 * the handlers' internal notes, which may name them. What stays: the question,
 * the published answers and notice, the steps and their times — the units'
 * statistics and the public record.
 */
const ASKER_PRIVATE_NOTES = new Set<TimelineRecord['type']>(['claim', 'transfer', 'startHandling', 'addProgress', 'reopen', 'rate', 'urge', 'escalate', 'moderate', 'markCase']);

export interface IdentityRemoval {
  set: Partial<QuestionRecord>;
  replace: { timeline: TimelineRecord[]; answers?: AnswerRecord[] };
}

/** The asker leaves (account deleted) or the retention period of the closed case ran out. */
export function removeAsker(q: QuestionRecord, now: number): IdentityRemoval {
  const removed = removedIdentity(q._id);
  const asker = q.askerOpenid;
  const timeline = q.timeline.map((e) => ({
    ...e,
    ...(e.actorOpenid === asker ? { actorOpenid: removed, actorName: REMOVED_PERSON_NAME } : {}),
    reason: ASKER_PRIVATE_NOTES.has(e.type) ? null : e.reason,
    request: e.actorOpenid === asker ? null : e.request,
  }));
  return {
    set: {
      askerOpenid: removed,
      askerName: REMOVED_PERSON_NAME,
      anonymous: true,
      rating: q.rating ? { ...q.rating, comment: '' } : null,
      // A student's pictures may show them or their room: they leave with the account.
      ...(q.pictures?.length ? { pictures: [] } : {}),
      anonymisedAt: now,
    },
    replace: { timeline },
  };
}

/** A responder (or any handler) deleted their account: their answers and steps stay, without their name. */
export function removeActor(q: QuestionRecord, openid: string): IdentityRemoval | null {
  const marked = q.typicalCase?.markedByOpenid === openid;
  const touches = q.answers.some((a) => a.responderOpenid === openid) || q.timeline.some((e) => e.actorOpenid === openid) || q.assigneeOpenid === openid || marked;
  if (!touches) return null;
  const answers = q.answers.map((a) => (a.responderOpenid === openid ? { ...a, responderOpenid: removedIdentity(a.id), responderName: REMOVED_PERSON_NAME, requestHash: null } : a));
  const timeline = q.timeline.map((e) =>
    e.actorOpenid === openid ? { ...e, actorOpenid: removedIdentity(`${q._id}-${e.id}`), actorName: REMOVED_PERSON_NAME, request: null } : e,
  );
  const set: Partial<QuestionRecord> = q.assigneeOpenid === openid ? { assigneeOpenid: null } : {};
  // A typical case they marked stays a case (the unit's report counts it), without their name.
  if (marked) set.typicalCase = { ...q.typicalCase!, markedByOpenid: removedIdentity(`${q._id}-case`), markedByName: REMOVED_PERSON_NAME };
  return { set, replace: { timeline, answers } };
}
