import { useCallback, useEffect, useRef, useState } from 'react';
import { countVisibleChars, normalizeText } from '@shared/domain/user-text';
import { findSimilarQuestions, recordDeflection, type CategorySuggestion, type SearchHit } from '../services/search.service';
import { useDebouncedValue } from './use-debounced-value';
import { QUERY_MAX } from './use-search';

/** Typing pauses this long before similar questions are looked up. */
export const SIMILAR_DEBOUNCE_MS = 400;
/** Fewer visible characters of title say too little to look anything up. */
export const SIMILAR_MIN_TITLE = 4;

/**
 * What is looked up: the title, and the start of the description when there
 * is one (the contract takes one line of at most 100 characters); null while
 * the title is too short to say anything.
 */
export function similarText(title: string, content: string): string | null {
  const t = normalizeText(title, { singleLine: true });
  if (countVisibleChars(t) < SIMILAR_MIN_TITLE) return null;
  const c = normalizeText(content, { singleLine: true });
  return Array.from(c ? `${t} ${c}` : t).slice(0, QUERY_MAX).join('');
}

interface Found {
  text: string;
  items: SearchHit[];
  suggestion: CategorySuggestion;
}

/**
 * 相似的问题 while a student types: looked up 400 ms after the last keystroke
 * once the title has 4 characters. Only the reply to the latest lookup, for
 * the text still in the boxes, is ever shown: a slow reply to an earlier text
 * is dropped, and clearing the title hides everything at once (and forgets
 * it). While a new lookup is on its way the previous list stays (no flicker
 * between keystrokes). A failed lookup shows nothing (the form is what
 * matters; asking is never blocked).
 */
export function useSimilarQuestions(title: string, content: string) {
  const wanted = similarText(title, content);
  const latest = useRef(wanted);
  latest.current = wanted;
  const [text] = useDebouncedValue(wanted, SIMILAR_DEBOUNCE_MS);
  const [found, setFound] = useState<Found | null>(null);
  const [loading, setLoading] = useState(false);
  const generation = useRef(0);

  // A cleared title hides the list at once and drops what is on its way (not only once the pause has passed).
  const cleared = wanted === null;
  useEffect(() => {
    const mine = ++generation.current;
    if (!text || cleared) {
      setFound(null);
      setLoading(false);
      return;
    }
    // Words already replaced in the box (the pause will bring the new ones): not worth a request.
    if (latest.current !== text) return;
    setLoading(true);
    findSimilarQuestions(text).then(
      (reply) => {
        if (mine !== generation.current || latest.current !== text) return;
        setFound({ text, items: reply.items, suggestion: reply.suggestedCategory });
        setLoading(false);
      },
      () => {
        if (mine !== generation.current) return;
        // What is shown belongs to earlier words: nothing rather than something stale.
        setFound(null);
        setLoading(false);
      },
    );
  }, [text, cleared]);

  const shown = wanted === null ? null : found;
  return {
    items: shown?.items ?? [],
    suggestion: shown?.suggestion ?? null,
    loading: wanted !== null && loading,
  };
}

/** What solved it: an answered question or an FAQ entry. */
export type DeflectedBy = Pick<SearchHit, 'kind' | 'id' | 'title'>;

/** 这解决了我的问题: counted for the coordinator's figure; the student is thanked whatever the network does. */
export function useDeflection() {
  const [deflected, setDeflected] = useState<DeflectedBy | null>(null);
  const deflect = useCallback((hit: DeflectedBy) => {
    setDeflected(hit);
    recordDeflection(hit.kind, hit.id).catch(() => undefined);
  }, []);
  const clear = useCallback(() => setDeflected(null), []);
  return { deflected, deflect, clear };
}
