import { useCallback, useEffect, useState } from 'react';
import type { CaseItem } from '@shared/contracts/typical-case.contract';
import type { CaseKind } from '@shared/domain/typical-case';
import { CASE_WRITE_UP_MAX, CASE_WRITE_UP_MIN } from '@shared/domain/typical-case';
import { countChars, countVisibleChars } from '@shared/domain/user-text';
import { usePagedList } from '../../hooks/use-paged-list';
import { useQuestion } from '../../hooks/use-question';
import { useRequestIds } from '../../hooks/use-request-ids';
import { listCases, markCase, type CaseMarked } from '../../services/stats.service';
import { actionErrorText } from '../../utils/admin-errors';

const caseKey = (c: CaseItem) => c.questionId;

/** 典型案例 list, newest mark first, by kind. */
export function useCaseList() {
  const [kind, setKind] = useState<CaseKind | null>(null);
  const fetchPage = useCallback((cursor?: string) => listCases(kind ? { kind } : {}, cursor), [kind]);
  const list = usePagedList<CaseItem>(fetchPage, caseKey);
  return { list, kind, setKind };
}

/** What is wrong with a case before it is sent ("" when nothing). */
export function caseDraftProblem(kind: CaseKind | null, writeUp: string): string {
  if (!kind) return '请选择线上案例或线下案例';
  if (countVisibleChars(writeUp) < CASE_WRITE_UP_MIN) return `请写至少 ${CASE_WRITE_UP_MIN} 个字的案例说明`;
  if (countChars(writeUp) > CASE_WRITE_UP_MAX) return `案例说明不超过 ${CASE_WRITE_UP_MAX} 个字`;
  return '';
}

/** 标记为典型案例 on one question: kind and write-up, 保存 or 取消标记 (retry-safe). */
export function useCaseMark(questionId: string | undefined) {
  const question = useQuestion(questionId);
  const [kind, setKind] = useState<CaseKind | null>(null);
  const [writeUp, setWriteUp] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<CaseMarked | null>(null);
  const ids = useRequestIds();
  const q = question.data;

  // Start from the case as it is (editing keeps the period it was first counted in).
  useEffect(() => {
    if (!q) return;
    setKind(q.typicalCase?.kind ?? null);
    setWriteUp(q.typicalCase?.writeUp ?? '');
  }, [q]);

  const send = useCallback(
    async (what: CaseKind | 'none') => {
      if (!q) return;
      if (what !== 'none') {
        const p = caseDraftProblem(what, writeUp);
        setProblem(p);
        if (p) return;
      }
      setBusy(true);
      setError(null);
      setDone(null);
      const mark = { questionId: q.id, kind: what, writeUp: what === 'none' ? '' : writeUp };
      try {
        const result = await markCase(mark, ids.idFor(['case.mark', mark]));
        ids.settled();
        setDone(result);
      } catch (err) {
        setError(actionErrorText(err));
      } finally {
        setBusy(false);
      }
    },
    [ids, q, writeUp],
  );

  return {
    question,
    kind,
    setKind: (k: CaseKind) => { setProblem(''); setKind(k); },
    writeUp,
    setWriteUp: (t: string) => { setProblem(''); setWriteUp(t); },
    problem,
    save: () => (kind ? send(kind) : setProblem(caseDraftProblem(null, writeUp))),
    unmark: () => send('none'),
    busy,
    error,
    done,
  };
}
