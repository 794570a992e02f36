import { decide, type Actor, type CaseAction, type CaseChange, type CaseFacts, type CasePolicy } from '../../domain/case-lifecycle';
import { dueWork, hasWork, nextNoticeReminder, nextWorkAt, noticeSeriesAfter, type ScheduleFacts, type ScheduleSettings } from '../../domain/case-schedule';
import type { ErrorCode } from '../../domain/errors';
import { messagesForAsk, messagesForTransition, type PlannedMessage } from '../../domain/notification-plan';
import type { Role } from '../../domain/organisation';
import type { QuestionChange } from '../ports/repositories';
import { removeAsker } from './personal-data';
import { indexQuestion } from '../../domain/search/search-index';
import type { AnswerRecord, OutboxIntent, QuestionRecord, TimelineRecord } from '../ports/records';

/**
 * Every change to a question, planned in one place for the api and the
 * scheduler alike: the lifecycle rule decides, and the change carries its
 * timeline event, its answer, the messages it owes and what the scheduler owes
 * the question afterwards. The caller writes it with one conditional update.
 */

/** A change's messages must be delivered or queued by then, or the sweep queues them (longer than any function runs). */
export const OUTBOX_LEASE_MS = 2 * 60_000;

export interface ChangeSettings extends ScheduleSettings {
  casePolicy: CasePolicy;
}

/** Event ids: the version the change produced. One scheme for people and the scheduler, deterministic on retry. */
export function eventIdFor(version: number): string {
  return `v${version}`;
}

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
    reopenedAt: q.reopenedAt,
  };
}

export function scheduleFactsOf(q: QuestionRecord): ScheduleFacts {
  return {
    state: q.status,
    createdAt: q.createdAt,
    deadlineAt: q.deadlineAt,
    escalatedAt: q.escalatedAt,
    autoCloseAt: q.autoCloseAt,
    noticeRequired: q.noticeRequired,
    noticePublishedAt: q.noticePublishedAt,
    remindedUpTo: q.remindedUpTo,
    noticeReminderAt: q.noticeReminderAt,
    closedAt: q.closedAt,
    anonymisedAt: q.anonymisedAt,
  };
}

/** A lifecycle patch in storage terms: the domain's `state` is the record's `status`. */
function toRecordPatch(patch: CaseChange['patch']): Partial<QuestionRecord> {
  const { state, ...rest } = patch;
  return state === undefined ? rest : { ...rest, status: state };
}

export interface ChangeActor {
  openid: string;
  name: string;
  /** The person's request that asked for it, for idempotent retries. */
  request: { key: string; hash: string } | null;
  /** The same request id used as a reply would be a reuse (one id, one request). */
  reusedIf?: { answerId: string } | null;
}

export const SYSTEM_ACTOR: ChangeActor = { openid: '', name: '系统', request: null };

/** A message a change owes; its occasion defaults to the change's event. */
export type ChangeMessage = PlannedMessage & { occasion?: string };

function intentsOf(messages: ChangeMessage[], occasion: string, unitName: string, at: number): OutboxIntent[] {
  return messages.map((m) => ({ kind: m.kind, occasion: m.occasion ?? occasion, audience: m.audience, unitName, note: m.note, at, alsoGroup: m.alsoGroup ?? false }));
}

export interface PlannedChange {
  change: QuestionChange;
  /** The question as it will be once the change is written. */
  after: QuestionRecord;
  /** The timeline event, for changes that are one (a reminder sent is not). */
  event: TimelineRecord | null;
}

export interface PlannedTransition extends PlannedChange {
  event: TimelineRecord;
}

/** `planned: null`: the action is already true and changes nothing (no write, no event). */
export type PlanResult = { ok: true; planned: PlannedTransition | null } | { ok: false; code: ErrorCode; message: string };

interface ChangeParts {
  set: Partial<QuestionRecord>;
  answers?: AnswerRecord[];
  messages?: ChangeMessage[];
  replace?: QuestionChange['replace'];
  unitName: (unitId: string) => string;
}

/**
 * A change made of fields and an event (and maybe an answer and messages):
 * works out the version, the event id, the schedule and the outbox lease.
 */
