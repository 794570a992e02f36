import { COMMENTS_PER_POST_MAX } from '../../contracts/topic.contract';
import { DomainError } from '../../domain/errors';
import { moderationAfterDecision } from '../../domain/moderation';
import { canModerateBoards, TOPIC_UNIT_KINDS } from '../../domain/permissions';
import type { TopicCommentRecord, TopicPostRecord, TopicRecord } from '../ports/records';
import type { Repositories } from '../ports/repositories';
import type { ActionContext, ActionDefinition, PublicActionContext } from './action';
import { checkStaffText, checkStudentText, requestKeys, speaksFor } from './board-access';
import { loadCatalog, type CatalogLookup } from './catalog-lookup';
import { pageOf, pageRequest } from './paging';
import type { ResolvedViewer } from './viewer';

/**
 * 话题墙 (BUCM §一 微博话题墙; §四 听、说、答、问): a league committee (the
 * school committee or a college committee) opens a topic; students post short
 * takes and comment, anonymously if they like — an anonymous author is never
 * named to anyone but themselves. Takes and comments pass the content check
 * (risky: refused; review: held until the committee or a moderator looks).
 * The committee pins, closes and hides; moderators may act on every topic.
 */
const ANONYMOUS_NAME = '匿名同学';
const COMMENTS_SHOWN = 20;

function manages(viewer: ResolvedViewer | null, topic: Pick<TopicRecord, 'unitId'>): boolean {
  return viewer !== null && (canModerateBoards(viewer) || speaksFor(viewer, topic.unitId));
}

function presentTopic(t: TopicRecord, catalog: CatalogLookup) {
  return {
    id: t._id,
    title: t.title,
    description: t.description,
    unitId: t.unitId,
    unitName: catalog.unitName(t.unitId),
    state: t.state,
    pinned: t.pinned,
    hidden: t.hidden,
    postCount: t.postCount,
    createdAt: t.createdAt,
  };
}

function author(p: { authorOpenid: string; authorName: string; anonymous: boolean }, viewer: ResolvedViewer | null) {
  const mine = viewer !== null && viewer.openid === p.authorOpenid;
  return { authorName: p.anonymous ? (mine ? `${p.authorName}（匿名）` : ANONYMOUS_NAME) : p.authorName, anonymous: p.anonymous, mine };
}

/** The public sees published comments; a comment's author also sees their own held one. */
function visibleComment(c: TopicCommentRecord, viewer: ResolvedViewer | null, manager: boolean): boolean {
  return c.moderation.state === 'published' || (c.moderation.state === 'review' && (manager || viewer?.openid === c.authorOpenid)) || (manager && c.moderation.state === 'hidden');
}

function presentPost(p: TopicPostRecord, viewer: ResolvedViewer | null, manager: boolean) {
  const comments = p.comments.filter((c) => visibleComment(c, viewer, manager)).slice(-COMMENTS_SHOWN).reverse();
  return {
    id: p._id,
    topicId: p.topicId,
    ...author(p, viewer),
    content: p.content,
    createdAt: p.createdAt,
    moderation: p.moderation.state,
    likeCount: p.likeCount,
    commentCount: p.comments.filter((c) => c.moderation.state === 'published').length,
    comments: comments.map((c) => ({ id: c.id, ...author(c, viewer), content: c.content, createdAt: c.createdAt, moderation: c.moderation.state })),
  };
}

/** A topic the viewer may see: not hidden, unless they manage it. */
async function visibleTopic(ctx: Pick<PublicActionContext, 'repos' | 'viewer'>, id: string): Promise<TopicRecord> {
  const t = await ctx.repos.topics.findById(id);
  if (!t || (t.hidden && !manages(ctx.viewer, t))) throw new DomainError('TOPIC.NOT_FOUND');
  return t;
}

async function managedTopic(ctx: ActionContext, id: string): Promise<TopicRecord> {
  const t = await ctx.repos.topics.findById(id);
  if (!t) throw new DomainError('TOPIC.NOT_FOUND');
  if (!manages(ctx.viewer, t)) throw new DomainError('AUTH.FORBIDDEN', '只有开设话题的团委管理员、协管员和学校管理员可以管理话题');
  return t;
}

