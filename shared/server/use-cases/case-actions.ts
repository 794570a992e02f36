import type { CaseAction } from '../../domain/case-lifecycle';
import { DomainError } from '../../domain/errors';
import type { QuestionRecord } from '../ports/records';
import type { ActionContext, ActionDefinition, PrepareContext } from './action';
import { applyCaseAction, changeActor, checkVisible, replayed, type CaseActionResult } from './apply-case-action';
import { loadCatalog } from './catalog-lookup';
import { checkBeforePublishing } from './content-moderation';

/**
 * 答—办: the transitions a responder, the coordinator or the asker ask for.
 * Each answers with the question's status and version after the change (the
 * same answer for a retried request).
 */
const done = (r: CaseActionResult) => (r.event ? { status: r.event.toStatus ?? r.after.status, version: r.event.version } : { status: r.after.status, version: r.after.version });

async function run(ctx: ActionContext, question: QuestionRecord | null, action: CaseAction, options: Parameters<typeof applyCaseAction>[4] = {}) {
  if (!question) throw new DomainError('QUESTION.NOT_FOUND');
  const who = changeActor(ctx, [question._id, action]);
  // A retry answers with what the first attempt did, even if the question has since moved out of the sender's sight.
  const earlier = replayed(question, who);
  if (earlier) return { status: earlier.toStatus ?? question.status, version: earlier.version };
  return done(await applyCaseAction(ctx, checkVisible(ctx, question), action, who, options));
}

/** Read in the same round trip as the viewer. */
const prepare = ({ questionId }: { questionId: string }, ctx: PrepareContext) => ctx.repos.questions.findById(questionId);

export const claimQuestion: ActionDefinition<'question.claim', QuestionRecord | null> = {
  viewer: 'required',
  prepare,
  run: (_input, ctx, q) => run(ctx, q, { type: 'claim' }),
};

export const transferQuestion: ActionDefinition<'question.transfer', QuestionRecord | null> = {
  viewer: 'required',
  prepare,
  async run({ toUnitId, reason }, ctx, q) {
    const target = (await loadCatalog(ctx.repos)).unit(toUnitId);
    // Questions go to units that answer: colleges, departments, the school committee.
    if (!target || target.kind === 'branch') throw new DomainError('CATALOG.UNKNOWN_UNIT');
    return run(ctx, q, { type: 'transfer', toUnitId, reason });
  },
};

export const startHandling: ActionDefinition<'question.startHandling', QuestionRecord | null> = {
  viewer: 'required',
  prepare,
  run: ({ note }, ctx, q) => run(ctx, q, { type: 'startHandling', note }),
};

export const addProgress: ActionDefinition<'question.addProgress', QuestionRecord | null> = {
  viewer: 'required',
  prepare,
  run: ({ note }, ctx, q) => run(ctx, q, { type: 'addProgress', note }),
};

export const resolveQuestion: ActionDefinition<'question.resolve', QuestionRecord | null> = {
  viewer: 'required',
  prepare,
  run: ({ note }, ctx, q) => run(ctx, q, { type: 'resolve', note }),
};

export const publishNotice: ActionDefinition<'question.publishNotice', QuestionRecord | null> = {
  viewer: 'required',
  // The notice is shown publicly on the question's page (紧急通道：发帖公告处理情况).
  prepare,
  // Published, so checked first; a notice held for a moderator is on the question for its people, public once passed.
  run: ({ notice }, ctx, q) =>
    run(ctx, q, { type: 'publishNotice', notice }, {
      allowed: async () => {
        const moderation = await checkBeforePublishing(ctx, ctx.viewer.openid, notice, 'notice');
        return (current) => ({ noticeModeration: moderation, moderationPendingAt: moderation.state === 'review' ? current.moderationPendingAt ?? ctx.now : current.moderationPendingAt });
      },
    }),
};

export const rateQuestion: ActionDefinition<'question.rate', QuestionRecord | null> = {
  viewer: 'required',
  prepare,
  run: ({ satisfied, comment }, ctx, q) => run(ctx, q, { type: 'rate', satisfied, comment }),
};

export const reopenQuestion: ActionDefinition<'question.reopen', QuestionRecord | null> = {
  viewer: 'required',
  prepare,
  run: ({ reason }, ctx, q) => run(ctx, q, { type: 'reopen', reason }),
};

/** 催办: the unit that missed the deadline is urged (its responders and admins are told); on the timeline. */
export const urgeQuestion: ActionDefinition<'question.urge', QuestionRecord | null> = {
  viewer: 'required',
  prepare,
  run: ({ note }, ctx, q) => run(ctx, q, { type: 'urge', note }),
};
