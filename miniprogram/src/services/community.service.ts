import type { z } from 'zod';
import type {
  AnswerLikeOutput,
  ExpertListInput,
  ExpertListOutput,
  ExpertProfile,
  LikeMineOutput,
  LikeSetOutput,
  LikeTargetType,
  QuestionFollowOutput,
  QuestionMetooOutput,
  QuestionReactionsOutput,
  TagHotOutput,
} from '@shared/contracts/community.contract';
import type { TopicListOutput, TopicPostOutput, TopicPostsOutput } from '@shared/contracts/topic.contract';
import type { MessageListOutput, MessageMarkReadOutput, MessageUnreadOutput } from '@shared/contracts/message.contract';
import { callAction } from './api.client';

/**
 * 同问, 关注, 点赞, the message centre, hot tags and experts (issue 11). Each
 * of 同问 / 关注 / 点赞 says what the person wants (`on`), so a retry of a lost
 * reply changes nothing more.
 */
export const MESSAGE_PAGE_SIZE = 20;

export function setMetoo(questionId: string, on: boolean): Promise<z.infer<typeof QuestionMetooOutput>> {
  return callAction('question.metoo', { questionId, on });
}

export function setFollow(questionId: string, on: boolean): Promise<z.infer<typeof QuestionFollowOutput>> {
  return callAction('question.follow', { questionId, on });
}

export function setAnswerLike(questionId: string, answerId: string, on: boolean): Promise<z.infer<typeof AnswerLikeOutput>> {
  return callAction('answer.like', { questionId, answerId, on });
}

/** The question page's counts and the viewer's own 同问 / follow / likes (beside question.get). */
export function getQuestionReactions(questionId: string): Promise<z.infer<typeof QuestionReactionsOutput>> {
  return callAction('question.reactions', { questionId });
}

export type LikeTarget = z.infer<typeof LikeTargetType>;

/** 点赞 a take on the 话题墙 or a 青年视角 article. */
export function setLike(targetType: LikeTarget, targetId: string, on: boolean): Promise<z.infer<typeof LikeSetOutput>> {
  return callAction('like.set', { targetType, targetId, on });
}

/** Which of these (at most 50) the viewer liked. */
export function likedAmong(targetType: LikeTarget, targetIds: string[]): Promise<z.infer<typeof LikeMineOutput>> {
  return callAction('like.mine', { targetType, targetIds: targetIds.slice(0, 50) });
}

export function listMessages(cursor?: string): Promise<z.infer<typeof MessageListOutput>> {
  return callAction('message.list', { pageSize: MESSAGE_PAGE_SIZE, ...(cursor ? { cursor } : {}) });
}

export function markMessagesRead(target: { ids: string[] } | { all: true }): Promise<z.infer<typeof MessageMarkReadOutput>> {
  return callAction('message.markRead', target);
}

/** The tab bar's badge. */
export function countUnreadMessages(): Promise<z.infer<typeof MessageUnreadOutput>> {
  return callAction('message.unread', {});
}

export function hotTags(): Promise<z.infer<typeof TagHotOutput>> {
  return callAction('tag.hot', {});
}

/** With `collegeId` and `categoryId`: the experts a question of the ask form can be addressed to. */
export function listExperts(filter: Omit<z.input<typeof ExpertListInput>, 'pageSize'> = {}): Promise<z.infer<typeof ExpertListOutput>> {
  return callAction('expert.list', { pageSize: 20, ...filter });
}

export function getExpert(id: string): Promise<ExpertProfile> {
  return callAction('expert.get', { id });
}

/** 话题墙. */
export function listTopics(cursor?: string): Promise<z.infer<typeof TopicListOutput>> {
  return callAction('topic.list', { pageSize: 20, ...(cursor ? { cursor } : {}) });
}

export function listTopicPosts(topicId: string, cursor?: string): Promise<z.infer<typeof TopicPostsOutput>> {
  return callAction('topic.posts', { topicId, pageSize: 20, ...(cursor ? { cursor } : {}) });
}

/** One request id per tap of 发表, so a retry posts once. */
export function postToTopic(input: { topicId: string; content: string; anonymous: boolean }, requestId: string): Promise<z.infer<typeof TopicPostOutput>> {
  return callAction('topic.post', input, { requestId });
}