export function composeChange(q: QuestionRecord, parts: ChangeParts & { event: Omit<TimelineRecord, 'id' | 'version'> }, now: number, settings: ChangeSettings): PlannedTransition;
export function composeChange(q: QuestionRecord, parts: ChangeParts & { event?: null }, now: number, settings: ChangeSettings): PlannedChange;
export function composeChange(
  q: QuestionRecord,
  parts: ChangeParts & { event?: Omit<TimelineRecord, 'id' | 'version'> | null },
  now: number,
  settings: ChangeSettings,
): PlannedChange {
  const version = q.version + 1;
  const event: TimelineRecord | null = parts.event ? { ...parts.event, id: eventIdFor(version), version } : null;
  // A case that closes now starts its retention period now.
  const closing = parts.set.status === 'closed' && q.status !== 'closed';
  const partsSet: Partial<QuestionRecord> = closing ? { ...parts.set, closedAt: now } : parts.set;
  const merged: QuestionRecord = { ...q, ...partsSet };
  const notice = noticeSeriesAfter({ state: q.status, noticeReminderAt: q.noticeReminderAt, noticeReminderRound: q.noticeReminderRound }, { state: merged.status, noticeRequired: merged.noticeRequired, noticePublishedAt: merged.noticePublishedAt }, now);
  const scheduled: QuestionRecord = notice ? { ...merged, ...notice } : merged;
  const outbox = intentsOf(parts.messages ?? [], event?.id ?? eventIdFor(version), parts.unitName(scheduled.ownerUnitId), now);
  const set: QuestionChange['set'] = { ...partsSet, ...(notice ?? {}) };
  delete (set as Partial<QuestionRecord>)._id;
  set.nextWorkAt = nextWorkAt(scheduleFactsOf(scheduled), settings);
  if (outbox.length > 0) set.outboxDueAt = now + OUTBOX_LEASE_MS;
  // Every change moves the question up the export feed (which reads it in this order).
  set.updatedAt = now;
  const answers = parts.answers ?? [];
  const timeline = parts.replace?.timeline ?? q.timeline;
  const after: QuestionRecord = {
    ...scheduled,
    ...set,
    version,
    timeline: event ? [...timeline, event] : timeline,
    answers: [...(parts.replace?.answers ?? q.answers), ...answers],
    outbox: [...q.outbox, ...outbox],
  } as QuestionRecord;
  // A list rewritten whole carries its new event with it (one operator per field).
  const replace = parts.replace ? { ...parts.replace, ...(parts.replace.timeline && event ? { timeline: [...parts.replace.timeline, event] } : {}) } : undefined;
  return { change: { set, timeline: event && !parts.replace?.timeline ? [event] : [], answers, outbox, ...(replace ? { replace } : {}) }, after, event };
}

/**
 * One lifecycle transition, for a person or for the scheduler: the domain
 * decides; the change carries the event, the answer (for `answer`), the
 * messages the transition owes and the schedule afterwards.
 */
export function planTransition(
  q: QuestionRecord,
  action: CaseAction,
  actor: Actor,
  who: ChangeActor,
  now: number,
  settings: ChangeSettings,
  extras: { answer?: AnswerRecord; unitName: (unitId: string) => string; set?: Partial<QuestionRecord> },
): PlanResult {
  const decision = decide(caseFactsOf(q), action, actor, now, settings.casePolicy);
  if (!decision.ok) return decision;
  if (decision.change === null) return { ok: true, planned: null };
  const { patch, event } = decision.change;
  const set = { ...(extras.set ?? {}), ...toRecordPatch(patch) };
  if (extras.answer) set.answerCount = q.answerCount + 1;
  // A transfer that gave the new unit a fair window: its reminders count from now, none is owed at once.
  if (set.deadlineAt !== undefined && set.deadlineAt !== q.deadlineAt) set.remindedUpTo = now;
  const role: Role | 'system' = event.actorRole;
  const planned = composeChange(
    q,
    {
      set,
      event: {
        type: action.type,
        actorOpenid: who.openid,
        actorName: who.name,
        actorRole: role,
        at: now,
        fromStatus: event.fromState,
        toStatus: event.toState,
        unitId: action.type === 'transfer' ? action.toUnitId : q.ownerUnitId,
        reason: event.reason,
        answerId: action.type === 'answer' ? action.answerId : null,
        request: who.request,
      },
      answers: extras.answer ? [extras.answer] : [],
      messages: messagesForTransition(action, { urgent: q.urgent, ownerUnitId: set.ownerUnitId ?? q.ownerUnitId }, extras.answer?.content ?? ''),
      unitName: extras.unitName,
    },
    now,
    settings,
  );
  return { ok: true, planned };
}

/**
 * What the scheduler does for a question now, as one change: escalate at the
 * deadline, auto-close an unrated answer, remind the owning unit, remind it to
 * publish an emergency's notice. Null when nothing is due. One transition per
 * change; if more is due afterwards, the question stays due.
 */
export type ScheduledPlan = { ok: true; planned: PlannedChange | null } | { ok: false; code: ErrorCode; message: string } | null;

