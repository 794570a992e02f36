import { useCallback, useRef, useState } from 'react';
import { AnswerPostInput, type AnswerPostOutput } from '@shared/contracts/answer.contract';
import { ANSWER_MAX } from '@shared/contracts/question.contract';
import { postAnswer } from '../services/question.service';
import { userMessageOf } from '../services/api-error';
import { newRequestId } from '../services/request-id';
import { useCharCount } from './use-char-count';

/** The responder's reply box (答复, public): validation with the contract, one submission at a time. */
export function useReplyForm(questionId: string | undefined, onPosted: () => void) {
  const [content, setContent] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [result, setResult] = useState<AnswerPostOutput | null>(null);
  // One id per reply: a retry after a lost response posts it once.
  const requestId = useRef<string | null>(null);

  // The pictures the request id was made for: other pictures are another reply, with a new id.
  const requestPictures = useRef('');

  /** `pictures`: file ids already uploaded (添加图片). */
  const submit = useCallback(async (pictures: string[] = []) => {
    if (submitting || !questionId) return;
    const parsed = AnswerPostInput.safeParse({ questionId, content, pictures });
    if (!parsed.success) {
      const issue = parsed.error.issues.find((i) => i.path[0] === 'content') ?? parsed.error.issues[0];
      setError(issue?.path[0] === 'content' ? `答复${issue.message}` : '问题编号无效');
      return;
    }
    setError(null);
    setSubmitting(true);
    try {
      if (requestPictures.current !== pictures.join('\n')) requestId.current = null;
      requestPictures.current = pictures.join('\n');
      requestId.current ??= newRequestId();
      setResult(await postAnswer(parsed.data.questionId, parsed.data.content, requestId.current, parsed.data.pictures));
      requestId.current = null;
      setContent('');
      onPosted();
    } catch (err: unknown) {
      setError(userMessageOf(err));
    } finally {
      setSubmitting(false);
    }
  }, [content, questionId, submitting, onPosted]);

  const edit = useCallback((value: string) => {
    setContent(value);
    setError(null);
    requestId.current = null; // a different reply now
  }, []);

  /** Another action succeeded: an old complaint about this box no longer applies. */
  const clearError = useCallback(() => setError(null), []);
  const count = useCharCount(content, ANSWER_MAX);

  return { content, edit, error, clearError, submitting, result, submit, count };
}