/** 开设话题: the admins of a league committee (school or college), the coordinator or the school admin. */
export const createTopic: ActionDefinition<'topic.create'> = {
  viewer: 'required',
  async run(input, ctx) {
    const { repos, viewer, now } = ctx;
    const catalog = await loadCatalog(repos);
    const unit = catalog.unit(input.unitId);
    if (!unit) throw new DomainError('CATALOG.UNKNOWN_UNIT');
    if (!(TOPIC_UNIT_KINDS as readonly string[]).includes(unit.kind)) throw new DomainError('INPUT.INVALID', '话题由校团委或学院团委开设');
    if (!speaksFor(viewer, unit._id)) throw new DomainError('AUTH.FORBIDDEN', '只有本团委的管理员、协管员和学校管理员可以开设话题');
    const { id, hash } = requestKeys(ctx, 'tp', [input.unitId, input.title, input.description]);
    const earlier = ctx.requestId ? await repos.topics.findById(id) : null;
    if (earlier) {
      if (earlier.createdByOpenid !== viewer.openid || earlier.requestHash !== hash) throw new DomainError('REQUEST.KEY_REUSED');
      return { id };
    }
    await checkStaffText(ctx, viewer.openid, `${input.title}\n${input.description}`, 'topic');
    const topic: TopicRecord = {
      _id: id,
      unitId: unit._id,
      title: input.title,
      description: input.description,
      state: 'open',
      pinned: false,
      hidden: false,
      hiddenReason: null,
      postCount: 0,
      createdAt: now,
      createdByOpenid: viewer.openid,
      createdByName: viewer.displayName ?? unit.name,
      requestHash: hash,
    };
    if (!(await repos.topics.insert(topic))) {
      const stored = await repos.topics.findById(id);
      if (!stored || stored.requestHash !== hash || stored.createdByOpenid !== viewer.openid) throw new DomainError('REQUEST.KEY_REUSED');
    }
    return { id };
  },
};

/** 话题墙: pinned first, newest first; hidden topics only for moderators. */
export const listTopics: ActionDefinition<'topic.list'> = {
  viewer: 'ifSignedIn',
  async run({ pageSize, cursor }, ctx) {
    const includeHidden = ctx.viewer !== null && canModerateBoards(ctx.viewer);
    const [rows, catalog] = await Promise.all([ctx.repos.topics.list(includeHidden, pageRequest(pageSize, cursor)), loadCatalog(ctx.repos)]);
    const page = pageOf(rows, pageSize, (t) => [t.pinned ? 1 : 0, t.createdAt]);
    return { items: page.items.map((t) => presentTopic(t, catalog)), nextCursor: page.nextCursor };
  },
};

export const getTopic: ActionDefinition<'topic.get'> = {
  viewer: 'ifSignedIn',
  async run({ id }, ctx) {
    const [t, catalog] = await Promise.all([visibleTopic(ctx, id), loadCatalog(ctx.repos)]);
    return { topic: presentTopic(t, catalog), canManage: manages(ctx.viewer, t) };
  },
};

/** 发言: a short take on an open topic; anonymous if the student likes. */
export const postToTopic: ActionDefinition<'topic.post'> = {
  viewer: 'required',
  async run(input, ctx) {
    const { repos, viewer, now } = ctx;
    const topic = await visibleTopic(ctx, input.topicId);
    const { id, hash } = requestKeys(ctx, 'tpp', [input.topicId, input.content, input.anonymous]);
    const earlier = ctx.requestId ? await repos.topics.findPost(id) : null;
    if (earlier) {
      if (earlier.authorOpenid !== viewer.openid || earlier.requestHash !== hash) throw new DomainError('REQUEST.KEY_REUSED');
      return { id, moderation: earlier.moderation.state };
    }
    if (topic.state === 'closed' || topic.hidden) throw new DomainError('TOPIC.CLOSED');
    const moderation = await checkStudentText(ctx, viewer.openid, input.content, 'post');
    const post: TopicPostRecord = {
      _id: id,
      topicId: topic._id,
      authorOpenid: viewer.openid,
      authorName: viewer.displayName ?? '同学',
      anonymous: input.anonymous,
      content: input.content,
      createdAt: now,
      moderation,
      likeCount: 0,
      commentCount: 0,
      comments: [],
      requestHash: hash,
    };
    if (!(await repos.topics.insertPost(post))) {
      const stored = await repos.topics.findPost(id);
      if (!stored || stored.requestHash !== hash || stored.authorOpenid !== viewer.openid) throw new DomainError('REQUEST.KEY_REUSED');
      return { id, moderation: stored.moderation.state };
    }
    // Counted after the insert (a retry finds the post and does not count it again); see decision 0020 on drift.
    await repos.topics.countPost(topic._id);
    return { id, moderation: moderation.state };
  },
};

