import { DomainError } from '../../domain/errors';
import type { QuestionRecord } from '../ports/records';
import type { ActionContext, ActionDefinition } from './action';
import { activitySignUpsOf, removeFromActivities } from './activities';
import { commitChange } from './apply-case-action';
import { retractReaction } from './community';
import { loadCatalog } from './catalog-lookup';
import { removeActor, removeAsker, type IdentityRemoval } from './personal-data';
import { presentDetail } from './present-question';
import { composeChange } from './question-changes';
import { removeTopicContentOf, topicContentOf } from './topics';

/**
 * 我的数据 and 注销账号 (the rights of a person under the PIPL, and WeChat's
 * rules for mini-programs): a person downloads everything the platform holds
 * about them, and deletes their account.
 *
 * Deletion keeps the questions — anonymised — for the units' statistics and
 * the public record, and removes the person everywhere else: their roster
 * entry, their subscriptions, the messages meant for them, their reports,
 * their asking quota, their places on activities (a past activity keeps
 * their seat, without their name). Every step can run again, so a retried (or interrupted
 * and repeated) deletion finishes what the first began.
 */
const MESSAGES_EXPORTED = 1000;
const MAX_ATTEMPTS = 4;

/** A person's 同问, follows and likes exported and retracted (more than anyone makes in years of use). */
const REACTIONS_HANDLED = 5000;

export const exportMyData: ActionDefinition<'me.export'> = {
  viewer: 'required',
  async run(_input, ctx) {
    const { viewer, repos, now } = ctx;
    const openid = viewer.openid;
    const [asked, acted, messages, credits, reports, quota, catalog, reactions, topics, signUps] = await Promise.all([
      repos.questions.listAllByAsker(openid),
      repos.questions.listActedBy(openid),
      repos.notifications.listByRecipient(openid, MESSAGES_EXPORTED),
      repos.subscriptions.listCredits(openid),
      repos.reports.listByReporter(openid),
      repos.askQuotas.find(openid),
      loadCatalog(repos),
      repos.reactions.listByPerson(openid, REACTIONS_HANDLED),
      topicContentOf(repos, openid),
      activitySignUpsOf(repos, openid),
    ]);
    const others = acted.filter((q) => q.askerOpenid !== openid);
    const user = viewer.user;
    return {
      exportedAt: now,
      identity: {
        openid,
        registered: user !== null,
        name: user?.name ?? null,
        collegeId: user?.collegeId ?? null,
        roles: [...viewer.roles],
        memberships: (user?.memberships ?? []).map((m) => ({ unitId: m.unitId, unitName: catalog.unitName(m.unitId), team: m.team, categoryIds: m.categoryIds })),
      },
      questionsAsked: asked.map((q) => presentDetail(q, catalog, viewer, now)),
      answersGiven: others.flatMap((q) =>
        q.answers
          .filter((a) => a.responderOpenid === openid)
          .map((a) => ({ questionId: q._id, questionTitle: q.title, answerId: a.id, content: a.content, createdAt: a.createdAt, official: q.officialAnswerId === a.id })),
      ),
      stepsTaken: others.flatMap((q) =>
        q.timeline
          .filter((e) => e.actorOpenid === openid && e.type !== 'answer' && e.type !== 'reply')
          .map((e) => ({ questionId: q._id, questionTitle: q.title, type: e.type, at: e.at, note: e.reason })),
      ),
      messages: messages.map((m) => ({ kind: m.kind, text: m.text, state: m.state, createdAt: m.createdAt })),
      subscriptions: credits.map((c) => ({ templateId: c.templateId, credits: c.credits })),
      reports: reports.map((r) => ({ questionId: r.questionId, target: r.target, reason: r.reason, at: r.at })),
      recentAsks: (quota?.recent ?? []).map((r) => r.at),
      reactions: reactions.map((r) => ({ kind: r.kind, targetType: r.targetType, targetId: r.targetId, questionId: r.questionId, at: r.at })),
      topicPosts: topics.posts.map((p) => ({ id: p._id, topicId: p.topicId, content: p.content, anonymous: p.anonymous, createdAt: p.createdAt, moderation: p.moderation.state, likeCount: p.likeCount })),
      topicComments: topics.commented.flatMap((p) =>
        p.comments
          .filter((c) => c.authorOpenid === openid)
          .map((c) => ({ id: c.id, postId: p._id, topicId: p.topicId, content: c.content, anonymous: c.anonymous, createdAt: c.createdAt, moderation: c.moderation.state })),
      ),
      activitySignUps: signUps,
    };
  },
};

/** Writes one identity removal into a question, re-reading when the question changed underneath. */
async function removeFrom(ctx: ActionContext, question: QuestionRecord, removal: (q: QuestionRecord) => IdentityRemoval | null): Promise<void> {
  const catalog = await loadCatalog(ctx.repos);
  let q: QuestionRecord | null = question;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS && q; attempt++) {
    const parts = removal(q);
    if (!parts) return;
    const planned = composeChange(q, { set: parts.set, replace: parts.replace, unitName: catalog.unitName }, ctx.now, ctx.settings);
    if (await commitChange(ctx, q, planned)) return;
    q = await ctx.repos.questions.findById(q._id);
  }
  if (q) throw new DomainError('QUESTION.STATE_CONFLICT', '你的部分问题正在被处理，请稍后再试一次注销');
}

export const deleteMyAccount: ActionDefinition<'me.delete'> = {
  viewer: 'required',
  async run(_input, ctx) {
    const { repos, now } = ctx;
    const openid = ctx.viewer.openid;
    const [asked, acted] = await Promise.all([repos.questions.listAllByAsker(openid), repos.questions.listActedBy(openid)]);
    // Their questions first (the asker's identity and what they wrote to the handlers), then their steps on others'.
    for (const q of asked) await removeFrom(ctx, q, (current) => (current.askerOpenid === openid ? removeAsker(current, now) : null));
    for (const q of acted.filter((q) => !asked.some((a) => a._id === q._id))) await removeFrom(ctx, q, (current) => removeActor(current, openid));
    // Their 同问, follows and likes go with them, and the counts they moved move back.
    for (const r of await repos.reactions.listByPerson(openid, REACTIONS_HANDLED)) await retractReaction(repos, r, now);
    // Their takes on the 话题墙 go; their comments on others' takes are emptied in place.
    await removeTopicContentOf(repos, openid, now);
    // Their sign-ups: an upcoming seat goes to the next person waiting; a past one stays, without their name.
    await removeFromActivities(ctx, openid);
    await Promise.all([
      repos.reactions.removeByPerson(openid),
      repos.notifications.removeByRecipient(openid),
      repos.subscriptions.removeAll(openid),
      repos.reports.removeByReporter(openid),
      repos.askQuotas.remove(openid),
    ]);
    await repos.users.remove(openid);
    return { deleted: true as const };
  },
};
