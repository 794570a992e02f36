import { useCallback } from 'react';
import { getAnswerReferences, type ReferenceAnswer } from '../../services/search.service';
import { useAsync } from '../../hooks/use-async';

const NONE: ReferenceAnswer[] = [];

/**
 * 参考答复 for the question a responder is answering: the most similar
 * questions already answered (by any unit) and FAQ entries, whole answers.
 * Asked for only while the responder may answer (`enabled`).
 */
export function useAnswerReferences(questionId: string | undefined, enabled: boolean) {
  const load = useCallback(
    (): Promise<ReferenceAnswer[]> => (questionId && enabled ? getAnswerReferences(questionId).then((r) => r.items) : Promise.resolve(NONE)),
    [questionId, enabled],
  );
  return useAsync(load);
}
