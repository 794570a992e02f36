import { useCallback, useState } from 'react';
import type { ReportTarget } from '../services/moderation.service';
import type { ReportOutcome } from './use-report-form';

const keyOf = (t: ReportTarget) => `${t.questionId}:${t.target}:${t.answerId ?? ''}`;
const WHAT: Record<ReportTarget['target'], string> = { question: '问题', answer: '答复', notice: '处理公告' };

/**
 * 举报 on the question page: which sheet is open, what this person reported
 * here (its link then reads 已举报), and the last outcome to show on the page.
 * Content hidden by the report is gone from the public view: reload.
 */
export function useReports(reload: () => void) {
  const [open, setOpen] = useState<ReportTarget | null>(null);
  const [done, setDone] = useState<ReadonlySet<string>>(() => new Set());
  const [note, setNote] = useState<string | null>(null);

  const close = useCallback(() => setOpen(null), []);
  const finished = useCallback(
    (outcome: ReportOutcome) => {
      if (open) setDone((d) => new Set(d).add(keyOf(open)));
      setOpen(null);
      // On the page, say what was hidden (the toast is short).
      setNote(outcome.hiddenPendingReview && open ? `你举报的${WHAT[open.target]}${outcome.message}` : outcome.message);
      if (outcome.hiddenPendingReview) reload();
    },
    [open, reload],
  );
  const reported = useCallback((t: ReportTarget) => done.has(keyOf(t)), [done]);

  return { open, setOpen, close, finished, note, reported };
}
