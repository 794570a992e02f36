import { useCallback, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { FAQ_ANSWER_MAX, FAQ_TITLE_MAX, FaqPublishInput, FaqRetireInput } from '@shared/contracts/faq.contract';
import { normalizeText } from '@shared/domain/user-text';
import {
  dismissFaqCandidate,
  listFaqCandidates,
  listFaqs,
  publishFaq,
  retireFaq,
  type FaqCandidate,
  type FaqEntry,
} from '../../services/faq.service';
import { errorCodeOf, userMessageOf } from '../../services/api-error';
import { usePagedList } from '../../hooks/use-paged-list';
import { useAsync } from '../../hooks/use-async';
import { useRequestIds } from '../../hooks/use-request-ids';
import { useCharCount } from '../../hooks/use-char-count';

/** The contract's limit for a retirement reason (faq.contract.ts: userText(2, 200, singleLine)). */
export const RETIRE_REASON_MAX = 200;
export { FAQ_ANSWER_MAX, FAQ_TITLE_MAX };

/** 发布 as a new entry, or 并入 the published entry the group looks like. */
export type PublishMode = 'new' | 'merge';

export interface PublishDraft {
  candidateId: string;
  mode: PublishMode;
  title: string;
  answer: string;
  /** The group's questions the entry will gather (all, until the curator leaves some out). */
  questionIds: string[];
}

export interface CurationDone {
  text: string;
  /** The entry to open (发布), or null (忽略, 撤下). */
  faqId: string | null;
}

/** A title from the group: its first question's, without the question mark, within the limit. */
export function suggestedTitle(c: FaqCandidate): string {
  const first = c.questions[0]?.title ?? '';
  return Array.from(first.replace(/[？?]+$/u, '')).slice(0, FAQ_TITLE_MAX).join('');
}

/** An answer to start from: the longest official answer in the group (the curator edits it). */
export function suggestedAnswer(c: FaqCandidate): string {
  return c.questions.reduce((best, q) => ((q.answerExcerpt ?? '').length > best.length ? (q.answerExcerpt ?? '') : best), '');
}

function firstIssue(parsed: { success: false; error: { issues: { path: (string | number)[]; message: string }[] } }, labels: Record<string, string>): string {
  const issue = parsed.error.issues.find((i) => labels[String(i.path[0])]) ?? parsed.error.issues[0];
  const field = issue ? labels[String(issue.path[0])] : undefined;
  return field ? `${field}${issue!.message}` : (issue?.message ?? '内容不完整');
}

/**
 * 常见问题整理's state (the coordinator, the school admin): the half-monthly
 * groups of repeated questions (paged), the entries (published and retired),
 * the deflection figure, and the one thing being done — a group being
 * published (title, answer and its questions editable), a group being
 * dismissed, an entry being retired. Every write carries a request id: pressing
 * again after a lost reply resends the same id, so the server does it once
 * (faq.publish makes one entry and finishes linking what the first attempt
 * started); anything different gets a new id.
 */
export function useFaqCuration() {
  const [deflected, setDeflected] = useState<number | null>(null);
  const fetchPage = useCallback(
    (cursor?: string) =>
      listFaqCandidates(cursor).then((page) => {
        if (!cursor) setDeflected(page.deflectedLast14Days);
        return page;
      }),
    [],
  );
  const candidates = usePagedList<FaqCandidate>(fetchPage);
  const loadEntries = useCallback((): Promise<FaqEntry[]> => listFaqs(true), []);
  const entries = useAsync(loadEntries);

  const [draft, setDraft] = useState<PublishDraft | null>(null);
  const [dismissing, setDismissing] = useState<string | null>(null);
  const [retiring, setRetiring] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<CurationDone | null>(null);
  const [forbidden, setForbidden] = useState(false);
  // State lands after the render; a second tap in the same frame must not send twice.
  const inFlight = useRef(false);
  const { idFor, settled } = useRequestIds();
  const titleCount = useCharCount(draft?.title ?? '', FAQ_TITLE_MAX, true);
  const answerCount = useCharCount(draft?.answer ?? '', FAQ_ANSWER_MAX);
  const reasonCount = useCharCount(reason, RETIRE_REASON_MAX, true);

  const closeAll = useCallback(() => {
    setDraft(null);
    setDismissing(null);
    setRetiring(null);
    setReason('');
    setError(null);
  }, []);

  const startPublish = useCallback(
    (c: FaqCandidate, mode: PublishMode) => {
      closeAll();
      setDone(null);
      const merged = mode === 'merge' && c.faq ? entries.data?.find((e) => e.id === c.faq!.id) : undefined;
      setDraft({
        candidateId: c.id,
        mode,
        title: merged?.title ?? (mode === 'merge' && c.faq ? c.faq.title : suggestedTitle(c)),
        answer: merged?.answer ?? suggestedAnswer(c),
        questionIds: c.questions.map((q) => q.id),
      });
    },
    [closeAll, entries.data],
  );

  const editDraft = useCallback((patch: Partial<Pick<PublishDraft, 'title' | 'answer'>>) => {
    setDraft((d) => (d ? { ...d, ...patch } : d));
    setError(null);
  }, []);

  const toggleQuestion = useCallback((id: string) => {
    setDraft((d) => (d ? { ...d, questionIds: d.questionIds.includes(id) ? d.questionIds.filter((x) => x !== id) : [...d.questionIds, id] } : d));
    setError(null);
  }, []);

  /** What every failure does, by its code; anything else stays by the form, the text kept. */
  const failed = useCallback((err: unknown) => {
    if (errorCodeOf(err) === 'AUTH.FORBIDDEN') setForbidden(true);
    else setError(userMessageOf(err));
  }, []);

  const run = useCallback(async (work: () => Promise<void>) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    try {
      await work();
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, []);

  const publish = useCallback(
    async (c: FaqCandidate) => {
      if (inFlight.current || !draft || draft.candidateId !== c.id) return;
      const faqId = draft.mode === 'merge' && c.faq ? c.faq.id : undefined;
      // In the group's order, whatever order they were ticked in (one request id for one choice).
      const questionIds = c.questions.map((q) => q.id).filter((id) => draft.questionIds.includes(id));
      const parsed = FaqPublishInput.safeParse({ ...(faqId ? { faqId } : {}), candidateId: c.id, questionIds, title: draft.title, answer: draft.answer });
      if (!parsed.success) {
        if (questionIds.length === 0) return setError('请至少保留一个提问');
        if (normalizeText(draft.title, { singleLine: true }) === '') return setError('请填写标题');
        if (normalizeText(draft.answer) === '') return setError('请填写统一答复');
        return setError(firstIssue(parsed, { title: '标题', answer: '答复' }));
      }
      const input = parsed.data;
      await run(async () => {
        try {
          const r = await publishFaq(input, idFor(['publish', input]));
          settled();
          candidates.remove(c.id);
          entries.reload();
          closeAll();
          const told = r.notified > 0 ? `，已通知 ${r.notified} 位提问同学` : '';
          setDone({ text: `${faqId ? '已更新' : '已发布'}常见问题「${input.title}」：收录 ${r.linked} 个提问${told}`, faqId: r.faqId });
          void Taro.showToast({ title: faqId ? '已更新' : '已发布', icon: 'success' });
        } catch (err: unknown) {
          failed(err);
        }
      });
    },
    [candidates.remove, closeAll, draft, entries.reload, failed, idFor, run, settled],
  );

  const startDismiss = useCallback(
    (c: FaqCandidate) => {
      closeAll();
      setDone(null);
      setDismissing(c.id);
    },
    [closeAll],
  );

  const dismiss = useCallback(
    async (c: FaqCandidate) => {
      if (dismissing !== c.id) return;
      await run(async () => {
        try {
          await dismissFaqCandidate(c.id, idFor(['dismiss', c.id]));
          settled();
          candidates.remove(c.id);
          closeAll();
          setDone({ text: `已忽略这组提问（${c.questions.length} 个），它们不再出现在待整理中`, faqId: null });
          void Taro.showToast({ title: '已忽略', icon: 'success' });
        } catch (err: unknown) {
          failed(err);
        }
      });
    },
    [candidates.remove, closeAll, dismissing, failed, idFor, run, settled],
  );

  const startRetire = useCallback(
    (e: FaqEntry) => {
      closeAll();
      setDone(null);
      setRetiring(e.id);
    },
    [closeAll],
  );

  const editReason = useCallback((text: string) => {
    setReason(text);
    setError(null);
  }, []);

  const retire = useCallback(
    async (e: FaqEntry) => {
      if (inFlight.current || retiring !== e.id) return;
      const parsed = FaqRetireInput.safeParse({ faqId: e.id, reason });
      if (!parsed.success) {
        return setError(normalizeText(reason, { singleLine: true }) === '' ? '请选择或填写撤下的理由' : firstIssue(parsed, { reason: '理由' }));
      }
      await run(async () => {
        try {
          await retireFaq(e.id, parsed.data.reason, idFor(['retire', e.id, parsed.data.reason]));
          settled();
          entries.reload();
          closeAll();
          setDone({ text: `已撤下常见问题「${e.title}」：首页和搜索不再显示，它收录的提问会单独出现在相似问题中`, faqId: null });
          void Taro.showToast({ title: '已撤下', icon: 'success' });
        } catch (err: unknown) {
          failed(err);
        }
      });
    },
    [closeAll, entries.reload, failed, idFor, reason, retiring, run, settled],
  );

  const reload = useCallback(() => {
    candidates.reload();
    entries.reload();
  }, [candidates.reload, entries.reload]);

  return {
    candidates,
    entries,
    deflected,
    reload,
    forbidden: forbidden || candidates.errorCode === 'AUTH.FORBIDDEN' || entries.errorCode === 'AUTH.FORBIDDEN',
    done,
    form: {
      draft,
      dismissing,
      retiring,
      reason,
      error,
      busy,
      titleCount,
      answerCount,
      reasonCount,
      startPublish,
      editDraft,
      toggleQuestion,
      publish,
      startDismiss,
      dismiss,
      startRetire,
      editReason,
      retire,
      cancel: closeAll,
    },
  };
}

export type FaqCuration = ReturnType<typeof useFaqCuration>;
export type FaqCurationForm = FaqCuration['form'];
