import { useCallback, useState } from 'react';
import type { z } from 'zod';
import {
  QuestionAddProgressInput,
  QuestionPublishNoticeInput,
  QuestionResolveInput,
  QuestionTransferInput,
} from '@shared/contracts/case.contract';
import * as questions from '../services/question.service';
import { userMessageOf } from '../services/api-error';
import { useRequestIds } from './use-request-ids';

export type ResponderAction = 'claim' | 'transfer' | 'startHandling' | 'addProgress' | 'resolve' | 'publishNotice';

export const RESPONDER_ACTION_LABELS: Record<ResponderAction, string> = {
  claim: '认领',
  transfer: '转办',
  startHandling: '开始办理',
  addProgress: '添加进展',
  resolve: '办结',
  publishNotice: '发布处理公告',
};

const DONE_MESSAGES: Record<ResponderAction, string> = {
  claim: '已认领，由你跟进',
  transfer: '已转办，答复时限不变',
  startHandling: '已开始办理',
  addProgress: '进展已记录',
  resolve: '已办结',
  publishNotice: '处理公告已发布',
};

/** The first message of a failed parse, prefixed with what the field is. */
function firstIssue(error: z.ZodError, prefix: string): string {
  const issue = error.issues[0];
  if (!issue) return '提交的内容不符合要求';
  return issue.path[0] === 'toUnitId' ? '请选择转办单位' : `${prefix}${issue.message}`;
}

/**
 * The responder's 办 panel: one note field shared by the actions, a target unit
 * for 转办. Each action is validated with its contract before it is sent;
 * `onDone` reloads the question so the new state and timeline show.
 */
export function useCaseActions(questionId: string, onDone: () => void) {
  const [note, setNote] = useState('');
  const [toUnitId, setToUnitId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { idFor, settled } = useRequestIds();

  const send = useCallback(
    async (action: ResponderAction, payload: unknown[], call: (requestId: string) => Promise<unknown>) => {
      setBusy(true);
      setError(null);
      setDone(null);
      try {
        await call(idFor([action, ...payload]));
        settled();
        setNote('');
        setDone(DONE_MESSAGES[action]);
        onDone();
      } catch (err: unknown) {
        setError(userMessageOf(err));
      } finally {
        setBusy(false);
      }
    },
    [idFor, onDone, settled],
  );

  const run = useCallback(
    (action: ResponderAction) => {
      if (busy) return;
      switch (action) {
        case 'claim':
          return void send(action, [], (id) => questions.claimQuestion(questionId, id));
        case 'startHandling':
          return void send(action, [note.trim()], (id) => questions.startHandling(questionId, note.trim(), id));
        case 'transfer': {
          const parsed = QuestionTransferInput.safeParse({ questionId, toUnitId, reason: note });
          if (!parsed.success) return setError(firstIssue(parsed.error, '转办理由'));
          return void send(action, [parsed.data.toUnitId, parsed.data.reason], (id) => questions.transferQuestion(questionId, parsed.data.toUnitId, parsed.data.reason, id));
        }
        case 'addProgress': {
          const parsed = QuestionAddProgressInput.safeParse({ questionId, note });
          if (!parsed.success) return setError(firstIssue(parsed.error, '进展说明'));
          return void send(action, [parsed.data.note], (id) => questions.addProgress(questionId, parsed.data.note, id));
        }
        case 'resolve': {
          const parsed = QuestionResolveInput.safeParse({ questionId, note });
          if (!parsed.success) return setError(firstIssue(parsed.error, '办结说明'));
          return void send(action, [parsed.data.note], (id) => questions.resolveQuestion(questionId, parsed.data.note, id));
        }
        case 'publishNotice': {
          const parsed = QuestionPublishNoticeInput.safeParse({ questionId, notice: note });
          if (!parsed.success) return setError(firstIssue(parsed.error, '公告'));
          return void send(action, [parsed.data.notice], (id) => questions.publishNotice(questionId, parsed.data.notice, id));
        }
      }
    },
    [busy, note, questionId, send, toUnitId],
  );

  return { note, setNote, toUnitId, setToUnitId, error, done, busy, run };
}
