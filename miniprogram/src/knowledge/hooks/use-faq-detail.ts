import { useCallback } from 'react';
import { getFaq, type FaqDetail } from '../../services/faq.service';
import { ApiRequestError } from '../../services/api-error';
import { useAsync } from '../../hooks/use-async';

/** One FAQ entry and the public questions it gathers. */
export function useFaqDetail(id: string | undefined) {
  const load = useCallback(
    (): Promise<FaqDetail> => (id ? getFaq(id) : Promise.reject(new ApiRequestError('INPUT.INVALID', '这条常见问题不存在或已撤下'))),
    [id],
  );
  return useAsync(load);
}
