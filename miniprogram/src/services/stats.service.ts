import type { ActionInput, ActionOutput } from '@shared/contracts/actions';
import { callAction } from './api.client';
import { PAGE_SIZE } from './question.service';

export type StatsQuery = ActionInput<'stats.overview'>;
export type StatsOverview = ActionOutput<'stats.overview'>;
export type StatsUnits = ActionOutput<'stats.units'>;
export type StatsPeople = ActionOutput<'stats.people'>;
export type CasePage = ActionOutput<'case.list'>;
export type CaseQuery = Omit<ActionInput<'case.list'>, 'pageSize' | 'cursor'>;
export type CaseMark = ActionInput<'case.mark'>;
export type CaseMarked = ActionOutput<'case.mark'>;

/** 数据统计: the school-wide (or the viewer's units') figures, with one point per day. */
export function getStatsOverview(query: StatsQuery): Promise<StatsOverview> {
  return callAction('stats.overview', query);
}

/** Every answering unit in scope, ranked (评优), with the figures behind each place. */
export function getStatsUnits(query: StatsQuery): Promise<StatsUnits> {
  return callAction('stats.units', query);
}

/** Everyone who answered in the range, ranked. */
export function getStatsPeople(query: StatsQuery): Promise<StatsPeople> {
  return callAction('stats.people', query);
}

/** 典型案例: newest first. */
export function listCases(query: CaseQuery, cursor?: string): Promise<CasePage> {
  return callAction('case.list', { pageSize: PAGE_SIZE, ...query, ...(cursor ? { cursor } : {}) });
}

/** 标记为典型案例 (or `kind: 'none'` to unmark); a retried tap with the same request id answers the same. */
export function markCase(mark: CaseMark, requestId: string): Promise<CaseMarked> {
  return callAction('case.mark', mark, { requestId });
}
