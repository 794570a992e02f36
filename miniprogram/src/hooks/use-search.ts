import { useCallback, useState } from 'react';
import { countVisibleChars, normalizeText } from '@shared/domain/user-text';
import { searchQuestions, type SearchHit } from '../services/search.service';
import { useDebouncedValue } from './use-debounced-value';
import { usePagedList } from './use-paged-list';

/** Typing pauses this long before a search is sent. */
export const SEARCH_DEBOUNCE_MS = 300;
/** The contract's limit for a query (search.contract.ts: 1–100 characters). */
export const QUERY_MAX = 100;

const hitKey = (hit: SearchHit) => `${hit.kind}:${hit.id}`;

/** What is sent: normalised like the server normalises it, and never over the limit. */
export function searchableQuery(text: string): string {
  return Array.from(normalizeText(text, { singleLine: true })).slice(0, QUERY_MAX).join('');
}

/**
 * 搜索's state: the box (sent 300 ms after the last keystroke, or at once on
 * 搜索), the category and unit filters, and the ranked results paged by
 * 加载更多. A reply to an earlier query or filter is dropped (usePagedList),
 * so results never belong to words no longer in the box.
 */
export function useSearch(initialText = '') {
  const [text, setText] = useState(initialText);
  const [categoryId, setCategoryId] = useState<string | undefined>(undefined);
  const [unitId, setUnitId] = useState<string | undefined>(undefined);
  const [settled, flush] = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  const query = searchableQuery(settled);
  const active = countVisibleChars(query) > 0;

  const fetchPage = useCallback(
    (cursor?: string) => (active ? searchQuestions({ query, categoryId, unitId, cursor }) : Promise.resolve({ items: [], nextCursor: null })),
    [active, query, categoryId, unitId],
  );
  const list = usePagedList<SearchHit>(fetchPage, hitKey);

  /** A tapped example, or clearing the box: takes effect at once. */
  const searchNow = useCallback(
    (next: string) => {
      setText(next);
      flush(next);
    },
    [flush],
  );

  return { text, setText, submit: () => flush(), searchNow, query, active, categoryId, setCategoryId, unitId, setUnitId, list };
}
