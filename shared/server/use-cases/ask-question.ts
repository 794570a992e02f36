import { answerDeadline } from '../../domain/answer-deadline';
import { ASK_WINDOWS, checkAskLimits } from '../../domain/ask-limits';
import { DomainError } from '../../domain/errors';
import { ROUTE_REASON_LABELS, routeQuestion } from '../../domain/route-question';
import type { ActionContext, ActionDefinition } from './action';
import { newQuestionRecord, nextTimers } from './case-records';
import { notifyNow } from './notify';
import { DuplicateQuestionError } from '../ports/repositories';
import type { QuestionRecord } from '../ports/records';
import { deliveryDeps } from './apply-case-action';
import { loadCatalog, type CatalogLookup } from './catalog-lookup';

/**
 * 听 → 转: a student asks; the question is routed at once to the unit that owns
 * it (首接负责) and its answer deadline is fixed. Idempotent on the client's
 * requestId, so a retried submit creates one question.
 */
export const askQuestion: ActionDefinition<'question.ask'> = {
  viewer: 'required',
  async run(input, ctx) {
    const { viewer, repos, ids, now, requestId } = ctx;
    const catalog = await loadCatalog(repos);
    const college = catalog.unit(input.collegeId);
    if (!college || college.kind !== 'college') throw new DomainError('CATALOG.UNKNOWN_COLLEGE');
    const category = catalog.category(input.categoryId);
    if (!category) throw new DomainError('CATALOG.UNKNOWN_CATEGORY');

    const route = routeQuestion({
      category: { id: category._id, ownerUnitId: category.ownerUnitId },
      collegeId: college._id,
      units: catalog.units.map((u) => ({ id: u._id, kind: u.kind, parentId: u.parentId })),
    });

    const id = requestId ? ids.derived('q', viewer.openid, requestId) : ids.next('q');
    const [lastHour, urgentLastDay] = await Promise.all([
      repos.questions.countByAskerSince(viewer.openid, now - ASK_WINDOWS.hour),
      input.urgent ? repos.questions.countByAskerSince(viewer.openid, now - ASK_WINDOWS.day, { urgentOnly: true }) : Promise.resolve(0),
    ]);
    const allowed = checkAskLimits({ lastHour, urgentLastDay }, input.urgent, ctx.settings.askLimits);
    // A retry of a question that already landed is not a new question.
    if (!allowed.ok && !(requestId && (await repos.questions.findById(id)))) throw new DomainError(allowed.code, allowed.message);
    const question = newQuestionRecord({
      _id: id,
      askerOpenid: viewer.openid,
      askerName: viewer.displayName ?? `${college.name}同学`,
      collegeId: college._id,
      categoryId: category._id,
      title: input.title,
      content: input.content,
      anonymous: input.anonymous,
      urgent: input.urgent,
      visibility: input.visibility,
      ownerUnitId: route.unitId,
      routeReason: route.reason,
      createdAt: now,
      deadlineAt: answerDeadline(now, input.urgent, { answerHours: category.answerHours }),
    });

    let stored = question;
    try {
      await repos.questions.insert(question);
    } catch (err) {
      if (!(err instanceof DuplicateQuestionError)) throw err;
      // A retry of a submit that already landed: answer with what was stored then.
      const existing = await repos.questions.findById(id);
      if (!existing) throw err;
      stored = existing;
    }

    // Idempotent follow-ups: a retry completes whatever a failed attempt left undone.
    const eventId = ids.derived('e', stored._id, 'ask');
    await repos.events.append({
      _id: eventId,
      questionId: stored._id,
      type: 'ask',
      actorOpenid: viewer.openid,
      actorName: stored.anonymous ? '匿名同学' : stored.askerName,
      actorRole: 'student',
      at: stored.createdAt,
      fromStatus: null,
      toStatus: 'routed',
      unitId: stored.ownerUnitId,
      reason: ROUTE_REASON_LABELS[stored.routeReason],
    });
    await repos.timers.schedule(nextTimers(stored, 'ask', now, ctx.settings.reminderOffsetsHours));
    if (stored.urgent) await alertEmergency(ctx, stored, eventId, catalog);

    return {
      id: stored._id,
      routedTo: { unitId: stored.ownerUnitId, unitName: catalog.unitName(stored.ownerUnitId), reason: stored.routeReason },
      createdAt: stored.createdAt,
      deadlineAt: stored.deadlineAt,
    };
  },
};


/** 紧急通道: the group leader (工作小组组长) and the coordinator hear at once. */
async function alertEmergency(ctx: ActionContext, question: QuestionRecord, eventId: string, catalog: CatalogLookup) {
  const [leaders, coordinators] = await Promise.all([ctx.repos.users.listByRole('schoolAdmin'), ctx.repos.users.listByRole('coordinator')]);
  await notifyNow(
    deliveryDeps(ctx),
    [
      {
        kind: 'emergency',
        question,
        recipients: [...leaders, ...coordinators].map((u) => ({ openid: u.openid, name: u.name })),
        occasion: eventId,
        unitName: catalog.unitName(question.ownerUnitId),
        unitId: null,
        note: '',
        at: ctx.now,
        now: ctx.now,
      },
    ],
    ctx.now,
    ctx.log,
  );
}
