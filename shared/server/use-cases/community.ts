import { likeCounterId, likesReceivedCounterId, METOO_THRESHOLD, type ReactionKind, type ReactionTargetType } from '../../domain/community';
import { DomainError } from '../../domain/errors';
import { messagesForMetooThreshold } from '../../domain/notification-plan';
import { isHandlerOf } from '../../domain/permissions';
import type { QuestionRecord, ReactionRecord } from '../ports/records';
import type { ActionContext, ActionDefinition } from './action';
import { checkVisible, commitChange } from './apply-case-action';
import { loadCatalog } from './catalog-lookup';
import { composeChange } from './question-changes';

/**
 * 同问, 关注 and 点赞 (decision 19). Each is one record per person per thing,
 * its id derived from (kind, target, person): creating it is the only way in,
 * so of any number of copies of one person's request exactly one creates it,
 * and only that one moves the counter (`_.inc`). Removing works the same way
 * in reverse. Requests say what they want (`on: true|false`), never "toggle",
 * so a retry answers the same.
 */
export function reactionId(ctx: Pick<ActionContext, 'ids'>, kind: ReactionKind, targetType: ReactionTargetType, targetId: string, openid: string): string {
  return ctx.ids.derived('x', kind, targetType, targetId, openid);
}

const readQuestion = ({ questionId }: { questionId: string }, { repos }: { repos: ActionContext['repos'] }) => repos.questions.findById(questionId);

/**
 * 同问 and 关注 are for public, published questions, by anyone but their
 * asker (who hears of every step anyway, and whose 同问 could give away an
 * anonymous question).
 */
function checkWatchable(ctx: ActionContext, question: QuestionRecord | null): QuestionRecord {
  const q = checkVisible(ctx, question);
  if (q.visibility !== 'public' || q.moderation.state !== 'published' || q.askerOpenid === ctx.viewer.openid) throw new DomainError('REACTION.NOT_ALLOWED');
  return q;
}

/** Creates or removes the person's record; true when this request changed it (and so must move the counter). */
async function setReaction(ctx: ActionContext, on: boolean, record: Omit<ReactionRecord, '_id' | 'openid' | 'at'>): Promise<boolean> {
  const _id = reactionId(ctx, record.kind, record.targetType, record.targetId, ctx.viewer.openid);
  return on ? ctx.repos.reactions.add({ _id, ...record, openid: ctx.viewer.openid, at: ctx.now }) : ctx.repos.reactions.remove(_id);
}

/**
 * Tells the owning unit, once, that many people 同问: the flag and the message
 * it owes are one conditional update of the question (decision 10), so two
 * requests crossing the threshold together send one message.
 */
async function flagIfCrossed(ctx: ActionContext, questionId: string): Promise<number> {
  const catalog = await loadCatalog(ctx.repos);
  for (let attempt = 1; attempt <= 3; attempt++) {
    const q = await ctx.repos.questions.findById(questionId);
    if (!q) return 0;
    const count = q.metooCount ?? 0;
    if (q.metooFlaggedAt || count < METOO_THRESHOLD) return count;
    const planned = composeChange(
      q,
      { set: { metooFlaggedAt: ctx.now }, messages: messagesForMetooThreshold(q, count).map((m) => ({ ...m, occasion: 'metoo' })), unitName: catalog.unitName },
      ctx.now,
      ctx.settings,
    );
    if (await commitChange(ctx, q, planned)) return count;
  }
  return 0;
}

export const metooQuestion: ActionDefinition<'question.metoo', QuestionRecord | null> = {
  viewer: 'required',
  prepare: readQuestion,
  async run({ questionId, on }, ctx, question) {
    const q = checkWatchable(ctx, question);
    const changed = await setReaction(ctx, on, { kind: 'metoo', targetType: 'question', targetId: q._id, questionId: q._id, creditedTo: null, creditedUnitId: null });
    const before = q.metooCount ?? 0;
    if (!changed) return { questionId, on, count: before };
    await ctx.repos.questions.incCounters(q._id, { metooCount: on ? 1 : -1 });
    const estimate = Math.max(0, before + (on ? 1 : -1));
    // Until the unit has been told, read the count back (what this request read may be stale: concurrent 同问 cross the threshold together).
    if (on && !q.metooFlaggedAt) return { questionId, on, count: Math.max(estimate, await flagIfCrossed(ctx, q._id)) };
    return { questionId, on, count: estimate };
  },
};

