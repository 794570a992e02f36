import { DomainError } from '../../domain/errors';
import type { ActionDefinition } from './action';
import { applyCaseAction, loadQuestionFor, notifyTransferTarget, type CaseActionResult } from './apply-case-action';
import { loadCatalog } from './catalog-lookup';

/**
 * 答—办: the transitions a responder, the coordinator or the asker ask for.
 * Each answers with the question's new status and version.
 */
const done = (r: CaseActionResult) => ({ status: r.after.status, version: r.after.version });

export const claimQuestion: ActionDefinition<'question.claim'> = {
  viewer: 'required',
  async run({ questionId }, ctx) {
    return done(await applyCaseAction(ctx, await loadQuestionFor(ctx, questionId), { type: 'claim' }));
  },
};

export const transferQuestion: ActionDefinition<'question.transfer'> = {
  viewer: 'required',
  async run({ questionId, toUnitId, reason }, ctx) {
    const question = await loadQuestionFor(ctx, questionId);
    const target = (await loadCatalog(ctx.repos)).unit(toUnitId);
    // Questions go to units that answer: colleges, departments, the school committee.
    if (!target || target.kind === 'branch') throw new DomainError('CATALOG.UNKNOWN_UNIT');
    const result = await applyCaseAction(ctx, question, { type: 'transfer', toUnitId, reason });
    await notifyTransferTarget(ctx, result, reason);
    return done(result);
  },
};

export const startHandling: ActionDefinition<'question.startHandling'> = {
  viewer: 'required',
  async run({ questionId, note }, ctx) {
    return done(await applyCaseAction(ctx, await loadQuestionFor(ctx, questionId), { type: 'startHandling', note }));
  },
};

export const addProgress: ActionDefinition<'question.addProgress'> = {
  viewer: 'required',
  async run({ questionId, note }, ctx) {
    return done(await applyCaseAction(ctx, await loadQuestionFor(ctx, questionId), { type: 'addProgress', note }));
  },
};

export const resolveQuestion: ActionDefinition<'question.resolve'> = {
  viewer: 'required',
  async run({ questionId, note }, ctx) {
    return done(await applyCaseAction(ctx, await loadQuestionFor(ctx, questionId), { type: 'resolve', note }));
  },
};

export const publishNotice: ActionDefinition<'question.publishNotice'> = {
  viewer: 'required',
  async run({ questionId, notice }, ctx) {
    // The notice is shown publicly on the question's page (紧急通道：发帖公告处理情况).
    return done(await applyCaseAction(ctx, await loadQuestionFor(ctx, questionId), { type: 'publishNotice', notice }));
  },
};

export const rateQuestion: ActionDefinition<'question.rate'> = {
  viewer: 'required',
  async run({ questionId, satisfied, comment }, ctx) {
    return done(await applyCaseAction(ctx, await loadQuestionFor(ctx, questionId), { type: 'rate', satisfied, comment }));
  },
};

export const reopenQuestion: ActionDefinition<'question.reopen'> = {
  viewer: 'required',
  async run({ questionId, reason }, ctx) {
    return done(await applyCaseAction(ctx, await loadQuestionFor(ctx, questionId), { type: 'reopen', reason }));
  },
};
