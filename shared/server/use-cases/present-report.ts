import type { ReportPeriod as ReportPeriodOut, ReportSummary } from '../../contracts/report.contract';
import { dueLabel, periodLabel, type ReportPeriod } from '../../domain/report-period';
import type { ReportDocument, ReportFormat } from '../ports/report-renderer';
import type { BiweeklyReportRecord } from '../ports/records';

/** How a biweekly report is named and shown: in lists, in the detail, and in its files. */
export const SCHOOL_REPORT_KEY = 'school';

/** One report per unit per period: the id is (period, unit), so a rerun cannot make a second. */
export function reportIdFor(periodKey: string, unitId: string | null): string {
  return `br-${periodKey}-${unitId ?? SCHOOL_REPORT_KEY}`;
}

export function presentPeriod(p: ReportPeriod): ReportPeriodOut {
  return { key: p.key, from: p.from, to: p.to, dueAt: p.dueAt, label: periodLabel(p) };
}

export function periodOf(r: BiweeklyReportRecord): ReportPeriod {
  return { key: r.periodKey, from: r.periodFrom, to: r.periodTo, dueAt: r.dueAt };
}

/** Late: submitted after the due time, or not submitted and the due time has passed. */
export function isLate(r: Pick<BiweeklyReportRecord, 'submittedAt' | 'dueAt'>, now: number): boolean {
  return r.submittedAt !== null ? r.submittedAt > r.dueAt : now > r.dueAt;
}

export function presentSummary(r: BiweeklyReportRecord, now: number): ReportSummary {
  return {
    id: r._id,
    period: presentPeriod(periodOf(r)),
    scope: r.scope,
    unitId: r.unitId,
    unitName: r.unitName,
    state: r.state,
    submittedAt: r.submittedAt,
    submittedByName: r.submittedByName,
    late: isLate(r, now),
    lastUrgedAt: r.lastUrgedAt,
    urgeCount: r.urgeCount,
    questions: r.content.figures.questions,
    onTimeRate: r.content.figures.onTimeRate,
    missed: r.content.figures.missed,
    version: r.version,
  };
}

/** "3月13日双周报" — what the report is called, by its due day. */
export function reportName(r: Pick<BiweeklyReportRecord, 'dueAt'>): string {
  return `${dueLabel(r)}双周报`;
}

export function reportDocument(r: BiweeklyReportRecord): ReportDocument {
  return {
    title: `${r.unitName} ${reportName(r)}（${periodLabel(periodOf(r))}）`,
    unitName: r.unitName,
    periodLabel: periodLabel(periodOf(r)),
    dueLabel: dueLabel(r),
    scope: r.scope,
    state: r.state,
    submittedAt: r.submittedAt,
    submittedByName: r.submittedByName,
    generatedAt: r.generatedAt,
    version: r.version,
    content: r.content,
    problems: r.problems,
  };
}

/** Where a report's file is stored (ASCII, one path per version) and the name it is downloaded as. */
export function reportFilePath(r: Pick<BiweeklyReportRecord, '_id' | 'periodKey' | 'version'>, format: ReportFormat): string {
  return `reports/${r.periodKey}/${r._id}-v${r.version}.${format}`;
}

export function reportFileName(r: BiweeklyReportRecord, format: ReportFormat): string {
  return `${r.unitName}${reportName(r)}（${periodLabel(periodOf(r))}）.${format}`;
}
