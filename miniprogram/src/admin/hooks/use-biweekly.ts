import { useCallback, useEffect, useState } from 'react';
import { countChars } from '@shared/domain/user-text';
import { PROBLEMS_MAX } from '@shared/domain/biweekly-report';
import { useAsync } from '../../hooks/use-async';
import { useRequestIds } from '../../hooks/use-request-ids';
import { isApiRequestError } from '../../services/api-error';
import { getReport, listReports, saveReport, submitReport, urgeReports, type ReportDetail, type ReportUrged } from '../../services/report.service';
import { actionErrorText } from '../../utils/admin-errors';

/** What the editor says when someone else saved or submitted the report first. */
export const REPORT_STALE_TEXT = '这份双周报刚被其他人修改或已提交。已为你重新载入最新内容，你写的文字仍保留在输入框中，请核对后再保存或提交。';

/** 催交, in words: who was reminded now, who already today, who had submitted meanwhile. */
export function urgeResultText(r: ReportUrged): string {
  const parts: string[] = [];
  if (r.urged.length) parts.push(`已催交 ${r.urged.length} 个单位`);
  if (r.alreadyToday.length) parts.push(`${r.alreadyToday.length} 个单位今天已催交过，不再重复发送`);
  if (r.submitted.length) parts.push(`${r.submitted.length} 个单位已提交`);
  if (r.urged.length) {
    parts.push(
      r.messages.undeliverable > 0
        ? `送达 ${r.messages.delivered} 条，${r.messages.undeliverable} 条无法送达（对方未订阅消息且单位未配置企业微信群）`
        : `送达 ${r.messages.delivered} 条提醒`,
    );
  }
  return parts.length ? `${parts.join('；')}。` : '没有需要催交的单位。';
}

/** 双周报 of a period (the latest by default), with 催交 for those who oversee every unit. */
export function useReportList(initialPeriod?: string) {
  const [period, setPeriod] = useState<string | undefined>(initialPeriod);
  const load = useCallback(() => listReports(period), [period]);
  const list = useAsync(load);
  const ids = useRequestIds();
  const [urging, setUrging] = useState<string | null>(null);
  const [urgeResult, setUrgeResult] = useState<{ text: string; error?: boolean } | null>(null);

  /** Urges every unit of the shown period that has not submitted (`unitId` absent) or one. */
  const urge = useCallback(
    async (unitId?: string) => {
      const key = list.data?.period?.key;
      if (!key) return;
      const input = { period: key, ...(unitId ? { unitIds: [unitId] } : {}), note: '' };
      setUrging(unitId ?? 'all');
      setUrgeResult(null);
      try {
        const result = await urgeReports(input, ids.idFor(['report.urge', input]));
        ids.settled();
        setUrgeResult({ text: urgeResultText(result) });
        list.reload();
      } catch (err) {
        setUrgeResult({ text: actionErrorText(err), error: true });
      } finally {
        setUrging(null);
      }
    },
    [ids, list],
  );

  return { ...list, period, setPeriod: (p: string) => { setUrgeResult(null); setPeriod(p); }, urge, urging, urgeResult };
}

/** One report: its content, the problems section being edited, 保存 and 提交 (retry-safe, conditional on the version). */
export function useReport(id: string) {
  const load = useCallback(() => getReport(id), [id]);
  const report = useAsync<ReportDetail>(load);
  const [text, setText] = useState('');
  /** The problems text as last loaded, to tell whether there is anything unsaved. */
  const [loaded, setLoaded] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [error, setError] = useState<{ text: string; stale?: boolean } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const ids = useRequestIds();
  const data = report.data;

  // A fresh copy from the server replaces the text only when the editor holds nothing of the viewer's own.
  useEffect(() => {
    if (!data) return;
    setText((current) => (loaded === null || current === loaded || data.state === 'submitted' ? data.problems : current));
    setLoaded(data.problems);
    // Only a new copy from the server decides; `loaded` is read as it was when that copy arrived.
  }, [data]);

  const tooLong = countChars(text) > PROBLEMS_MAX;

  const run = useCallback(
    async (what: 'save' | 'submit') => {
      if (!data || tooLong) return;
      setBusy(what);
      setError(null);
      setDone(null);
      try {
        const requestId = ids.idFor([`report.${what}`, data.id, text, data.version]);
        if (what === 'save') await saveReport(data.id, text, data.version, requestId);
        else {
          const r = await submitReport(data.id, text, data.version, requestId);
          setDone(r.late ? '已提交（已过截止时间，记为逾期提交）' : '已提交');
        }
        ids.settled();
        if (what === 'save') setDone('已保存');
        setLoaded(text);
        report.reload();
      } catch (err) {
        if (isApiRequestError(err) && err.code === 'REPORT.CONFLICT') {
          setError({ text: REPORT_STALE_TEXT, stale: true });
          report.reload();
        } else {
          setError({ text: actionErrorText(err) });
        }
      } finally {
        setBusy(null);
      }
    },
    [data, ids, report, text, tooLong],
  );

  return {
    ...report,
    text,
    setText: (t: string) => { setDone(null); setText(t); },
    dirty: loaded !== null && text !== loaded,
    tooLong,
    save: () => run('save'),
    submit: () => run('submit'),
    busy,
    actionError: error,
    done,
  };
}
