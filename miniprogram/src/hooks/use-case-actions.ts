import { useCallback, useRef, useState } from 'react';
import type { z } from 'zod';
import {
  NOTE_MAX,
  QuestionAddProgressInput,
  QuestionPublishNoticeInput,
  QuestionResolveInput,
  QuestionStartHandlingInput,
  QuestionTransferInput,
  QuestionUrgeInput,
} from '@shared/contracts/case.contract';
import type { Unit } from '@shared/contracts/catalog.contract';
import * as questions from '../services/question.service';
import { urgeQuestion } from '../services/admin.service';
import { userMessageOf } from '../services/api-error';
import { useRequestIds } from './use-request-ids';
import { useCharCount } from './use-char-count';

export type CaseActionKind = 'claim' | 'transfer' | 'startHandling' | 'addProgress' | 'resolve' | 'publishNotice' | 'urge';

export const CASE_ACTION_LABELS: Record<CaseActionKind, string> = {
  claim: '认领',
  transfer: '转办',
  startHandling: '开始办理',
  addProgress: '添加进展',
  resolve: '办结',
  publishNotice: '发布处理公告',
  urge: '催办',
};

/** Limits from the contracts (case.contract.ts), for the counters. */
export const TRANSFER_REASON_MAX = 200;
export const NOTICE_MAX = 2000;
export const URGE_NOTE_MAX = 200;
export { NOTE_MAX };

/** The three steps of 办 written in the one internal box (办理记录). */
export const HANDLING_ACTIONS: readonly CaseActionKind[] = ['startHandling', 'addProgress', 'resolve'];

export interface ActionOutcome {
  action: CaseActionKind;
  text: string;
}

function doneText(action: CaseActionKind, unitName: string): string {
  switch (action) {
    case 'claim':
      return '已认领，此问题由你跟进';
    case 'transfer':
      return `已转办至「${unitName}」，该单位会收到通知`;
    case 'startHandling':
      return '已开始办理，提问同学会收到「办理中」的通知';
    case 'addProgress':
      return '办理进展已记录（仅办理人员可见）';
    case 'resolve':
      return '已办结，提问同学会收到通知，可以评价';
    case 'publishNotice':
      return '处理公告已发布，所有人都能在问题页看到';
    case 'urge':
      return `已催办「${unitName}」，该单位的答复人员和管理员会收到通知`;
  }
}

/** The first message of a failed parse, prefixed with what the field is. */
function firstIssue(error: z.ZodError, prefix: string): string {
  const issue = error.issues[0];
  if (!issue) return '提交的内容不符合要求';
  return issue.path[0] === 'toUnitId' ? '请选择转办单位' : `${prefix}${issue.message}`;
}

interface Options {
  questionId: string;
  /** The unit that owns the question now (who is urged; who gives a transfer away). */
  ownerUnitName: string;
  /** Every unit (the catalog), to name a transfer's target. */
  units: readonly Unit[];
  /** After a success: reload the question so its new state and timeline show. */
  onDone: (outcome: ActionOutcome) => void;
}

/**
 * The 办 panel's state: one box per purpose — 办理记录 (internal notes for
 * 开始办理 / 添加进展 / 办结), 处理公告 (public), 转办 (target and reason, confirmed
 * before it is sent), 催办 (an optional note). Each action is checked with its
 * contract before it is sent and carries a request id (a retry after a lost
 * response is applied once). The last outcome is kept: a success clears every
 * earlier error, an error clears the earlier success.
 */
