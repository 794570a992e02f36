import { DomainError } from '@shared/domain/errors';
import { canAnswer } from '@shared/domain/permissions';
import type { ActionDefinition } from '@shared/server/api-handler';

/**
 * 答: a responder of the owning unit (or the coordinator) replies. The first such
 * reply is the official answer and stops the clock; the switch is a conditional
 * update on the question's state, so two responders replying at once produce
 * exactly one official answer.
 */
export const postAnswer: ActionDefinition<'answer.post'> = {
  viewer: 'required',
  async run({ questionId, content }, { viewer, repos, ids, now }) {
    const question = await repos.questions.findById(questionId);
    if (!question) throw new DomainError('QUESTION.NOT_FOUND');
    if (!canAnswer(viewer, question)) throw new DomainError('AUTH.FORBIDDEN', '只有负责单位的答复人员可以回复此问题');

    const membership = viewer.user?.memberships.find((m) => m.unitId === question.ownerUnitId) ?? viewer.user?.memberships[0];
    const answerId = ids.next('a');
    await repos.answers.insert({
      _id: answerId,
      questionId,
      responderOpenid: viewer.openid,
      responderName: viewer.displayName ?? '答复老师',
      unitId: membership?.unitId ?? question.ownerUnitId,
      team: membership?.team ?? null,
      content,
      createdAt: now,
    });

    const official = question.status === 'routed' && (await repos.questions.markAnswered(questionId, answerId, now));
    if (!official) await repos.questions.incrementAnswerCount(questionId);
    await repos.events.append({
      _id: ids.next('e'),
      questionId,
      type: official ? 'answered' : 'replied',
      actorOpenid: viewer.openid,
      actorRole: viewer.roles.includes('coordinator') && !viewer.unitIds.includes(question.ownerUnitId) ? 'coordinator' : 'responder',
      at: now,
      fromStatus: question.status,
      toStatus: official ? 'answered' : question.status,
      unitId: question.ownerUnitId,
      reason: null,
    });

    return { answerId, official, answeredAt: official ? now : question.answeredAt };
  },
};
