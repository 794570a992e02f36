import { useCallback } from 'react';
import { listFaqs, type FaqEntry } from '../services/faq.service';
import { useAsync } from './use-async';

/** 常见问题: the published entries, newest first. */
export function useFaqs() {
  const load = useCallback((): Promise<FaqEntry[]> => listFaqs(), []);
  return useAsync(load);
}