export const followQuestion: ActionDefinition<'question.follow', QuestionRecord | null> = {
  viewer: 'required',
  prepare: readQuestion,
  async run({ questionId, on }, ctx, question) {
    const q = checkWatchable(ctx, question);
    await setReaction(ctx, on, { kind: 'follow', targetType: 'question', targetId: q._id, questionId: q._id, creditedTo: null, creditedUnitId: null });
    return { questionId, on };
  },
};

/**
 * 点赞 an answer the viewer can see: on a public question its published
 * answers, on their own question (private too) its asker likes any answer.
 * Credited to the responder (a kept figure, and the records by `creditedTo`
 * for statistics); nobody likes their own answer.
 */
export const likeAnswer: ActionDefinition<'answer.like', QuestionRecord | null> = {
  viewer: 'required',
  prepare: readQuestion,
  async run({ answerId, on }, ctx, question) {
    const q = checkVisible(ctx, question);
    const isAsker = q.askerOpenid === ctx.viewer.openid;
    const answer = q.answers.find((a) => a.id === answerId);
    if (!answer || (answer.moderation.state !== 'published' && !isAsker && !isHandlerOf(ctx.viewer, q))) throw new DomainError('ANSWER.NOT_FOUND');
    const publicQuestion = q.visibility === 'public' && q.moderation.state === 'published';
    if ((!publicQuestion && !isAsker) || answer.responderOpenid === ctx.viewer.openid) throw new DomainError('REACTION.NOT_ALLOWED');
    const changed = await setReaction(ctx, on, { kind: 'like', targetType: 'answer', targetId: answerId, questionId: q._id, creditedTo: answer.responderOpenid, creditedUnitId: answer.unitId });
    const counterId = likeCounterId('answer', answerId);
    if (changed) {
      const delta = on ? 1 : -1;
      await Promise.all([
        ctx.repos.counters.inc(counterId, delta, ctx.now),
        ctx.repos.counters.inc(likesReceivedCounterId(answer.responderOpenid), delta, ctx.now),
        ctx.repos.questions.incCounters(q._id, { likeCount: delta }),
      ]);
    }
    const [counter] = await ctx.repos.counters.get([counterId]);
    return { answerId, on, count: Math.max(0, counter?.count ?? 0) };
  },
};

type LikeTarget = 'topicPost' | 'article';

/**
 * The take or article a like is about: to like it, it must be there for
 * everyone (a published take on a topic not hidden; an article not taken
 * down) and not the viewer's own; a like can always be taken back. Returns
 * the unit it credits (the topic's committee, the article's unit).
 */
async function likeTarget(ctx: ActionContext, targetType: LikeTarget, targetId: string, on: boolean): Promise<{ unitId: string }> {
  const { repos, viewer } = ctx;
  if (targetType === 'article') {
    const article = await repos.articles.findById(targetId);
    if (!article || (on && article.hidden)) throw new DomainError('ARTICLE.NOT_FOUND');
    if (on && article.authorOpenid === viewer.openid) throw new DomainError('REACTION.NOT_ALLOWED', '不能给自己发布的文章点赞');
    return { unitId: article.unitId };
  }
  const post = await repos.topics.findPost(targetId);
  if (!post) throw new DomainError('TOPIC.POST_NOT_FOUND');
  const topic = await repos.topics.findById(post.topicId);
  if (!topic) throw new DomainError('TOPIC.NOT_FOUND');
  if (on) {
    if (topic.hidden) throw new DomainError('TOPIC.NOT_FOUND');
    // Held for review or hidden: not there for the public, so not likeable (what comments refuse too).
    if (post.moderation.state !== 'published') throw new DomainError('TOPIC.POST_NOT_FOUND');
    if (post.authorOpenid === viewer.openid) throw new DomainError('REACTION.NOT_ALLOWED', '不能给自己的发言点赞');
  }
  return { unitId: topic.unitId };
}

async function moveLikes(repos: ActionContext['repos'], targetType: LikeTarget, targetId: string, delta: number): Promise<void> {
  if (targetType === 'article') await repos.articles.incLikes(targetId, delta);
  else await repos.topics.incPostLikes(targetId, delta);
}