/** A topic's takes, newest first; `held`: the committee's queue of takes the content check held. */
export const listTopicPosts: ActionDefinition<'topic.posts'> = {
  viewer: 'ifSignedIn',
  async run({ topicId, held, pageSize, cursor }, ctx) {
    const topic = await visibleTopic(ctx, topicId);
    const manager = manages(ctx.viewer, topic);
    if (held && !manager) throw new DomainError('AUTH.FORBIDDEN', '只有话题的管理者可以查看待审核的发言');
    const rows = await ctx.repos.topics.listPosts(topicId, held ? 'review' : 'published', pageRequest(pageSize, cursor));
    const page = pageOf(rows, pageSize, (p) => [p.createdAt]);
    return { items: page.items.map((p) => presentPost(p, ctx.viewer, manager)), nextCursor: page.nextCursor };
  },
};

/** 评论: a comment on a published take of an open topic. */
export const commentOnPost: ActionDefinition<'topic.comment'> = {
  viewer: 'required',
  async run(input, ctx) {
    const { repos, viewer, now } = ctx;
    const post = await repos.topics.findPost(input.postId);
    if (!post || post.moderation.state !== 'published') throw new DomainError('TOPIC.POST_NOT_FOUND');
    const topic = await visibleTopic(ctx, post.topicId);
    const { id, hash } = requestKeys(ctx, 'tpc', [input.postId, input.content, input.anonymous]);
    const earlier = post.comments.find((c) => c.id === id);
    if (earlier) {
      if (earlier.authorOpenid !== viewer.openid || (hash && ctx.ids.derived('h', JSON.stringify([input.postId, earlier.content, earlier.anonymous])) !== hash)) throw new DomainError('REQUEST.KEY_REUSED');
      return { id, moderation: earlier.moderation.state };
    }
    if (topic.state === 'closed' || topic.hidden) throw new DomainError('TOPIC.CLOSED');
    const moderation = await checkStudentText(ctx, viewer.openid, input.content, 'comment');
    const comment: TopicCommentRecord = { id, authorOpenid: viewer.openid, authorName: viewer.displayName ?? '同学', anonymous: input.anonymous, content: input.content, createdAt: now, moderation };
    if (await repos.topics.addComment(post._id, comment, COMMENTS_PER_POST_MAX)) return { id, moderation: moderation.state };
    const fresh = await repos.topics.findPost(post._id);
    const stored = fresh?.comments.find((c) => c.id === id);
    if (stored) return { id, moderation: stored.moderation.state };
    throw new DomainError('TOPIC.COMMENTS_FULL');
  },
};

export const pinTopic: ActionDefinition<'topic.pin'> = {
  viewer: 'required',
  async run({ topicId, pinned }, ctx) {
    await managedTopic(ctx, topicId);
    await ctx.repos.topics.update(topicId, { pinned });
    return { pinned };
  },
};

export const closeTopic: ActionDefinition<'topic.close'> = {
  viewer: 'required',
  async run({ topicId, closed }, ctx) {
    await managedTopic(ctx, topicId);
    const state = closed ? ('closed' as const) : ('open' as const);
    await ctx.repos.topics.update(topicId, { state });
    return { state };
  },
};

/**
 * 隐藏 / 恢复: a topic, a take or one comment. `hidden: false` on a held take
 * or comment publishes it (the committee looked). Written to the audit log.
 */
