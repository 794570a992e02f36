import { useCallback, useRef } from 'react';
import Taro from '@tarojs/taro';
import type { Unit } from '@shared/contracts/catalog.contract';
import { useQuestion } from './use-question';
import { useCatalog } from './use-catalog';
import { useMe } from './use-me';
import { useReplyForm } from './use-reply-form';
import { useCaseActions, type ActionOutcome, type CaseActionKind } from './use-case-actions';
import { useTransferTargets } from './use-transfer-targets';

const NO_UNITS: readonly Unit[] = [];

/** WeChat's success toast holds about seven characters; the full sentence stays on the page. */
const TOASTS: Record<CaseActionKind, string> = {
  claim: '已认领',
  transfer: '已转办',
  startHandling: '已开始办理',
  addProgress: '进展已记录',
  resolve: '已办结',
  publishNotice: '公告已发布',
  urge: '已催办',
};

/**
 * Everything the 回复 / 办理 page works with: the question, the reply box, the
 * 办 panel, the transfer targets and the catalog's units (for the numbers a
 * crisis may need). After any success the question is reloaded
 * (new state, new timeline) and the other box's stale error is cleared, so an
 * error from one action never lingers after another succeeds.
 */
export function useCasePage(id: string | undefined) {
  const question = useQuestion(id);
  const catalog = useCatalog();
  const me = useMe();
  const q = question.data;
  const units = catalog.data?.units ?? NO_UNITS;

  const clearReplyError = useRef<() => void>(() => undefined);
  const clearActionOutcome = useRef<() => void>(() => undefined);

  const onDone = useCallback(
    (outcome: ActionOutcome) => {
      clearReplyError.current();
      void Taro.showToast({ title: TOASTS[outcome.action], icon: 'success' });
      question.reload();
    },
    [question.reload],
  );
  const onPosted = useCallback(() => {
    clearActionOutcome.current();
    question.reload();
  }, [question.reload]);

  const panel = useCaseActions({ questionId: id ?? '', ownerUnitName: q?.ownerUnitName ?? '', units, onDone });
  const form = useReplyForm(id, onPosted);
  clearReplyError.current = form.clearError;
  clearActionOutcome.current = panel.clearOutcome;

  const groups = useTransferTargets(units, q?.ownerUnitId ?? '');
  return { question, me, panel, form, groups, units };
}
