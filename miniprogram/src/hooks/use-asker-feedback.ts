import { useCallback, useState } from 'react';
import { QuestionReopenInput } from '@shared/contracts/case.contract';
import { rateQuestion, reopenQuestion } from '../services/question.service';
import { userMessageOf } from '../services/api-error';

/**
 * The asker's side of 办: rate the result (满意 / 不满意) and, when not
 * satisfied, reopen once with a reason. `onDone` reloads the question.
 */
export function useAskerFeedback(questionId: string, onDone: () => void) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      if (busy) return;
      setBusy(true);
      setError(null);
      try {
        await action();
        setReason('');
        onDone();
      } catch (err: unknown) {
        setError(userMessageOf(err));
      } finally {
        setBusy(false);
      }
    },
    [busy, onDone],
  );

  const rate = useCallback((satisfied: boolean) => run(() => rateQuestion(questionId, satisfied, '')), [questionId, run]);

  const reopen = useCallback(() => {
    const parsed = QuestionReopenInput.safeParse({ questionId, reason });
    if (!parsed.success) {
      setError(`理由${parsed.error.issues[0]?.message ?? '不符合要求'}`);
      return;
    }
    void run(() => reopenQuestion(questionId, parsed.data.reason));
  }, [questionId, reason, run]);

  return { reason, setReason, error, busy, rate, reopen };
}
