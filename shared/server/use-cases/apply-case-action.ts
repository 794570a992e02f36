import { decide, type CaseAction } from '../../domain/case-lifecycle';
import { DomainError } from '../../domain/errors';
import type { NotificationKind } from '../../domain/notification-plan';
import { canViewQuestion } from '../../domain/permissions';
import type { ActionContext } from './action';
import { caseFactsOf, nextTimers, toRecordPatch } from './case-records';
import { notifyNow } from './notify';
import type { PlanInput, Recipient } from './plan-notifications';
import type { QuestionRecord } from '../ports/records';
import { loadCatalog, type CatalogLookup } from './catalog-lookup';

/**
 * Applies one lifecycle transition for a person: the domain decides, the write
 * is conditional on the version read (so a racing change yields
 * QUESTION.STATE_CONFLICT, never a mixed state), the timeline gets its event,
 * and the timers and messages the new state needs are written.
 */
export interface CaseActionResult {
  before: QuestionRecord;
  after: QuestionRecord;
  eventId: string;
  catalog: CatalogLookup;
}

export async function loadQuestionFor(ctx: ActionContext, questionId: string): Promise<QuestionRecord> {
  const question = await ctx.repos.questions.findById(questionId);
  if (!question) throw new DomainError('QUESTION.NOT_FOUND');
  if (!canViewQuestion(ctx.viewer, question)) throw new DomainError('AUTH.FORBIDDEN', '这是一个仅提问人和处理老师可见的问题');
  return question;
}

export async function applyCaseAction(
  ctx: ActionContext,
  question: QuestionRecord,
  action: CaseAction,
  options: { answerCountDelta?: number; answerText?: string } = {},
): Promise<CaseActionResult> {
  const { viewer, repos, now, ids, settings } = ctx;
  const decision = decide(caseFactsOf(question), action, { kind: 'person', viewer }, now, settings.casePolicy);
  if (!decision.ok) throw new DomainError(decision.code, decision.message);
  const { patch, event } = decision.change;

  const recordPatch = toRecordPatch(patch);
  if (!(await repos.questions.applyChange(question._id, question.version, recordPatch, options.answerCountDelta))) {
    throw new DomainError('QUESTION.STATE_CONFLICT', '问题刚刚被其他人处理过，请刷新后查看');
  }
  const after: QuestionRecord = { ...question, ...recordPatch, version: question.version + 1, answerCount: question.answerCount + (options.answerCountDelta ?? 0) };
  // Keyed on the version it created: one event per state change, whoever retries.
  const eventId = ids.derived('e', question._id, String(question.version + 1));
  await repos.events.append({
    _id: eventId,
    questionId: question._id,
    type: action.type,
    actorOpenid: viewer.openid,
    actorName: viewer.displayName ?? (event.actorRole === 'student' ? '提问同学' : '答复老师'),
    actorRole: event.actorRole,
    at: now,
    fromStatus: event.fromState,
    toStatus: event.toState,
    unitId: action.type === 'transfer' ? action.toUnitId : question.ownerUnitId,
    reason: event.reason,
  });
  await repos.timers.schedule(nextTimers(after, action.type, now, settings.reminderOffsetsHours));
  const catalog = await loadCatalog(repos);
  await notifyNow(deliveryDeps(ctx), notificationsFor(ctx, question, after, action, eventId, catalog, options.answerText ?? ''), now, ctx.log);
  return { before: question, after, eventId, catalog };
}

export function deliveryDeps(ctx: ActionContext) {
  return { repos: ctx.repos, notifier: ctx.notifier, templates: ctx.settings.templates, fallbackWebhooks: ctx.settings.fallbackWebhooks };
}

/** Who hears about a transition: the asker at every step, the new unit on a transfer. */
function notificationsFor(
  ctx: ActionContext,
  q: QuestionRecord,
  after: QuestionRecord,
  action: CaseAction,
  eventId: string,
  catalog: CatalogLookup,
  answerText: string,
): PlanInput[] {
  const asker: Recipient = { openid: q.askerOpenid, name: q.askerName };
  const base = { question: after, occasion: eventId, at: ctx.now, now: ctx.now };
  const toAsker = (kind: NotificationKind, note: string): PlanInput => ({
    ...base,
    kind,
    recipients: [asker],
    unitName: catalog.unitName(after.ownerUnitId),
    unitId: null,
    note,
  });
  switch (action.type) {
    case 'answer':
      return [toAsker('answered', answerText)];
    case 'startHandling':
      return [toAsker('handlingStarted', action.note)];
    case 'resolve':
      return [toAsker('resolved', action.note)];
    case 'transfer':
      return [toAsker('transferred', action.reason)];
    default:
      return [];
  }
}

/** The new unit's responders hear about a transfer (the deadline did not move). */
export async function notifyTransferTarget(ctx: ActionContext, result: CaseActionResult, reason: string): Promise<void> {
  const people = await ctx.repos.users.listResponders(result.after.ownerUnitId);
  await notifyNow(
    deliveryDeps(ctx),
    [
      {
        kind: 'transferredIn',
        question: result.after,
        recipients: people.map((p) => ({ openid: p.openid, name: p.name })),
        occasion: result.eventId,
        unitName: result.catalog.unitName(result.after.ownerUnitId),
        unitId: result.after.ownerUnitId,
        note: reason,
        at: ctx.now,
        now: ctx.now,
      },
    ],
    ctx.now,
    ctx.log,
  );
}
