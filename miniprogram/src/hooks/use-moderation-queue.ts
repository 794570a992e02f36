import { useCallback, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { ModerationDecideInput } from '@shared/contracts/moderation.contract';
import { normalizeText } from '@shared/domain/user-text';
import { decideModeration, listModerationQueue, type ModerationItem } from '../services/moderation.service';
import { errorCodeOf, userMessageOf } from '../services/api-error';
import { DECISION_DONE, DECISION_LABELS, moderationKey, moderationTargetLabel, type ModerationDecision } from '../utils/moderation';
import { usePagedList } from './use-paged-list';
import { useRequestIds } from './use-request-ids';
import { useCharCount } from './use-char-count';

/** The contract's limit for a moderator's reason (moderation.contract.ts: userText(2, 200, singleLine)). */
export const DECISION_REASON_MAX = 200;

export interface OpenDecision {
  key: string;
  decision: ModerationDecision;
}

export interface DecisionDone {
  decision: ModerationDecision;
  text: string;
  /** What was decided on: "问题「…」的赵一鸣的答复". */
  what: string;
}

function describe(item: ModerationItem): string {
  return item.target === 'question' ? `问题「${item.questionTitle}」` : `问题「${item.questionTitle}」的${moderationTargetLabel(item)}`;
}

/**
 * 内容审核's state: the queue (longest waiting first, paged), the one decision
 * being written (公开 or 隐藏 on one item, with a reason), and what happened.
 * A decision carries a request id: pressing again after a network failure
 * resends the same id, so it is applied once; a different item, decision or
 * reason gets a new one. Failures are handled by their code: a refusal turns
 * the page to 无权限, a vanished question leaves the list, a conflict reloads
 * it, anything else stays by the form with the reason kept.
 */
export function useModerationQueue() {
  const fetchPage = useCallback((cursor?: string) => listModerationQueue(cursor), []);
  const list = usePagedList<ModerationItem>(fetchPage, moderationKey);
  const [open, setOpen] = useState<OpenDecision | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<DecisionDone | null>(null);
  /** A page-level note after the list changed under the moderator (gone, reloaded). */
  const [notice, setNotice] = useState<string | null>(null);
  const [forbidden, setForbidden] = useState(false);
  // State lands after the render; a second tap in the same frame must not send twice.
  const inFlight = useRef(false);
  const { idFor, settled } = useRequestIds();
  const count = useCharCount(reason, DECISION_REASON_MAX, true);

  const start = useCallback(
    (item: ModerationItem, decision: ModerationDecision) => {
      const key = moderationKey(item);
      // Another item, or switching 公开 ↔ 隐藏, changes what a reason means: start it over.
      if (open?.key !== key || open.decision !== decision) setReason('');
      setOpen({ key, decision });
      setError(null);
      setDone(null);
      setNotice(null);
    },
    [open],
  );

  const cancel = useCallback(() => {
    setOpen(null);
    setReason('');
    setError(null);
  }, []);

  const edit = useCallback((text: string) => {
    setReason(text);
    setError(null);
  }, []);

  const submit = useCallback(
    async (item: ModerationItem) => {
      if (inFlight.current || !open || open.key !== moderationKey(item)) return;
      const { decision } = open;
      const parsed = ModerationDecideInput.safeParse({
        questionId: item.questionId,
        target: item.target,
        ...(item.answerId ? { answerId: item.answerId } : {}),
        decision,
        reason,
      });
      if (!parsed.success) {
        const issue = parsed.error.issues.find((i) => i.path[0] === 'reason');
        if (!issue) return setError('这条内容的信息不完整，请刷新后再试');
        return setError(normalizeText(reason, { singleLine: true }) === '' ? `请选择或填写${DECISION_LABELS[decision]}的理由` : `理由${issue.message}`);
      }
      inFlight.current = true;
      setBusy(true);
      setError(null);
      const key = moderationKey(item);
      try {
        await decideModeration(item, decision, parsed.data.reason, idFor([key, decision, parsed.data.reason]));
        settled();
        list.remove(key);
        setOpen(null);
        setReason('');
        setDone({ decision, text: DECISION_DONE[decision], what: describe(item) });
        void Taro.showToast({ title: decision === 'publish' ? '已公开' : '已隐藏', icon: 'success' });
      } catch (err: unknown) {
        switch (errorCodeOf(err)) {
          case 'AUTH.FORBIDDEN':
            setForbidden(true);
            break;
          case 'QUESTION.NOT_FOUND':
            settled();
            list.remove(key);
            setOpen(null);
            setNotice(`${describe(item)}已不存在（可能已被删除），已从列表移除`);
            break;
          case 'QUESTION.STATE_CONFLICT':
            settled();
            setOpen(null);
            setNotice('这个问题刚刚被其他人处理过，列表已刷新，请重新查看');
            list.reload();
            break;
          default:
            // INPUT.INVALID (the server's reason, e.g. the notice is gone), the network, the server: by the form,
            // the reason kept; pressing again resends the same request.
            setError(userMessageOf(err));
        }
      } finally {
        inFlight.current = false;
        setBusy(false);
      }
    },
    [idFor, list.reload, list.remove, open, reason, settled],
  );

  const reload = useCallback(() => {
    setNotice(null);
    list.reload();
  }, [list.reload]);

  return {
    list: { ...list, reload },
    forbidden: forbidden || list.errorCode === 'AUTH.FORBIDDEN',
    decision: { open, reason, setReason: edit, count, error, busy, start, cancel, submit },
    done,
    notice,
  };
}

export type ModerationQueueState = ReturnType<typeof useModerationQueue>;
