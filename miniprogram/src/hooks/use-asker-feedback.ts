import { useCallback, useState } from 'react';
import { QuestionReopenInput } from '@shared/contracts/case.contract';
import { rateQuestion, reopenQuestion } from '../services/question.service';
import { userMessageOf } from '../services/api-error';
import { useRequestIds } from './use-request-ids';

/**
 * The asker's side of 办: rate the result (满意 / 不满意) and, when not
 * satisfied, reopen once with a reason. `onDone` reloads the question.
 */
export function useAskerFeedback(questionId: string, onDone: () => void) {
  const [reason, setReason] = useState('');
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
        onDone();
      } catch (err: unknown) {
        setError(userMessageOf(err));
      } finally {
        setBusy(false);
      }
    },
    [busy, idFor, onDone, settled],
  );

  const rate = useCallback((satisfied: boolean) => run(['rate', satisfied], (id) => rateQuestion(questionId, satisfied, '', id)), [questionId, run]);

  const reopen = useCallback(() => {
    const parsed = QuestionReopenInput.safeParse({ questionId, reason });
    if (!parsed.success) {
      setError(`理由${parsed.error.issues[0]?.message ?? '不符合要求'}`);
      return;
    }
    void run(['reopen', parsed.data.reason], (id) => reopenQuestion(questionId, parsed.data.reason, id));
  }, [questionId, reason, run]);

  return { reason, setReason, error, busy, rate, reopen };
}
