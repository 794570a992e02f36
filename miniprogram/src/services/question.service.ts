import type {
  QuestionAskInput,
  QuestionAskOutput,
  QuestionDetail,
  QuestionPage,
  PublicFeedSort,
  PUBLIC_FEED_STATES,
} from '@shared/contracts/question.contract';
import type { SearchQuestionsOutput } from '@shared/contracts/search.contract';
import type { z } from 'zod';
import type { AnswerPostOutput } from '@shared/contracts/answer.contract';
import type { CaseActionOutput } from '@shared/contracts/case.contract';
import type { InboxBox, InboxCounts } from '@shared/contracts/inbox.contract';
import { callAction } from './api.client';

export type { InboxBox, InboxCounts };

export const PAGE_SIZE = 20;

export type PublicFeedState = (typeof PUBLIC_FEED_STATES)[number];
export type { PublicFeedSort };

export function askQuestion(input: QuestionAskInput, requestId: string): Promise<QuestionAskOutput> {
  return callAction('question.ask', input, { requestId });
}

export function getQuestion(id: string): Promise<QuestionDetail> {
  return callAction('question.get', { id });
}

/** 同声同心's filters and order. */
export interface FeedFilter {
  categoryId?: string;
  collegeId?: string;
  status?: PublicFeedState;
  sort?: PublicFeedSort;
}

export function listPublicQuestions(params: FeedFilter & { cursor?: string }): Promise<QuestionPage> {
  return callAction('question.listPublic', {
    pageSize: PAGE_SIZE,
    sort: params.sort ?? 'newest',
    ...(params.categoryId ? { categoryId: params.categoryId } : {}),
    ...(params.collegeId ? { collegeId: params.collegeId } : {}),
    ...(params.status ? { status: params.status } : {}),
    ...(params.cursor ? { cursor: params.cursor } : {}),
  });
}

export function listMyQuestions(params: { cursor?: string }): Promise<QuestionPage> {
  return callAction('question.listMine', { pageSize: PAGE_SIZE, ...(params.cursor ? { cursor: params.cursor } : {}) });
}

export function listInbox(params: { box: InboxBox; cursor?: string }): Promise<QuestionPage> {
  return callAction('inbox.list', { pageSize: PAGE_SIZE, box: params.box, ...(params.cursor ? { cursor: params.cursor } : {}) });
}

export function countInbox(): Promise<InboxCounts> {
  return callAction('inbox.counts', {});
}

export function postAnswer(questionId: string, content: string, requestId: string, pictures: string[] = []): Promise<AnswerPostOutput> {
  return callAction('answer.post', { questionId, content, pictures }, { requestId });
}

/**
 * The steps of 答—办. Each carries a request id: a retried submission is applied
 * once and answered with what the first did.
 */
export function rateQuestion(questionId: string, satisfied: boolean, comment: string, requestId: string): Promise<CaseActionOutput> {
  return callAction('question.rate', { questionId, satisfied, comment }, { requestId });
}

export function reopenQuestion(questionId: string, reason: string, requestId: string): Promise<CaseActionOutput> {
  return callAction('question.reopen', { questionId, reason }, { requestId });
}

export function claimQuestion(questionId: string, requestId: string): Promise<CaseActionOutput> {
  return callAction('question.claim', { questionId }, { requestId });
}

export function transferQuestion(questionId: string, toUnitId: string, reason: string, requestId: string): Promise<CaseActionOutput> {
  return callAction('question.transfer', { questionId, toUnitId, reason }, { requestId });
}

export function startHandling(questionId: string, note: string, requestId: string): Promise<CaseActionOutput> {
  return callAction('question.startHandling', { questionId, note }, { requestId });
}

export function addProgress(questionId: string, note: string, requestId: string): Promise<CaseActionOutput> {
  return callAction('question.addProgress', { questionId, note }, { requestId });
}

export function resolveQuestion(questionId: string, note: string, requestId: string): Promise<CaseActionOutput> {
  return callAction('question.resolve', { questionId, note }, { requestId });
}

export function publishNotice(questionId: string, notice: string, requestId: string): Promise<CaseActionOutput> {
  return callAction('question.publishNotice', { questionId, notice }, { requestId });
}

/** A hot tag's questions: answered public questions (and FAQ entries) matching its word. */
export function searchQuestions(query: string, cursor?: string): Promise<z.infer<typeof SearchQuestionsOutput>> {
  return callAction('search.questions', { query, pageSize: 10, ...(cursor ? { cursor } : {}) });
}
