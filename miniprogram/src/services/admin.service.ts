import type { QuestionPage } from '@shared/contracts/question.contract';
import type { ActionOutput } from '@shared/contracts/actions';
import { callAction } from './api.client';
import { PAGE_SIZE } from './question.service';

export type UnreachableReport = ActionOutput<'unit.unreachable'>;
export type UnreachablePerson = UnreachableReport['people'][number];

/** 协管's queue (超时督办): questions past their deadline unanswered, across units, oldest first. */
export function listEscalations(cursor?: string): Promise<QuestionPage> {
  return callAction('escalation.list', { pageSize: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
}

/** 提醒送达情况: people in my unit(s) whose reminders could not be delivered. */
export function listUnreachable(): Promise<UnreachableReport> {
  return callAction('unit.unreachable', {});
}
