import type { QuestionPage } from '@shared/contracts/question.contract';
import type { CaseActionOutput } from '@shared/contracts/case.contract';
import type { ActionOutput } from '@shared/contracts/actions';
import { PERFORMANCE_PERIODS } from '@shared/contracts/escalation.contract';
import { callAction } from './api.client';
import { PAGE_SIZE } from './question.service';

export type UnreachableReport = ActionOutput<'unit.unreachable'>;
export type UnreachablePerson = UnreachableReport['people'][number];
export type PerformanceReport = ActionOutput<'unit.performance'>;
export type PerformancePeriod = (typeof PERFORMANCE_PERIODS)[number];
export { PERFORMANCE_PERIODS };

/** 超时督办: questions past their deadline unanswered, across units, urgent first, then longest overdue. */
export function listEscalations(cursor?: string): Promise<QuestionPage> {
  return callAction('escalation.list', { pageSize: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
}

/** 提醒送达情况: people whose reminders could not be delivered (every unit for those who oversee all, else my units). */
export function listUnreachable(): Promise<UnreachableReport> {
  return callAction('unit.unreachable', {});
}

/**
 * 催办: urge the unit that missed the deadline (its responders and admins are
 * told; the step goes on the timeline). Carries a request id like every case action.
 */
export function urgeQuestion(questionId: string, note: string, requestId: string): Promise<CaseActionOutput> {
  return callAction('question.urge', { questionId, note }, { requestId });
}

/** 各单位答复情况: every answering unit's figures over the last 7, 30 or 90 days. */
export function getUnitPerformance(days: PerformancePeriod): Promise<PerformanceReport> {
  return callAction('unit.performance', { days });
}
