import { useCallback, useState } from 'react';
import { QuestionRateInput, QuestionReopenInput } from '@shared/contracts/case.contract';
import { rateQuestion, reopenQuestion } from '../services/question.service';
import { userMessageOf } from '../services/api-error';
import { useRequestIds } from './use-request-ids';

/**
 * The asker's side of 办: rate the result (满意 / 不满意, confirmed, with an
 * optional comment, since a rating closes the question) and, when not
 * satisfied, reopen once with a reason. Both are checked with their contracts
 * before sending; `onDone` reloads the question.
 */
export function useAskerFeedback(questionId: string, onDone: () => void) {
  const [reason, setReason] = useState('');
  /** The rating chosen and waiting for 确认评价 (null: none chosen). */
  const [choice, setChoice] = useState<boolean | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { idFor, settled } = useRequestIds();

  const run = useCallback(
    async (what: unknown[], action: (requestId: string) => Promise<unknown>) => {
      if (busy) return;
      setBusy(true);
      setError(null);
      try {
        await action(idFor(what));
        settled();
        setReason('');
        setComment('');
        setChoice(null);
        onDone();
      } catch (err: unknown) {
        setError(userMessageOf(err));
      } finally {
        setBusy(false);
      }
    },
    [busy, idFor, onDone, settled],
  );

  const choose = useCallback((satisfied: boolean) => {
    setChoice(satisfied);
    setError(null);
  }, []);

  const cancelRating = useCallback(() => {
    setChoice(null);
    setError(null);
  }, []);

  const confirmRating = useCallback(() => {
    if (choice === null) return;
    const parsed = QuestionRateInput.safeParse({ questionId, satisfied: choice, comment });
    if (!parsed.success) {
      setError(`补充说明${parsed.error.issues[0]?.message ?? '不符合要求'}`);
      return;
    }
    const { satisfied, comment: text } = parsed.data;
    void run(['rate', satisfied, text], (id) => rateQuestion(questionId, satisfied, text, id));
  }, [choice, comment, questionId, run]);

  const reopen = useCallback(() => {
    const parsed = QuestionReopenInput.safeParse({ questionId, reason });
    if (!parsed.success) {
      setError(`理由${parsed.error.issues[0]?.message ?? '不符合要求'}`);
      return;
    }
    void run(['reopen', parsed.data.reason], (id) => reopenQuestion(questionId, parsed.data.reason, id));
  }, [questionId, reason, run]);

  return { reason, setReason, choice, choose, cancelRating, comment, setComment, confirmRating, error, busy, reopen };
}
