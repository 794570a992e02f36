import type { ReportContent } from '../../contracts/report.contract';

/** A biweekly report as a document shows it: everything named, nothing left to look up. */
export interface ReportDocument {
  /** "计算机科学与技术学院团委 双周报" */
  title: string;
  unitName: string;
  /** "2月26日—3月11日" */
  periodLabel: string;
  /** "3月13日" */
  dueLabel: string;
  scope: 'unit' | 'school';
  state: 'draft' | 'submitted';
  submittedAt: number | null;
  submittedByName: string | null;
  generatedAt: number;
  version: number;
  content: ReportContent;
  problems: string;
}

export const REPORT_FORMATS = ['xlsx', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Turns a report into a file (Excel with exceljs, Word with docx). */
export interface ReportRenderer {
  render(report: ReportDocument, format: ReportFormat): Promise<Uint8Array>;
}
