import type {
  QuestionAskInput,
  QuestionAskOutput,
  QuestionDetail,
  QuestionPage,
} from '@shared/contracts/question.contract';
import type { AnswerPostOutput } from '@shared/contracts/answer.contract';
import type { CaseActionOutput } from '@shared/contracts/case.contract';
import type { InboxBox, InboxCounts } from '@shared/contracts/inbox.contract';
import { callAction } from './api.client';

export type { InboxBox, InboxCounts };

export const PAGE_SIZE = 20;

export function askQuestion(input: QuestionAskInput, requestId: string): Promise<QuestionAskOutput> {
  return callAction('question.ask', input, { requestId });
}

export function getQuestion(id: string): Promise<QuestionDetail> {
  return callAction('question.get', { id });
}

export function listPublicQuestions(params: { categoryId?: string; cursor?: string }): Promise<QuestionPage> {
  return callAction('question.listPublic', {
    pageSize: PAGE_SIZE,
    ...(params.categoryId ? { categoryId: params.categoryId } : {}),
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

export function postAnswer(questionId: string, content: string, requestId: string): Promise<AnswerPostOutput> {
  return callAction('answer.post', { questionId, content }, { requestId });
}

export function rateQuestion(questionId: string, satisfied: boolean, comment: string): Promise<CaseActionOutput> {
  return callAction('question.rate', { questionId, satisfied, comment });
}

export function reopenQuestion(questionId: string, reason: string): Promise<CaseActionOutput> {
  return callAction('question.reopen', { questionId, reason });
}

/** Responder-side steps of 办 (the asker's rate/reopen have their own helpers above). */
export function claimQuestion(questionId: string): Promise<CaseActionOutput> {
  return callAction('question.claim', { questionId });
}

export function transferQuestion(questionId: string, toUnitId: string, reason: string): Promise<CaseActionOutput> {
  return callAction('question.transfer', { questionId, toUnitId, reason });
}

export function startHandling(questionId: string, note: string): Promise<CaseActionOutput> {
  return callAction('question.startHandling', { questionId, note });
}

export function addProgress(questionId: string, note: string): Promise<CaseActionOutput> {
  return callAction('question.addProgress', { questionId, note });
}

export function resolveQuestion(questionId: string, note: string): Promise<CaseActionOutput> {
  return callAction('question.resolve', { questionId, note });
}

export function publishNotice(questionId: string, notice: string): Promise<CaseActionOutput> {
  return callAction('question.publishNotice', { questionId, notice });
}
