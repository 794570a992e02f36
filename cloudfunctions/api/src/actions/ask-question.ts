import { answerDeadline } from '@shared/domain/answer-deadline';
import { DomainError } from '@shared/domain/errors';
import { routeQuestion } from '@shared/domain/route-question';
import type { ActionDefinition } from '@shared/server/api-handler';
import { DuplicateQuestionError } from '@shared/server/repositories/ports';
import type { QuestionRecord } from '@shared/server/repositories/records';
import { loadCatalog } from './catalog-lookup';

/**
 * 听 → 转: a student asks; the question is routed at once to the unit that owns
 * it (首接负责) and its answer deadline is fixed. Idempotent on the client's
 * requestId, so a retried submit creates one question.
 */
export const askQuestion: ActionDefinition<'question.ask'> = {
  viewer: 'required',
  async run(input, { viewer, repos, ids, now, requestId }) {
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
    const question: QuestionRecord = {
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
      status: 'routed',
      ownerUnitId: route.unitId,
      routeReason: route.reason,
      createdAt: now,
      deadlineAt: answerDeadline(now, input.urgent, { answerHours: category.answerHours }),
      answeredAt: null,
      officialAnswerId: null,
      answerCount: 0,
    };

    let stored = question;
    try {
      await repos.questions.insert(question);
      await repos.events.append({
        _id: ids.next('e'),
        questionId: id,
        type: 'asked',
        actorOpenid: viewer.openid,
        actorRole: 'student',
        at: now,
        fromStatus: null,
        toStatus: 'routed',
        unitId: route.unitId,
        reason: `routed by ${route.reason}`,
      });
    } catch (err) {
      if (!(err instanceof DuplicateQuestionError)) throw err;
      // A retry of a submit that already landed: answer with what was stored then.
      const existing = await repos.questions.findById(id);
      if (!existing) throw err;
      stored = existing;
    }

    return {
      id: stored._id,
      routedTo: { unitId: stored.ownerUnitId, unitName: catalog.unitName(stored.ownerUnitId), reason: stored.routeReason },
      createdAt: stored.createdAt,
      deadlineAt: stored.deadlineAt,
    };
  },
};
