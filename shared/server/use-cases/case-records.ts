import { reminderDueTimes, HOUR_MS } from '../../domain/answer-deadline';
import type { CaseChange, CaseFacts } from '../../domain/case-lifecycle';
import type { TimelineEventType } from '../../contracts/question.contract';
import type { QuestionRecord, TimerRecord } from '../ports/records';

/** The lifecycle facts of a stored question. */
export function caseFactsOf(q: QuestionRecord): CaseFacts {
  return {
    state: q.status,
    ownerUnitId: q.ownerUnitId,
    askerOpenid: q.askerOpenid,
    assigneeOpenid: q.assigneeOpenid,
    urgent: q.urgent,
    deadlineAt: q.deadlineAt,
    answeredAt: q.answeredAt,
    escalatedAt: q.escalatedAt,
    rating: q.rating,
    reopenCount: q.reopenCount,
    noticeRequired: q.noticeRequired,
    noticePublishedAt: q.noticePublishedAt,
    autoCloseAt: q.autoCloseAt,
  };
}

/** Emergencies get their first "publish the notice" reminder two hours after resolution. */
export const FIRST_NOTICE_REMINDER_MS = 2 * HOUR_MS;

export function newTimer(questionId: string, kind: TimerRecord['kind'], at: number, round = 1): TimerRecord {
  // Notice reminders form a series: keyed on the round, so a rerun cannot fork it.
  const key = kind === 'noticeReminder' ? `r${round}` : String(at);
  return { _id: `${questionId}.${kind}.${key}`, questionId, kind, scheduledFor: at, dueAt: at, state: 'pending', attempts: 0, round, finishedAt: null, outcome: null };
}

function noticeReminders(q: QuestionRecord, now: number): TimerRecord[] {
  return q.noticeRequired && q.noticePublishedAt === null ? [newTimer(q._id, 'noticeReminder', now + FIRST_NOTICE_REMINDER_MS)] : [];
}

/** The timers a question needs after an event, given its state afterwards. */
export function nextTimers(q: QuestionRecord, event: TimelineEventType, now: number, reminderOffsetsHours?: readonly number[]): TimerRecord[] {
  switch (event) {
    case 'ask':
      return [
        ...reminderDueTimes(q.createdAt, q.deadlineAt, reminderOffsetsHours).map((at) => newTimer(q._id, 'remind', at)),
        newTimer(q._id, 'escalate', q.deadlineAt),
      ];
    case 'answer':
      return q.autoCloseAt ? [newTimer(q._id, 'autoClose', q.autoCloseAt)] : [];
    case 'resolve':
      return [...(q.autoCloseAt ? [newTimer(q._id, 'autoClose', q.autoCloseAt)] : []), ...noticeReminders(q, now)];
    case 'rate':
    case 'autoClose':
      // An emergency closed without going through 办结 still owes its notice.
      return q.status === 'closed' ? noticeReminders(q, now) : [];
    default:
      return [];
  }
}

/** A lifecycle patch in storage terms: the domain's `state` is the record's `status`. */
export function toRecordPatch(patch: CaseChange['patch']): Partial<QuestionRecord> {
  const { state, ...rest } = patch;
  return state === undefined ? rest : { ...rest, status: state };
}

/** The fields a question is asked with; everything else starts in the routed state. */
export type AskedQuestion = Pick<
  QuestionRecord,
  '_id' | 'askerOpenid' | 'askerName' | 'collegeId' | 'categoryId' | 'title' | 'content' | 'anonymous' | 'urgent' | 'visibility' | 'ownerUnitId' | 'routeReason' | 'createdAt' | 'deadlineAt'
>;

export function newQuestionRecord(asked: AskedQuestion): QuestionRecord {
  return {
    ...asked,
    status: 'routed',
    answeredAt: null,
    officialAnswerId: null,
    answerCount: 0,
    assigneeOpenid: null,
    escalatedAt: null,
    rating: null,
    reopenCount: 0,
    // 紧急通道: however the case ends, how it was handled must be published.
    noticeRequired: asked.urgent,
    noticePublishedAt: null,
    notice: null,
    autoCloseAt: null,
    version: 0,
  };
}