export function useCaseActions({ questionId, ownerUnitName, units, onDone }: Options) {
  const [handlingNote, setHandlingNote] = useState('');
  const [notice, setNotice] = useState('');
  const [urgeNote, setUrgeNote] = useState('');
  const [toUnitId, setToUnitId] = useState('');
  const [reason, setReason] = useState('');
  const [confirmingTransfer, setConfirmingTransfer] = useState(false);
  const [error, setError] = useState<ActionOutcome | null>(null);
  const [done, setDone] = useState<ActionOutcome | null>(null);
  const [busy, setBusy] = useState<CaseActionKind | null>(null);
  // State updates land after the render; a second tap in the same frame must not send again.
  const inFlight = useRef(false);
  const { idFor, settled } = useRequestIds();

  const unitName = useCallback((id: string) => units.find((u) => u.id === id)?.name ?? '', [units]);

  const fail = useCallback((action: CaseActionKind, text: string) => {
    setDone(null);
    setError({ action, text });
  }, []);

  const send = useCallback(
    async (action: CaseActionKind, payload: unknown[], call: (requestId: string) => Promise<unknown>, after: () => void) => {
      if (inFlight.current) return;
      inFlight.current = true;
      setBusy(action);
      setError(null);
      setDone(null);
      try {
        await call(idFor([action, ...payload]));
        settled();
        after();
        const outcome = { action, text: doneText(action, action === 'transfer' ? unitName(String(payload[0])) : ownerUnitName) };
        setDone(outcome);
        onDone(outcome);
      } catch (err: unknown) {
        setError({ action, text: userMessageOf(err) });
      } finally {
        inFlight.current = false;
        setBusy(null);
      }
    },
    [idFor, onDone, ownerUnitName, settled, unitName],
  );

  const clearHandling = useCallback(() => setHandlingNote(''), []);

  /** 认领, 开始办理, 添加进展, 办结, 发布处理公告, 催办 (转办 goes through askTransfer → confirmTransfer). */
  const run = useCallback(
    (action: Exclude<CaseActionKind, 'transfer'>) => {
      if (inFlight.current) return;
      switch (action) {
        case 'claim':
          return void send(action, [], (id) => questions.claimQuestion(questionId, id), () => undefined);
        case 'startHandling': {
          const parsed = QuestionStartHandlingInput.safeParse({ questionId, note: handlingNote });
          if (!parsed.success) return fail(action, firstIssue(parsed.error, '办理记录'));
          return void send(action, [parsed.data.note], (id) => questions.startHandling(questionId, parsed.data.note, id), clearHandling);
        }
        case 'addProgress': {
          const parsed = QuestionAddProgressInput.safeParse({ questionId, note: handlingNote });
          if (!parsed.success) return fail(action, firstIssue(parsed.error, '办理进展'));
          return void send(action, [parsed.data.note], (id) => questions.addProgress(questionId, parsed.data.note, id), clearHandling);
        }
        case 'resolve': {
          const parsed = QuestionResolveInput.safeParse({ questionId, note: handlingNote });
          if (!parsed.success) return fail(action, firstIssue(parsed.error, '办结说明'));
          return void send(action, [parsed.data.note], (id) => questions.resolveQuestion(questionId, parsed.data.note, id), clearHandling);
        }
        case 'publishNotice': {
          const parsed = QuestionPublishNoticeInput.safeParse({ questionId, notice });
          if (!parsed.success) return fail(action, firstIssue(parsed.error, '处理公告'));
          return void send(action, [parsed.data.notice], (id) => questions.publishNotice(questionId, parsed.data.notice, id), () => setNotice(''));
        }
        case 'urge': {
          const parsed = QuestionUrgeInput.safeParse({ questionId, note: urgeNote });
          if (!parsed.success) return fail(action, firstIssue(parsed.error, '催办说明'));
          return void send(action, [parsed.data.note], (id) => urgeQuestion(questionId, parsed.data.note, id), () => setUrgeNote(''));
        }
      }
    },
    [clearHandling, fail, handlingNote, notice, questionId, send, urgeNote],
  );

  /** 转办: check the target and the reason, then ask for confirmation naming the unit. */
  const askTransfer = useCallback(() => {
    const parsed = QuestionTransferInput.safeParse({ questionId, toUnitId, reason });
    if (!parsed.success) return fail('transfer', firstIssue(parsed.error, '转办理由'));
    setError(null);
    setConfirmingTransfer(true);
  }, [fail, questionId, reason, toUnitId]);

  const confirmTransfer = useCallback(() => {
    const parsed = QuestionTransferInput.safeParse({ questionId, toUnitId, reason });
    setConfirmingTransfer(false);
    if (!parsed.success) return fail('transfer', firstIssue(parsed.error, '转办理由'));
    void send(
      'transfer',
      [parsed.data.toUnitId, parsed.data.reason],
      (id) => questions.transferQuestion(questionId, parsed.data.toUnitId, parsed.data.reason, id),
      () => {
        setReason('');
        setToUnitId('');
      },
    );
  }, [fail, questionId, reason, send, toUnitId]);

  const cancelTransfer = useCallback(() => setConfirmingTransfer(false), []);

  const pickUnit = useCallback((id: string) => {
    setToUnitId(id);
    setConfirmingTransfer(false);
    setError((e) => (e?.action === 'transfer' ? null : e));
  }, []);

  /** Another action on the page (the reply) succeeded: old outcomes no longer apply. */
  const clearOutcome = useCallback(() => {
    setError(null);
    setDone(null);
  }, []);

  return {
    handling: { note: handlingNote, setNote: setHandlingNote, count: useCharCount(handlingNote, NOTE_MAX) },
    notice: { text: notice, setText: setNotice, count: useCharCount(notice, NOTICE_MAX) },
    urge: { note: urgeNote, setNote: setUrgeNote, count: useCharCount(urgeNote, URGE_NOTE_MAX, true) },
    transfer: {
      toUnitId,
      toUnitName: unitName(toUnitId),
      pickUnit,
      reason,
      setReason,
      count: useCharCount(reason, TRANSFER_REASON_MAX, true),
      confirming: confirmingTransfer,
      ask: askTransfer,
      confirm: confirmTransfer,
      cancel: cancelTransfer,
    },
    run,
    busy,
    error,
    done,
    clearOutcome,
  };
}

export type CaseActionsState = ReturnType<typeof useCaseActions>;
