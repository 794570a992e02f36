import { useCallback, useEffect, useRef, useState } from 'react';
import type { QuestionPage, QuestionSummary } from '@shared/contracts/question.contract';
import { userMessageOf } from '../services/api-error';

export interface PagedList {
  items: QuestionSummary[];
  loading: boolean;
  error: string | null;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
}

/**
 * Cursor paging over a question list. `fetchPage` should be memoised by the
 * caller; when it changes (e.g. a new category filter) the list restarts.
 * Replies to an outdated request are dropped.
 */
export function usePagedList(fetchPage: (cursor?: string) => Promise<QuestionPage>): PagedList {
  const [items, setItems] = useState<QuestionSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const load = useCallback(
    (after: string | undefined) => {
      const mine = ++generation.current;
      setLoading(true);
      setError(null);
      fetchPage(after).then(
        (page) => {
          if (mine !== generation.current) return;
          // A question can move between pages (or boxes) while paging: keep the first copy.
          setItems((prev) => {
            if (!after) return page.items;
            const seen = new Set(prev.map((q) => q.id));
            return [...prev, ...page.items.filter((q) => !seen.has(q.id))];
          });
          setCursor(page.nextCursor);
          setLoading(false);
        },
        (err: unknown) => {
          if (mine !== generation.current) return;
          setError(userMessageOf(err));
          setLoading(false);
        },
      );
    },
    [fetchPage],
  );

  useEffect(() => {
    load(undefined);
  }, [load]);

  const loadMore = useCallback(() => {
    if (cursor && !loading) load(cursor);
  }, [cursor, loading, load]);
  const reload = useCallback(() => load(undefined), [load]);

  return { items, loading, error, hasMore: cursor !== null, loadMore, reload };
}
