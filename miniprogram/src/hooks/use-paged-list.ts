import { useCallback, useEffect, useRef, useState } from 'react';
import type { QuestionSummary } from '@shared/contracts/question.contract';
import { errorCodeOf, userMessageOf, type ApiErrorCode } from '../services/api-error';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PagedList<T = QuestionSummary> {
  items: T[];
  loading: boolean;
  error: string | null;
  /** The failure's stable code, so a page can offer what helps (无权限, 重试). */
  errorCode: ApiErrorCode | null;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
  /** Drop one item (by its key) that no longer belongs, without reloading. */
  remove: (key: string) => void;
}

const idOf = (item: unknown): string => (item as { id: string }).id;

/**
 * Cursor paging over a list. `fetchPage` should be memoised by the caller;
 * when it changes (e.g. a new category filter) the list restarts. Replies to
 * an outdated request are dropped. Items are told apart by `keyOf` (their
 * `id` by default; pass a module-level function).
 */
export function usePagedList<T = QuestionSummary>(
  fetchPage: (cursor?: string) => Promise<Page<T>>,
  keyOf: (item: T) => string = idOf,
): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [errorCode, setErrorCode] = useState<ApiErrorCode | null>(null);
  const generation = useRef(0);

  const load = useCallback(
    (after: string | undefined) => {
      const mine = ++generation.current;
      setLoading(true);
      setError(null);
      setErrorCode(null);
      fetchPage(after).then(
        (page) => {
          if (mine !== generation.current) return;
          // An item can move between pages (or boxes) while paging: keep the first copy.
          setItems((prev) => {
            if (!after) return page.items;
            const seen = new Set(prev.map(keyOf));
            return [...prev, ...page.items.filter((item) => !seen.has(keyOf(item)))];
          });
          setCursor(page.nextCursor);
          setLoading(false);
        },
        (err: unknown) => {
          if (mine !== generation.current) return;
          setError(userMessageOf(err));
          setErrorCode(errorCodeOf(err));
          setLoading(false);
        },
      );
    },
    [fetchPage, keyOf],
  );

  useEffect(() => {
    load(undefined);
  }, [load]);

  const loadMore = useCallback(() => {
    if (cursor && !loading) load(cursor);
  }, [cursor, loading, load]);
  const reload = useCallback(() => load(undefined), [load]);
  const remove = useCallback((key: string) => setItems((prev) => prev.filter((item) => keyOf(item) !== key)), [keyOf]);

  return { items, loading, error, errorCode, hasMore: cursor !== null, loadMore, reload, remove };
}
