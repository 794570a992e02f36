import type { TopicPostView, TopicView } from '../../contracts/topic.contract';
import { crisisSignals } from '../../domain/crisis-signals';
import { DomainError } from '../../domain/errors';
import { moderationAfterCheck, moderationAfterDecision } from '../../domain/moderation';
import { canManageTopics } from '../../domain/permissions';
import type { TopicPostRecord, TopicRecord } from '../ports/records';
import type { ActionContext, ActionDefinition } from './action';
import { checkBeforePublishing } from './content-moderation';
import { pageOf, pageRequest } from './paging';

/**
 * 话题墙. Topics and posts are their own small documents; a retried request
 * (same request id) finds what the first attempt created by its derived id and
 * answers the same, and the same id with other content is refused
 * (REQUEST.KEY_REUSED), as for questions (decision 2).
 */
function presentTopic(t: TopicRecord): TopicView {
  return { id: t._id, title: t.title, description: t.description, state: t.state, postCount: Math.max(0, t.postCount), createdAt: t.createdAt, openedByName: t.openedByName };
}

function presentPost(p: TopicPostRecord): TopicPostView {
  return { id: p._id, topicId: p.topicId, content: p.content, authorName: p.authorName, anonymous: p.anonymous, pinned: p.pinned, createdAt: p.createdAt };
}

function keys(ctx: ActionContext, prefix: string, fingerprint: unknown[]): { id: string; hash: string | null } {
  if (!ctx.requestId) return { id: ctx.ids.next(prefix), hash: null };
  return { id: ctx.ids.derived(prefix, ctx.viewer.openid, ctx.requestId), hash: ctx.ids.derived('h', JSON.stringify(fingerprint)) };
}

async function loadTopic(ctx: Pick<ActionContext, 'repos'>, id: string): Promise<TopicRecord> {
  const topic = await ctx.repos.topics.findTopic(id);
  if (!topic) throw new DomainError('TOPIC.NOT_FOUND');
  return topic;
}

export const openTopic: ActionDefinition<'topic.open'> = {
  viewer: 'required',
  async run({ title, description }, ctx) {
    if (!canManageTopics(ctx.viewer)) throw new DomainError('AUTH.FORBIDDEN', '话题由团委开设');
    const { id, hash } = keys(ctx, 'tp', [title, description]);
    const topic: TopicRecord = { _id: id, title, description, state: 'open', createdAt: ctx.now, openedByOpenid: ctx.viewer.openid, openedByName: ctx.viewer.displayName ?? '校团委', postCount: 0, requestHash: hash };
    if (await ctx.repos.topics.insertTopic(topic)) return presentTopic(topic);
    const existing = await loadTopic(ctx, id);
    if (existing.requestHash !== hash || existing.openedByOpenid !== ctx.viewer.openid) throw new DomainError('REQUEST.KEY_REUSED');
    return presentTopic(existing);
  },
};

export const listTopics: ActionDefinition<'topic.list'> = {
  viewer: 'optional',
  async run({ pageSize, cursor }, { repos }) {
    const rows = await repos.topics.listTopics(pageRequest(pageSize, cursor));
    const page = pageOf(rows, pageSize, (t) => [t.createdAt]);
    return { items: page.items.map(presentTopic), nextCursor: page.nextCursor };
  },
};

/**
 * A post: the topic must be open; the content check decides (refused, held for
 * review, or published). Words that signal a student in crisis are never put
 * on a public wall unread: the post waits for a moderator.
 */
export const postToTopic: ActionDefinition<'topic.post', TopicRecord | null> = {
  viewer: 'required',
  prepare: ({ topicId }, { repos }) => repos.topics.findTopic(topicId),
  async run({ topicId, content, anonymous }, ctx, topic) {
    if (!topic) throw new DomainError('TOPIC.NOT_FOUND');
    const { id, hash } = keys(ctx, 'tq', [topicId, content, anonymous]);
    const replay = async () => {
      const existing = ctx.requestId ? await ctx.repos.topics.findPost(id) : null;
      if (!existing) return null;
      if (existing.requestHash !== hash || existing.authorOpenid !== ctx.viewer.openid) throw new DomainError('REQUEST.KEY_REUSED');
      return { id: existing._id, moderation: existing.moderation.state === 'published' ? ('published' as const) : ('review' as const) };
    };
    if (topic.state !== 'open') {
      const earlier = await replay();
      if (earlier) return earlier;
      throw new DomainError('TOPIC.CLOSED');
    }
    let moderation = await checkBeforePublishing(ctx, ctx.viewer.openid, content, 'topicPost');
    if (moderation.state === 'published' && crisisSignals(content).length > 0) moderation = moderationAfterCheck('review', 'crisis', ctx.now);
    const staff = ctx.viewer.user !== null && ctx.viewer.roles.some((r) => r !== 'student');
    const post: TopicPostRecord = {
      _id: id,
      topicId,
      authorOpenid: ctx.viewer.openid,
      authorName: anonymous ? '匿名同学' : staff ? ctx.viewer.displayName ?? '同学' : '同学',
      anonymous,
      content,
      createdAt: ctx.now,
      moderation,
      pinned: false,
      requestHash: hash,
    };
    if (!(await ctx.repos.topics.insertPost(post))) {
      const earlier = await replay();
      if (earlier) return earlier;
      throw new DomainError('REQUEST.KEY_REUSED');
    }
    await ctx.repos.topics.countPost(topicId);
    return { id, moderation: moderation.state === 'published' ? 'published' : 'review' };
  },
};

export const listTopicPosts: ActionDefinition<'topic.posts'> = {
  viewer: 'optional',
  async run({ topicId, pageSize, cursor }, { repos }) {
    const [topic, rows, pinned] = await Promise.all([
      repos.topics.findTopic(topicId),
      repos.topics.listPosts(topicId, pageRequest(pageSize, cursor)),
      cursor ? Promise.resolve([]) : repos.topics.listPinned(topicId),
    ]);
    if (!topic) throw new DomainError('TOPIC.NOT_FOUND');
    const page = pageOf(rows, pageSize, (p) => [p.createdAt]);
    return { topic: presentTopic(topic), pinned: pinned.map(presentPost), items: page.items.map(presentPost), nextCursor: page.nextCursor };
  },
};

/** Idempotent: closing a closed topic or pinning a pinned post changes nothing. */
export const manageTopic: ActionDefinition<'topic.manage'> = {
  viewer: 'required',
  async run({ topicId, op, postId, reason }, ctx) {
    if (!canManageTopics(ctx.viewer)) throw new DomainError('AUTH.FORBIDDEN');
    const { repos } = ctx;
    const topic = await loadTopic(ctx, topicId);
    if (op === 'close' || op === 'reopen') {
      const state = op === 'close' ? 'closed' : 'open';
      if (topic.state !== state) await repos.topics.setTopicState(topicId, state);
      return { topic: presentTopic({ ...topic, state }), post: null };
    }
    const post = await repos.topics.findPost(postId!);
    if (!post || post.topicId !== topicId) throw new DomainError('POST.NOT_FOUND');
    const set: Partial<Pick<TopicPostRecord, 'pinned' | 'moderation'>> =
      op === 'hide' ? { moderation: moderationAfterDecision(post.moderation, 'hide', reason || '不适宜公开', ctx.viewer.displayName ?? '协管', ctx.now), pinned: false } : { pinned: op === 'pin' };
    await repos.topics.updatePost(post._id, set);
    const after = { ...post, ...set };
    return { topic: presentTopic(topic), post: { ...presentPost(after), moderation: after.moderation.state } };
  },
};
