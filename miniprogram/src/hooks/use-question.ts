import { useCallback } from 'react';
import type { QuestionDetail } from '@shared/contracts/question.contract';
import { getQuestion } from '../services/question.service';
import { ApiRequestError } from '../services/api-error';
import { useAsync } from './use-async';

export function useQuestion(id: string | undefined) {
  const load = useCallback(
    (): Promise<QuestionDetail> => (id ? getQuestion(id) : Promise.reject(new ApiRequestError('QUESTION.NOT_FOUND'))),
    [id],
  );
  return useAsync(load);
}