/**
 * 点赞 a take on the 话题墙 or a 青年视角 article: the same records as
 * `answer.like` (one per person, id from kind, target, person), and only the
 * request that created or removed the record moves the thing's `likeCount`
 * (`_.inc` on its own document). The count returned is read back.
 */
export const setLike: ActionDefinition<'like.set'> = {
  viewer: 'required',
  async run({ targetType, targetId, on }, ctx) {
    const { unitId } = await likeTarget(ctx, targetType, targetId, on);
    const changed = await setReaction(ctx, on, { kind: 'like', targetType, targetId, questionId: null, creditedTo: null, creditedUnitId: unitId });
    if (changed) await moveLikes(ctx.repos, targetType, targetId, on ? 1 : -1);
    const fresh = targetType === 'article' ? await ctx.repos.articles.findById(targetId) : await ctx.repos.topics.findPost(targetId);
    return { targetType, targetId, on, count: Math.max(0, fresh?.likeCount ?? 0) };
  },
};

/** Which of the given takes or articles the viewer liked: the records read by id, one request beside the viewer lookup. */
export const myLikes: ActionDefinition<'like.mine', ReactionRecord[]> = {
  viewer: 'required',
  prepare: ({ targetType, targetIds }, ctx) => ctx.repos.reactions.findMany(targetIds.map((id) => reactionId(ctx, 'like', targetType, id, ctx.openid))),
  async run({ targetType, targetIds }, _ctx, mine) {
    const liked = new Set(mine.map((r) => r.targetId));
    return { targetType, liked: targetIds.filter((id) => liked.has(id)) };
  },
};

/**
 * The question page's community state: the viewer's own records on the
 * question are read beside the question and the viewer (one round trip), the
 * visible answers' like counters after it.
 */
export const questionReactions: ActionDefinition<'question.reactions', [QuestionRecord | null, ReactionRecord[]]> = {
  viewer: 'required',
  prepare: ({ questionId }, { repos, openid }) => Promise.all([repos.questions.findById(questionId), repos.reactions.listMineOn(openid, questionId)]),
  async run({ questionId }, ctx, [question, mine]) {
    const q = checkVisible(ctx, question);
    const seesAll = q.askerOpenid === ctx.viewer.openid || isHandlerOf(ctx.viewer, q);
    const answers = q.answers.filter((a) => seesAll || a.moderation.state === 'published');
    const counters = await ctx.repos.counters.get(answers.map((a) => likeCounterId('answer', a.id)));
    const likes = new Map(counters.map((c) => [c._id, c.count]));
    const has = (kind: ReactionRecord['kind'], targetId: string) => mine.some((r) => r.kind === kind && r.targetId === targetId);
    return {
      questionId,
      metooCount: Math.max(0, q.metooCount ?? 0),
      canWatch: q.visibility === 'public' && q.moderation.state === 'published' && q.askerOpenid !== ctx.viewer.openid,
      metoo: has('metoo', q._id),
      following: has('follow', q._id),
      answers: answers.map((a) => ({ answerId: a.id, likeCount: Math.max(0, likes.get(likeCounterId('answer', a.id)) ?? 0), liked: has('like', a.id) })),
    };
  },
};

/**
 * Takes one of a person's records back (their account is deleted): removed by
 * id, and only if this removal took effect, the counters it moved move back.
 */
export async function retractReaction(repos: ActionContext['repos'], r: ReactionRecord, now: number): Promise<void> {
  if (!(await repos.reactions.remove(r._id))) return;
  if (r.kind === 'metoo' && r.questionId) await repos.questions.incCounters(r.questionId, { metooCount: -1 });
  if (r.kind === 'like' && (r.targetType === 'topicPost' || r.targetType === 'article')) await moveLikes(repos, r.targetType, r.targetId, -1);
  else if (r.kind === 'like') {
    await Promise.all([
      repos.counters.inc(likeCounterId(r.targetType, r.targetId), -1, now),
      r.creditedTo ? repos.counters.inc(likesReceivedCounterId(r.creditedTo), -1, now) : Promise.resolve(),
      r.targetType === 'answer' && r.questionId ? repos.questions.incCounters(r.questionId, { likeCount: -1 }) : Promise.resolve(),
    ]);
  }
}
