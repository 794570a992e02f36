import type { Scored } from './bm25';
import { searchCorpusIndex, type CorpusIndex } from './corpus-index';
import type { TermBag } from './search-index';

/**
 * Which category a question most likely belongs to: the categories of the
 * questions most like it, each voting with its BM25 score. Students ask the
 * same things again and again, so the questions already filed (with the
 * category their handlers settled on) are the best evidence; the index should
 * also hold each category's own name and description, so a campus with no
 * history yet still gets suggestions. Measured against a naive Bayes model
 * over the same terms in docs/decisions/0015-chinese-search-lexical.md.
 *
 * It reads the same in-memory index as the similar-questions hint: one search
 * answers both.
 */
export interface CategorySuggestion {
  /** The suggested category; null when the neighbours do not agree clearly enough (unsure). */
  categoryId: string | null;
  /** Each category the neighbours voted for, with its share of the votes, best first. */
  ranked: { categoryId: string; share: number }[];
}

export const CATEGORY_SUGGESTION = {
  /** How many of the most similar questions vote. */
  neighbours: 5,
  /** The share of the votes the leading category needs to be suggested. */
  minShare: 0.7,
} as const;

/** The vote among ranked neighbours (best first, as searchCorpusIndex returns them). */
export function voteCategory<T>(neighbours: readonly Scored<T>[], categoryOf: (entry: T) => string, minShare: number = CATEGORY_SUGGESTION.minShare): CategorySuggestion {
  const votes = new Map<string, number>();
  for (const { item, score } of neighbours) votes.set(categoryOf(item), (votes.get(categoryOf(item)) ?? 0) + score);
  const total = [...votes.values()].reduce((a, b) => a + b, 0);
  const ranked = [...votes.entries()].map(([categoryId, v]) => ({ categoryId, share: total > 0 ? v / total : 0 })).sort((a, b) => b.share - a.share);
  const first = ranked[0];
  return { categoryId: first && first.share >= minShare ? first.categoryId : null, ranked };
}

export function suggestCategory<T>(
  index: CorpusIndex<T>,
  query: TermBag,
  categoryOf: (entry: T) => string,
  options: { neighbours: number; minShare: number } = CATEGORY_SUGGESTION,
): CategorySuggestion {
  return voteCategory(searchCorpusIndex(index, query, { limit: options.neighbours }), categoryOf, options.minShare);
}
