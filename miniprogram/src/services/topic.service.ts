import type { z } from 'zod';
import type {
  TopicComment as TopicCommentSchema,
  TopicGetOutput,
  TopicListOutput,
  TopicPost as TopicPostSchema,
  TopicPostsOutput,
  TopicSummary,
} from '@shared/contracts/topic.contract';
import { callAction } from './api.client';

/** 话题墙: docs/decisions/0020-boards-activities-articles-topics.md. */
export type TopicPage = z.infer<typeof TopicListOutput>;
export type TopicCard = z.infer<typeof TopicSummary>;
export type TopicView = z.infer<typeof TopicGetOutput>;
export type TopicTake = z.infer<typeof TopicPostSchema>;
export type TopicReply = z.infer<typeof TopicCommentSchema>;
export type TakesPage = z.infer<typeof TopicPostsOutput>;
type Moderation = 'published' | 'review' | 'hidden';

export const TOPIC_PAGE_SIZE = 20;
export const TAKES_PAGE_SIZE = 10;

export function listTopics(cursor?: string): Promise<TopicPage> {
  return callAction('topic.list', { pageSize: TOPIC_PAGE_SIZE, ...(cursor ? { cursor } : {}) });
}

export function getTopic(id: string): Promise<TopicView> {
  return callAction('topic.get', { id });
}

/** `held`: the managers' queue of takes the content check held. */
export function listTakes(topicId: string, held: boolean, cursor?: string): Promise<TakesPage> {
  return callAction('topic.posts', { topicId, held, pageSize: TAKES_PAGE_SIZE, ...(cursor ? { cursor } : {}) });
}

export function createTopic(input: { unitId: string; title: string; description: string }, requestId: string): Promise<{ id: string }> {
  return callAction('topic.create', input, { requestId });
}

export function postTake(topicId: string, content: string, anonymous: boolean, requestId: string): Promise<{ id: string; moderation: Moderation }> {
  return callAction('topic.post', { topicId, content, anonymous }, { requestId });
}

export function commentOnTake(postId: string, content: string, anonymous: boolean, requestId: string): Promise<{ id: string; moderation: Moderation }> {
  return callAction('topic.comment', { postId, content, anonymous }, { requestId });
}

export function pinTopic(topicId: string, pinned: boolean): Promise<{ pinned: boolean }> {
  return callAction('topic.pin', { topicId, pinned });
}

export function closeTopic(topicId: string, closed: boolean): Promise<{ state: 'open' | 'closed' }> {
  return callAction('topic.close', { topicId, closed });
}

/** Hide (or publish a held one / put back): a take, or a comment on a take. */
export function hideTopicContent(target: { postId: string; commentId?: string }, hidden: boolean, reason: string, requestId: string): Promise<{ hidden: boolean }> {
  return callAction('topic.hide', { ...target, hidden, reason }, { requestId });
}
