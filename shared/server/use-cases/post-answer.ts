import { DomainError } from '../../domain/errors';
import { canAnswer } from '../../domain/permissions';
import type { AnswerRecord, QuestionRecord } from '../ports/records';
import type { ActionDefinition } from './action';
import { checkVisible, commitChange, requestKeys } from './apply-case-action';
import { loadCatalog } from './catalog-lookup';
import { composeChange, planTransition, type ChangeActor } from './question-changes';
import { checkBeforePublishing } from './content-moderation';
import { checkPictures } from './pictures';
import { corpusStatsChange, indexQuestion } from '../../domain/search/search-index';

/**
 * 答: a responder of the owning unit (or the coordinator) replies. The first
 * such reply is the official answer and stops the clock; the answer, its
 * timeline event and the asker's message are one write conditional on the
 * question's version. Of two responders replying at once, one gives the
 * official answer and the other's reply becomes a follow-up; a reply that lost
 * to a transfer away from the responder's unit is refused with
 * QUESTION.STATE_CONFLICT.
 *
 * Idempotent on the client's request id: the answer's id is derived from it,
 * so a retry finds its answer in the question and answers with the same truth
 * (official or not) — however many copies of the request raced. The same id
 * with other content, or on another question, is refused (REQUEST.KEY_REUSED).
 */
interface Prepared {
  answerId: string;
  question: QuestionRecord | null;
  /** The answer id already lives in another question: the request id was reused. */
  reusedElsewhere: boolean;
}

const MAX_ATTEMPTS = 4;

function truth(q: QuestionRecord, answerId: string) {
  const answer = q.answers.find((a) => a.id === answerId);
  return { answerId, official: q.officialAnswerId === answerId, answeredAt: q.answeredAt, moderation: answer?.moderation.state ?? 'published' };
}

export const postAnswer: ActionDefinition<'answer.post', Prepared> = {
  viewer: 'required',
  async prepare({ questionId }, { repos, ids, openid, requestId }) {
    if (!requestId) return { answerId: ids.next('a'), question: await repos.questions.findById(questionId), reusedElsewhere: false };
    const answerId = ids.derived('a', openid, requestId);
    const rows = await repos.questions.findWithAnswerId(questionId, answerId);
    return { answerId, question: rows.find((r) => r._id === questionId) ?? null, reusedElsewhere: rows.some((r) => r._id !== questionId) };
  },
  async run({ questionId, content, pictures }, ctx, { answerId, question, reusedElsewhere }) {
    const { viewer, ids, now, settings } = ctx;
    if (reusedElsewhere) throw new DomainError('REQUEST.KEY_REUSED');
    if (!question) throw new DomainError('QUESTION.NOT_FOUND');
    // Pictures join the fingerprint only when there are some, so earlier requests keep theirs.
    const requestHash = ctx.requestId ? (pictures.length > 0 ? ids.derived('h', questionId, content, JSON.stringify(pictures)) : ids.derived('h', questionId, content)) : null;
    const keys = requestKeys({ ...ctx, openid: viewer.openid });
    // A retry answers with what the first attempt did, before anything else is checked (only its sender can match the id).
    const earlier = question.answers.find((a) => a.id === answerId);
    if (earlier) {
      if (earlier.requestHash !== requestHash) throw new DomainError('REQUEST.KEY_REUSED');
      return truth(question, answerId);
    }
    if (keys && question.timeline.some((e) => e.request?.key === keys.caseKey)) throw new DomainError('REQUEST.KEY_REUSED');
    let q = checkVisible(ctx, question);
    const catalog = await loadCatalog(ctx.repos);
    const who: ChangeActor = { openid: viewer.openid, name: viewer.displayName ?? '答复老师', request: null };
    // Checked once the caller may reply at all (a stranger learns nothing about the word list).
    if (!canAnswer(viewer, q)) throw new DomainError('AUTH.FORBIDDEN', '只有负责单位的答复人员可以回复此问题');
    // Pictures are checked in storage (stored, an image, at most 2 MB) before anything is written.
    const [moderation] = await Promise.all([checkBeforePublishing(ctx, viewer.openid, content, 'answer'), checkPictures(ctx.files, pictures)]);

    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const mine = q.answers.find((a) => a.id === answerId);
      if (mine) {
        if (mine.requestHash !== requestHash) throw new DomainError('REQUEST.KEY_REUSED');
        return truth(q, answerId);
      }
      if (!canAnswer(viewer, q)) {
        if (attempt === 1) throw new DomainError('AUTH.FORBIDDEN', '只有负责单位的答复人员可以回复此问题');
        throw new DomainError('QUESTION.STATE_CONFLICT', '问题已转办给其他单位，你的回复未发布');
      }
      if (q.status === 'closed') throw new DomainError('QUESTION.STATE_CONFLICT', '问题已关闭，不能再回复');

      const membership = viewer.user?.memberships.find((m) => m.unitId === q.ownerUnitId) ?? viewer.user?.memberships[0];
      const answer: AnswerRecord = {
        id: answerId,
        responderOpenid: viewer.openid,
        responderName: who.name,
        unitId: membership?.unitId ?? q.ownerUnitId,
        team: membership?.team ?? null,
        content,
        createdAt: now,
        requestHash,
        moderation,
        ...(pictures.length > 0 ? { pictures } : {}),
      };
      // An answer held for a moderator puts the question in the review queue (the asker has it already).
      const pending = moderation.state === 'review' ? { moderationPendingAt: q.moderationPendingAt ?? now } : {};
      if (q.status === 'routed') {
        // The official answer is found by search too, once it is public.
        const search = q.search && moderation.state === 'published' ? indexQuestion({ title: q.title, content: q.content, answer: content }) : q.search;
        const plan = planTransition(q, { type: 'answer', answerId }, { kind: 'person', viewer }, who, now, settings, { answer, unitName: catalog.unitName, set: { ...pending, search } });
        if (!plan.ok) throw new DomainError(plan.code, plan.message);
        if (plan.planned && (await commitChange(ctx, q, plan.planned))) {
          await ctx.repos.search.changeStats(corpusStatsChange(q.search, search));
          return { answerId, official: true, answeredAt: now, moderation: moderation.state };
        }
      } else {
        // Answered already: ours is a follow-up reply, kept on the timeline.
        const planned = composeChange(
          q,
          {
            set: { answerCount: q.answerCount + 1, ...pending },
            event: {
              type: 'reply',
              actorOpenid: viewer.openid,
              actorName: who.name,
              actorRole: viewer.unitIds.includes(q.ownerUnitId) ? 'responder' : 'coordinator',
              at: now,
              fromStatus: q.status,
              toStatus: q.status,
              unitId: q.ownerUnitId,
              reason: null,
              answerId,
              request: null,
            },
            answers: [answer],
            unitName: catalog.unitName,
          },
          now,
          settings,
        );
        if (await commitChange(ctx, q, planned)) return truth(planned.after, answerId);
      }
      // The question changed between our read and our write: read it again and decide again.
      q = checkVisible(ctx, await ctx.repos.questions.findById(questionId));
    }
    throw new DomainError('QUESTION.STATE_CONFLICT', '问题刚刚被其他人处理过，请刷新后查看');
  },
};