export const hideOnTopic: ActionDefinition<'topic.hide'> = {
  viewer: 'required',
  async run({ topicId, postId, commentId, hidden, reason }, ctx) {
    const { repos, viewer, now } = ctx;
    const who = viewer.displayName ?? '管理员';
    const decision = hidden ? ('hide' as const) : ('publish' as const);
    let target: string;
    let unitId: string;
    if (topicId) {
      const t = await managedTopic(ctx, topicId);
      await repos.topics.update(topicId, { hidden, hiddenReason: hidden ? reason : null });
      target = `话题「${t.title}」`;
      unitId = t.unitId;
    } else {
      const post = await repos.topics.findPost(postId!);
      if (!post) throw new DomainError('TOPIC.POST_NOT_FOUND');
      const t = await managedTopic(ctx, post.topicId);
      unitId = t.unitId;
      if (!commentId) {
        await repos.topics.setPostModeration(post._id, moderationAfterDecision(post.moderation, decision, reason, who, now));
        target = `话题「${t.title}」中的一条发言`;
      } else {
        let current: TopicPostRecord | null = post;
        for (let attempt = 1; ; attempt++) {
          if (!current || !current.comments.some((c) => c.id === commentId)) throw new DomainError('TOPIC.POST_NOT_FOUND', '评论不存在');
          const comments = current.comments.map((c) => (c.id === commentId ? { ...c, moderation: moderationAfterDecision(c.moderation, decision, reason, who, now) } : c));
          if (await repos.topics.replaceComments(current._id, current.commentCount, comments)) break;
          if (attempt >= 5) throw new DomainError('QUESTION.STATE_CONFLICT', '评论正在变化，请稍后再试');
          current = await repos.topics.findPost(post._id);
        }
        target = `话题「${t.title}」中的一条评论`;
      }
    }
    await repos.audit.append({
      _id: ctx.requestId ? ctx.ids.derived('audit', viewer.openid, ctx.requestId) : ctx.ids.next('audit'),
      at: now,
      actorOpenid: viewer.openid,
      actorName: who,
      action: hidden ? 'topic.hide' : 'topic.publish',
      target,
      questionId: null,
      reason,
      unitId,
    });
    return { hidden };
  },
};

// ── 我的数据 and account deletion (issue 11 merge: decision 0019 on a person's records) ──

/** More takes and comments than anyone writes in years of use. */
const PERSONAL_ROWS = 5000;

/** A person's takes, and the takes holding their comments (我的数据). */
export async function topicContentOf(repos: Repositories, openid: string): Promise<{ posts: TopicPostRecord[]; commented: TopicPostRecord[] }> {
  const [posts, commented] = await Promise.all([repos.topics.listPostsByAuthor(openid, PERSONAL_ROWS), repos.topics.listPostsCommentedBy(openid, PERSONAL_ROWS)]);
  return { posts, commented };
}

/**
 * Account deletion: the person's takes are deleted (the comments under them
 * go with them) and the topic counts one take fewer; each comment they wrote
 * elsewhere becomes an empty, hidden placeholder with no author, so the
 * comment count the post's writes are conditional on never moves back. Every
 * step can run again: a take already deleted is not counted twice, a comment
 * already emptied is no longer found.
 */
export async function removeTopicContentOf(repos: Repositories, openid: string, now: number): Promise<void> {
  for (const post of await repos.topics.listPostsByAuthor(openid, PERSONAL_ROWS)) {
    if (await repos.topics.removePost(post._id)) await repos.topics.countPost(post.topicId, -1);
  }
  for (const found of await repos.topics.listPostsCommentedBy(openid, PERSONAL_ROWS)) {
    let post: TopicPostRecord | null = found;
    for (let attempt = 1; post && post.comments.some((c) => c.authorOpenid === openid); attempt++) {
      const comments = post.comments.map((c) =>
        c.authorOpenid === openid
          ? { ...c, authorOpenid: '', authorName: ANONYMOUS_NAME, anonymous: true, content: '', moderation: moderationAfterDecision(c.moderation, 'hide', '作者已注销账号', '系统', now) }
          : c,
      );
      if (await repos.topics.replaceComments(post._id, post.commentCount, comments)) break;
      if (attempt >= 5) throw new DomainError('QUESTION.STATE_CONFLICT', '你的部分评论正在变化，请稍后再试一次注销');
      post = await repos.topics.findPost(post._id);
    }
  }
}
