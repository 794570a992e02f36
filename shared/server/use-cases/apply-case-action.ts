import type { CaseAction } from '../../domain/case-lifecycle';
import { DomainError } from '../../domain/errors';
import { canViewQuestion } from '../../domain/permissions';
import type { AnswerRecord, QuestionRecord, TimelineRecord } from '../ports/records';
import type { ActionContext } from './action';
import { loadCatalog, type CatalogLookup } from './catalog-lookup';
import { deliverOutbox, type DeliveryDeps } from './notification-delivery';
import { planTransition, type ChangeActor, type PlannedChange } from './question-changes';

/**
 * Applies one lifecycle transition for a person. The domain decides; the
 * change (state, timeline event, answer, owed messages, schedule) is written
 * by one update conditional on the version read. When the version moved
 * underneath (a reminder went out, someone replied), the question is read
 * again and the rule decides again: a change that is still allowed goes
 * through, one that is not gets the rule's own refusal (QUESTION.STATE_CONFLICT).
 *
 * A request id makes it idempotent: the event remembers the request (key and
 * fingerprint), so a retry answers with what the first attempt did, and the
 * same key with a different request is refused (REQUEST.KEY_REUSED).
 */
export interface CaseActionResult {
  after: QuestionRecord;
  /** The change's event; null when the action was already true and nothing changed. */
  event: TimelineRecord | null;
  catalog: CatalogLookup;
}

const MAX_ATTEMPTS = 4;

export async function loadQuestionFor(ctx: ActionContext, questionId: string): Promise<QuestionRecord> {
  const question = await ctx.repos.questions.findById(questionId);
  return checkVisible(ctx, question);
}

export function checkVisible(ctx: ActionContext, question: QuestionRecord | null | undefined): QuestionRecord {
  if (!question) throw new DomainError('QUESTION.NOT_FOUND');
  if (!canViewQuestion(ctx.viewer, question)) throw new DomainError('AUTH.FORBIDDEN', '这是一个仅提问人和处理老师可见的问题');
  return question;
}

export function deliveryDeps(ctx: Pick<ActionContext, 'repos' | 'notifier' | 'settings' | 'log'>): DeliveryDeps {
  return { repos: ctx.repos, notifier: ctx.notifier, templates: ctx.settings.templates, fallbackWebhooks: ctx.settings.fallbackWebhooks, log: ctx.log };
}

/**
 * The keys one request id gives a person: as a case action (remembered by the
 * timeline event) and as a reply (the answer's id). One id is one request, so
 * finding it used the other way is a reuse.
 */
export function requestKeys(ctx: Pick<ActionContext, 'requestId' | 'ids'> & { openid: string }): { caseKey: string; answerId: string } | null {
  if (!ctx.requestId) return null;
  return { caseKey: ctx.ids.derived('r', ctx.openid, ctx.requestId), answerId: ctx.ids.derived('a', ctx.openid, ctx.requestId) };
}

/** The person's request as the timeline remembers it. */
export function changeActor(ctx: ActionContext, fingerprint: unknown[]): ChangeActor {
  const { viewer, ids } = ctx;
  const keys = requestKeys({ ...ctx, openid: viewer.openid });
  return {
    openid: viewer.openid,
    name: viewer.displayName ?? '提问同学',
    request: keys ? { key: keys.caseKey, hash: ids.derived('h', JSON.stringify(fingerprint)) } : null,
    reusedIf: keys ? { answerId: keys.answerId } : null,
  };
}

/**
 * The event an earlier attempt of this very request produced, if any. Looked
 * up before anything else is checked (a retry gets what the first attempt did,
 * even where the action would now be refused); only the sender can match the key.
 */
export function replayed(q: QuestionRecord, who: ChangeActor): TimelineRecord | null {
  if (!who.request) return null;
  if (who.reusedIf && q.answers.some((a) => a.id === who.reusedIf!.answerId)) throw new DomainError('REQUEST.KEY_REUSED');
  const earlier = q.timeline.find((e) => e.request?.key === who.request!.key);
  if (!earlier) return null;
  if (earlier.request!.hash !== who.request.hash) throw new DomainError('REQUEST.KEY_REUSED');
  return earlier;
}

/** Writes a planned change; false when the version moved. Delivers its messages once written. */
export async function commitChange(ctx: ActionContext, q: QuestionRecord, planned: PlannedChange): Promise<boolean> {
  if (!(await ctx.repos.questions.applyChange(q._id, q.version, planned.change))) return false;
  await deliverOutbox(deliveryDeps(ctx), planned.after, planned.change.outbox, ctx.now);
  return true;
}

export async function applyCaseAction(
  ctx: ActionContext,
  question: QuestionRecord,
  action: CaseAction,
  who: ChangeActor,
  options: {
    answer?: AnswerRecord;
    /**
     * Work done once the rule allows the action (a content check, so someone
     * who may not act learns nothing from it), giving fields the change sets
     * for the question as it is read at each attempt.
     */
    allowed?: () => Promise<(current: QuestionRecord) => Partial<QuestionRecord>>;
  } = {},
): Promise<CaseActionResult> {
  const catalog = await loadCatalog(ctx.repos);
  let current = question;
  let extra: ((current: QuestionRecord) => Partial<QuestionRecord>) | null = null;
  for (let attempt = 1; ; attempt++) {
    const earlier = replayed(current, who);
    if (earlier) return { after: current, event: earlier, catalog };
    const plan = () =>
      planTransition(current, action, { kind: 'person', viewer: ctx.viewer }, who, ctx.now, ctx.settings, {
        answer: options.answer,
        unitName: catalog.unitName,
        ...(extra ? { set: extra(current) } : {}),
      });
    let planned = plan();
    if (planned.ok && planned.planned && options.allowed && !extra) {
      extra = await options.allowed();
      planned = plan();
    }
    if (!planned.ok) throw new DomainError(planned.code, planned.message);
    // Already true (a second 认领 by its holder): nothing to write, nothing on the timeline.
    if (planned.planned === null) return { after: current, event: null, catalog };
    if (await commitChange(ctx, current, planned.planned)) return { after: planned.planned.after, event: planned.planned.event, catalog };
    if (attempt >= MAX_ATTEMPTS) throw new DomainError('QUESTION.STATE_CONFLICT', '问题刚刚被其他人处理过，请刷新后查看');
    current = checkVisible(ctx, await ctx.repos.questions.findById(question._id));
  }
}
