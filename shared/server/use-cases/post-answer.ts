import { DomainError } from '../../domain/errors';
import { canAnswer } from '../../domain/permissions';
import type { ActionContext, ActionDefinition } from './action';
import type { QuestionRecord } from '../ports/records';
import { applyCaseAction, loadQuestionFor } from './apply-case-action';

/**
 * 答: a responder of the owning unit (or the coordinator) replies. The first such
 * reply is the official answer and stops the clock. The switch is a write
 * conditional on the question's version: of two responders replying at once,
 * one gives the official answer and the other's reply stays as a follow-up; a
 * reply that lost to a transfer away from the responder's unit is withdrawn
 * with QUESTION.STATE_CONFLICT.
 */
async function recordFollowUp(ctx: ActionContext, question: QuestionRecord, answerId: string) {
  await ctx.repos.questions.incrementAnswerCount(question._id);
  await ctx.repos.events.append({
    _id: ctx.ids.next('e'),
    questionId: question._id,
    type: 'reply',
    actorOpenid: ctx.viewer.openid,
    actorName: ctx.viewer.displayName ?? '答复老师',
    actorRole: ctx.viewer.unitIds.includes(question.ownerUnitId) ? 'responder' : 'coordinator',
    at: ctx.now,
    fromStatus: question.status,
    toStatus: question.status,
    unitId: question.ownerUnitId,
    reason: null,
  });
  return { answerId, official: false, answeredAt: question.answeredAt };
}

export const postAnswer: ActionDefinition<'answer.post'> = {
  viewer: 'required',
  async run({ questionId, content }, ctx) {
    const { viewer, repos, ids, now, requestId } = ctx;
    const question = await loadQuestionFor(ctx, questionId);
    if (!canAnswer(viewer, question)) throw new DomainError('AUTH.FORBIDDEN', '只有负责单位的答复人员可以回复此问题');
    if (question.status === 'closed') throw new DomainError('QUESTION.STATE_CONFLICT', '问题已关闭，不能再回复');

    const membership = viewer.user?.memberships.find((m) => m.unitId === question.ownerUnitId) ?? viewer.user?.memberships[0];
    // Idempotent on the client's request id: a retried 提交回复 posts one reply.
    const answerId = requestId ? ids.derived('a', viewer.openid, requestId) : ids.next('a');
    const inserted = await repos.answers.insert({
      _id: answerId,
      questionId,
      responderOpenid: viewer.openid,
      responderName: viewer.displayName ?? '答复老师',
      unitId: membership?.unitId ?? question.ownerUnitId,
      team: membership?.team ?? null,
      content,
      createdAt: now,
    });
    if (!inserted) {
      return { answerId, official: question.officialAnswerId === answerId, answeredAt: question.answeredAt };
    }

    // A claim or an escalation may change the question's version between our read
    // and our write without taking the answer away: re-read and try again while it
    // is still waiting for an answer that we may give.
    let current: QuestionRecord | null = question;
    for (let attempt = 0; attempt < 3 && current && current.status === 'routed' && canAnswer(viewer, current); attempt++) {
      try {
        await applyCaseAction(ctx, current, { type: 'answer', answerId }, { answerCountDelta: 1, answerText: content });
        return { answerId, official: true, answeredAt: now };
      } catch (err) {
        if (!(err instanceof DomainError) || err.code !== 'QUESTION.STATE_CONFLICT') throw err;
        current = await repos.questions.findById(questionId);
      }
    }
    // Answered by someone else meanwhile: ours is a follow-up, if the question is still ours.
    if (current && canAnswer(viewer, current) && current.status !== 'closed') return recordFollowUp(ctx, current, answerId);
    await repos.answers.remove(answerId);
    throw new DomainError('QUESTION.STATE_CONFLICT', '问题已转办给其他单位，你的回复未发布');
  },
};
