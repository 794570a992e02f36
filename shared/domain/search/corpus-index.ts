import { bm25TermScore, prepareBm25Query, BM25_PARAMETERS, type Bm25Parameters, type Scored } from './bm25';
import { corpusStatsOf, type CorpusStats, type TermBag } from './search-index';

/**
 * A whole small corpus held in memory (one per container, for the
 * similar-questions hint as a student types): an inverted index from each
 * term to the documents holding it, so a query touches only the documents
 * that share a term with it. Built from the stored term bags as they are
 * read; the statistics are the corpus's own. Rebuild it when the corpus
 * version the caller keeps changes.
 */
export interface CorpusIndex<T> {
  entries: readonly T[];
  stats: CorpusStats;
  /** term → the documents holding it (indexes into entries) and its count in each. */
  postings: ReadonlyMap<string, { docs: number[]; counts: number[] }>;
  lengths: Float64Array;
}

export function buildCorpusIndex<T>(entries: readonly T[], termsOf: (entry: T) => TermBag): CorpusIndex<T> {
  const bags = entries.map(termsOf);
  const postings = new Map<string, { docs: number[]; counts: number[] }>();
  const lengths = new Float64Array(bags.length);
  bags.forEach((bag, doc) => {
    lengths[doc] = bag.length;
    bag.terms.forEach((term, i) => {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = { docs: [], counts: [] }));
      list.docs.push(doc);
      list.counts.push(bag.counts[i]!);
    });
  });
  return { entries, stats: corpusStatsOf(bags), postings, lengths };
}

export interface CorpusSearchOptions<T> {
  limit: number;
  /** Only entries this accepts are returned (a category, public only, not the question itself). */
  accept?: (entry: T) => boolean;
  parameters?: Bm25Parameters;
}

/** BM25 over the whole corpus, best first; ties in corpus order. */
export function searchCorpusIndex<T>(index: CorpusIndex<T>, query: TermBag, options: CorpusSearchOptions<T>): Scored<T>[] {
  const prepared = prepareBm25Query(query, index.stats, options.parameters ?? BM25_PARAMETERS);
  const scores = new Float64Array(index.entries.length);
  const touched: number[] = [];
  for (const [term, idf] of prepared.weights) {
    const list = index.postings.get(term);
    if (!list) continue;
    list.docs.forEach((doc, i) => {
      if (scores[doc] === 0) touched.push(doc);
      scores[doc]! += bm25TermScore(prepared, idf, list.counts[i]!, index.lengths[doc]!);
    });
  }
  // Keep the best `limit` as we go: sorting every touched document costs more on a large corpus.
  const best: number[] = [];
  const better = (a: number, c: number) => scores[a]! > scores[c]! || (scores[a] === scores[c] && a < c);
  for (const doc of touched) {
    if (scores[doc]! <= 0) continue;
    if (best.length === options.limit && !better(doc, best[best.length - 1]!)) continue;
    if (options.accept && !options.accept(index.entries[doc]!)) continue;
    let at = best.length;
    while (at > 0 && better(doc, best[at - 1]!)) at -= 1;
    best.splice(at, 0, doc);
    if (best.length > options.limit) best.pop();
  }
  return best.map((doc) => ({ item: index.entries[doc]!, score: scores[doc]! }));
}
