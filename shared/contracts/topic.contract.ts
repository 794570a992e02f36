import { z } from 'zod';
import { Id, Instant, PageInput } from './common.contract';
import { userText } from './text.contract';

/** 话题墙 (BUCM §一 微博话题墙, §四 听说答问): topics a committee opens, students' short takes and comments. */
export const TOPIC_TITLE_MAX = 30;
export const POST_MAX = 300;
export const COMMENT_MAX = 200;
/** Comments kept per take (the rest of a long thread is not the wall's purpose). */
export const COMMENTS_PER_POST_MAX = 200;

export const TopicSummary = z.strictObject({
  id: Id,
  title: z.string(),
  description: z.string(),
  unitId: Id,
  unitName: z.string(),
  state: z.enum(['open', 'closed']),
  pinned: z.boolean(),
  hidden: z.boolean(),
  postCount: z.number().int().nonnegative(),
  createdAt: Instant,
});

export const TopicListInput = PageInput;
export const TopicListOutput = z.strictObject({ items: z.array(TopicSummary), nextCursor: z.string().nullable() });
export const TopicGetInput = z.strictObject({ id: Id });
export const TopicGetOutput = z.strictObject({ topic: TopicSummary, canManage: z.boolean() });

export const TopicCreateInput = z.strictObject({
  unitId: Id,
  title: userText(2, TOPIC_TITLE_MAX, { singleLine: true }),
  description: userText(10, 500),
});
export const TopicCreateOutput = z.strictObject({ id: Id });

export const ModerationStateOut = z.enum(['published', 'review', 'hidden']);

export const TopicComment = z.strictObject({
  id: Id,
  /** 匿名同学 for an anonymous author (never the name, to anyone but the author). */
  authorName: z.string(),
  anonymous: z.boolean(),
  mine: z.boolean(),
  content: z.string(),
  createdAt: Instant,
  moderation: ModerationStateOut,
});

export const TopicPost = z.strictObject({
  id: Id,
  topicId: Id,
  authorName: z.string(),
  anonymous: z.boolean(),
  mine: z.boolean(),
  content: z.string(),
  createdAt: Instant,
  moderation: ModerationStateOut,
  /** Likes come with the likes design (issue 11, slice 1); always 0 until then. */
  likeCount: z.number().int().nonnegative(),
  commentCount: z.number().int().nonnegative(),
  /** The newest published comments (at most 20). */
  comments: z.array(TopicComment),
});

/** `held`: the committee's queue of takes the content check held for a look. */
export const TopicPostsInput = PageInput.extend({ topicId: Id, held: z.boolean().default(false) });
export const TopicPostsOutput = z.strictObject({ items: z.array(TopicPost), nextCursor: z.string().nullable() });

export const TopicPostInput = z.strictObject({ topicId: Id, content: userText(2, POST_MAX), anonymous: z.boolean().default(false) });
export const TopicPostOutput = z.strictObject({ id: Id, moderation: ModerationStateOut });

export const TopicCommentInput = z.strictObject({ postId: Id, content: userText(1, COMMENT_MAX), anonymous: z.boolean().default(false) });
export const TopicCommentOutput = z.strictObject({ id: Id, moderation: ModerationStateOut });

export const TopicPinInput = z.strictObject({ topicId: Id, pinned: z.boolean() });
export const TopicPinOutput = z.strictObject({ pinned: z.boolean() });
export const TopicCloseInput = z.strictObject({ topicId: Id, closed: z.boolean() });
export const TopicCloseOutput = z.strictObject({ state: z.enum(['open', 'closed']) });

/** Hide (or put back / publish a held one): a topic, a take, or a comment on a take. */
export const TopicHideInput = z
  .strictObject({
    topicId: Id.optional(),
    postId: Id.optional(),
    commentId: Id.optional(),
    hidden: z.boolean(),
    reason: userText(2, 200, { singleLine: true }),
  })
  .refine((v) => (v.topicId !== undefined ? 1 : 0) + (v.postId !== undefined ? 1 : 0) === 1 && (v.commentId === undefined || v.postId !== undefined), { message: '请指明一个话题、一条发言或发言下的一条评论', path: ['topicId'] });
export const TopicHideOutput = z.strictObject({ hidden: z.boolean() });
