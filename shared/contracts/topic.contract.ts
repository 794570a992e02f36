import { z } from 'zod';
import { Id, Instant, PageInput } from './common.contract';
import { optionalText, userText } from './text.contract';

/**
 * 话题墙 (replacing the 微博话题墙): the committee opens topics; students post
 * short takes; the committee closes topics and pins or hides posts. Posts pass
 * the content check like everything published (decision 14).
 */
export const TOPIC_TITLE_MAX = 40;
export const TOPIC_POST_MAX = 300;

export const TopicView = z.strictObject({
  id: Id,
  title: z.string(),
  description: z.string(),
  state: z.enum(['open', 'closed']),
  postCount: z.number().int().nonnegative(),
  createdAt: Instant,
  openedByName: z.string(),
});
export type TopicView = z.infer<typeof TopicView>;

export const TopicPostView = z.strictObject({
  id: Id,
  topicId: Id,
  content: z.string(),
  /** A staff member's name, else 同学 / 匿名同学: never a student's name. */
  authorName: z.string(),
  anonymous: z.boolean(),
  pinned: z.boolean(),
  createdAt: Instant,
});
export type TopicPostView = z.infer<typeof TopicPostView>;

export const TopicOpenInput = z.strictObject({
  title: userText(4, TOPIC_TITLE_MAX, { singleLine: true }),
  description: optionalText(300),
});
export const TopicOpenOutput = TopicView;

export const TopicListInput = PageInput;
export const TopicListOutput = z.strictObject({ items: z.array(TopicView), nextCursor: z.string().nullable() });

export const TopicPostInput = z.strictObject({
  topicId: Id,
  content: userText(2, TOPIC_POST_MAX),
  anonymous: z.boolean().default(false),
});
export const TopicPostOutput = z.strictObject({
  id: Id,
  /** `review`: kept, shown once a moderator has looked. */
  moderation: z.enum(['published', 'review']),
});

export const TopicPostsInput = PageInput.extend({ topicId: Id });
export const TopicPostsOutput = z.strictObject({
  topic: TopicView,
  /** Pinned posts (first page only). */
  pinned: z.array(TopicPostView),
  items: z.array(TopicPostView),
  nextCursor: z.string().nullable(),
});

/** The committee's hand: close or reopen a topic; pin, unpin or hide a post (`postId` then required). */
export const TopicManageInput = z
  .strictObject({
    topicId: Id,
    op: z.enum(['close', 'reopen', 'pin', 'unpin', 'hide']),
    postId: Id.optional(),
    reason: optionalText(200),
  })
  .refine((v) => (['pin', 'unpin', 'hide'].includes(v.op) ? v.postId !== undefined : v.postId === undefined), { message: '置顶、取消置顶和隐藏须指定发言，关闭和重开不需要' });
export const TopicManageOutput = z.strictObject({ topic: TopicView, post: TopicPostView.extend({ moderation: z.enum(['published', 'review', 'hidden']) }).nullable() });
