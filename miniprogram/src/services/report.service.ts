import type { ActionInput, ActionOutput } from '@shared/contracts/actions';
import { callAction } from './api.client';

export type ReportList = ActionOutput<'report.list'>;
export type ReportDetail = ActionOutput<'report.get'>;
export type ReportSaved = ActionOutput<'report.save'>;
export type ReportSubmitted = ActionOutput<'report.submit'>;
export type ReportUrged = ActionOutput<'report.urge'>;
export type ReportUrge = ActionInput<'report.urge'>;

/** 双周报 of one period (by default the latest), with each period's progress. */
export function listReports(period?: string): Promise<ReportList> {
  return callAction('report.list', period ? { period } : {});
}

/** One report, with fresh download links (they last about an hour). */
export function getReport(id: string): Promise<ReportDetail> {
  return callAction('report.get', { id });
}

/** Saves 存在问题与工作建议; refused with REPORT.CONFLICT when someone changed the report since `version`. */
export function saveReport(id: string, problems: string, version: number, requestId: string): Promise<ReportSaved> {
  return callAction('report.save', { id, problems, version }, { requestId });
}

/** 提交 (with the text as it is now); a retry answers as the first submission did. */
export function submitReport(id: string, problems: string, version: number, requestId: string): Promise<ReportSubmitted> {
  return callAction('report.submit', { id, problems, version }, { requestId });
}

/** 催交: the units of the period that have not submitted (or these). */
export function urgeReports(urge: ReportUrge, requestId: string): Promise<ReportUrged> {
  return callAction('report.urge', urge, { requestId });
}