export function planScheduledWork(q: QuestionRecord, now: number, settings: ChangeSettings, unitName: (unitId: string) => string): ScheduledPlan {
  const work = dueWork({ ...scheduleFactsOf(q), noticeReminderRound: q.noticeReminderRound }, now, settings);
  const remindedUpTo = work.remindersDealtWithUpTo ?? q.remindedUpTo;
  if (work.escalate) return planTransition(q, { type: 'escalate' }, { kind: 'system' }, SYSTEM_ACTOR, now, settings, { unitName, set: { remindedUpTo } });
  if (work.autoClose) return planTransition(q, { type: 'autoClose' }, { kind: 'system' }, SYSTEM_ACTOR, now, settings, { unitName });
  if (!hasWork(work)) return null;
  if (work.anonymise) {
    // The closed case's retention period ran out: its personal data goes (nothing else is due on a closed case).
    const removal = removeAsker(q, now);
    return { ok: true, planned: composeChange(q, { set: removal.set, replace: removal.replace, unitName }, now, settings) };
  }
  const owner: PlannedMessage['audience'] = { type: 'unit', unitId: q.ownerUnitId };
  const messages: ChangeMessage[] = [];
  const set: Partial<QuestionRecord> = { remindedUpTo };
  if (work.reminder) messages.push({ kind: 'reminder', audience: owner, note: '', occasion: `remind-${work.reminder.dueAt}` });
  if (work.noticeReminder) {
    messages.push({ kind: 'noticeReminder', audience: owner, note: '', occasion: `notice-${work.noticeReminder.round}` });
    Object.assign(set, nextNoticeReminder(work.noticeReminder.dueAt, work.noticeReminder.round, now));
  }
  return { ok: true, planned: composeChange(q, { set, messages, unitName }, now, settings) };
}

/** The fields a question is asked with; everything else starts in the routed state. */
export type AskedQuestion = Pick<
  QuestionRecord,
  '_id' | 'askerOpenid' | 'askerName' | 'collegeId' | 'categoryId' | 'title' | 'content' | 'anonymous' | 'urgent' | 'visibility' | 'ownerUnitId' | 'routeReason' | 'createdAt' | 'deadlineAt' | 'askRequestHash' | 'moderation' | 'crisis' | 'pictures'
>;

/**
 * A new question, whole: its ask event, its schedule (reminders, escalation)
 * and, for an emergency, the alert it owes — one document, one insert.
 */
export function newQuestionRecord(
  asked: AskedQuestion,
  ask: { reason: string; unitName: string; emergencyLine?: string; expertOpenid?: string | null },
  settings: ScheduleSettings,
): QuestionRecord {
  const event: TimelineRecord = {
    id: eventIdFor(0),
    type: 'ask',
    actorOpenid: asked.askerOpenid,
    actorName: asked.anonymous ? '匿名同学' : asked.askerName,
    actorRole: 'student',
    at: asked.createdAt,
    fromStatus: null,
    toStatus: 'routed',
    unitId: asked.ownerUnitId,
    reason: ask.reason,
    version: 0,
    answerId: null,
    request: null,
  };
  // An expert the student addressed it to hears first (then the unit, as always).
  const addressed: PlannedMessage[] = ask.expertOpenid ? [{ kind: 'expertAddressed', audience: { type: 'person', openid: ask.expertOpenid }, note: '' }] : [];
  const outbox = intentsOf([...addressed, ...messagesForAsk(asked, ask.emergencyLine)], event.id, ask.unitName, asked.createdAt);
  const q: QuestionRecord = {
    ...asked,
    status: 'routed',
    answeredAt: null,
    officialAnswerId: null,
    answerCount: 0,
    assigneeOpenid: null,
    escalatedAt: null,
    rating: null,
    reopenCount: 0,
    // 紧急通道: however the case ends, how it was handled must be published — never for the crisis lane, which stays private.
    noticeRequired: asked.urgent && !asked.crisis,
    noticePublishedAt: null,
    notice: null,
    autoCloseAt: null,
    reopenedAt: null,
    version: 0,
    timeline: [event],
    answers: [],
    remindedUpTo: null,
    noticeReminderAt: null,
    noticeReminderRound: 0,
    nextWorkAt: null,
    outbox,
    outboxDueAt: outbox.length > 0 ? asked.createdAt + OUTBOX_LEASE_MS : null,
    closedAt: null,
    noticeModeration: null,
    reportIds: [],
    moderationPendingAt: asked.moderation.state === 'review' ? asked.createdAt : null,
    anonymisedAt: null,
    // Only public questions are ever found by search; private ones keep no terms at all.
    search: asked.visibility === 'public' ? indexQuestion({ title: asked.title, content: asked.content }) : null,
    faqId: null,
    typicalCase: null,
    updatedAt: asked.createdAt,
    ...(ask.expertOpenid ? { addressedExpertOpenid: ask.expertOpenid } : {}),
  };
  q.nextWorkAt = nextWorkAt(scheduleFactsOf(q), settings);
  return q;
}
