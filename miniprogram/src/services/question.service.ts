import type {
  QuestionAskInput,
  QuestionAskOutput,
  QuestionDetail,
  QuestionPage,
} from '@shared/contracts/question.contract';
import type { AnswerPostOutput } from '@shared/contracts/answer.contract';
import type { CaseActionOutput } from '@shared/contracts/case.contract';
import { callAction } from './api.client';

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

export type InboxBox = 'pending' | 'answered';

export function listInbox(params: { box: InboxBox; cursor?: string }): Promise<QuestionPage> {
  return callAction('inbox.list', { pageSize: PAGE_SIZE, box: params.box, ...(params.cursor ? { cursor: params.cursor } : {}) });
}

export function postAnswer(questionId: string, content: string): Promise<AnswerPostOutput> {
  return callAction('answer.post', { questionId, content });
}

export function rateQuestion(questionId: string, satisfied: boolean, comment: string): Promise<CaseActionOutput> {
  return callAction('question.rate', { questionId, satisfied, comment });
}

export function reopenQuestion(questionId: string, reason: string): Promise<CaseActionOutput> {
  return callAction('question.reopen', { questionId, reason });
}
