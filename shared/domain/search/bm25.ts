import { documentFrequency, type CorpusStats, type TermBag } from './search-index';

/**
 * Okapi BM25: a document scores for each query term it holds, more for a term
 * rare in the corpus (idf), with diminishing returns for repeats (k1) and
 * with long documents discounted (b). Each distinct query term counts once.
 */
export interface Bm25Parameters {
  k1: number;
  b: number;
}

/** Chosen on the campus paraphrase set (docs/decisions/0015-chinese-search-lexical.md). */
export const BM25_PARAMETERS: Bm25Parameters = { k1: 1.2, b: 0.75 };

export interface Scored<T> {
  item: T;
  score: number;
}

/** A query ready to score many documents against the same statistics. */
export interface Bm25Query {
  /** Each query term's idf. */
  weights: ReadonlyMap<string, number>;
  averageLength: number;
  parameters: Bm25Parameters;
}

export function inverseDocumentFrequency(stats: CorpusStats, term: string): number {
  const n = Math.max(stats.documents, 0);
  const df = Math.min(Math.max(documentFrequency(stats, term), 0), n);
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

export function prepareBm25Query(query: TermBag, stats: CorpusStats, parameters: Bm25Parameters = BM25_PARAMETERS): Bm25Query {
  const weights = new Map(query.terms.map((term) => [term, inverseDocumentFrequency(stats, term)] as const));
  const averageLength = stats.documents > 0 ? stats.totalLength / stats.documents : 0;
  return { weights, averageLength, parameters };
}

/** A query term's contribution, given its idf and its count in a document of this length. */
export function bm25TermScore(query: Bm25Query, idf: number, count: number, length: number): number {
  const { k1, b } = query.parameters;
  const relativeLength = query.averageLength > 0 ? length / query.averageLength : 1;
  return (idf * count * (k1 + 1)) / (count + k1 * (1 - b + b * relativeLength));
}

export function scoreBm25(query: Bm25Query, doc: TermBag): number {
  let score = 0;
  doc.terms.forEach((term, i) => {
    const idf = query.weights.get(term);
    if (idf !== undefined) score += bm25TermScore(query, idf, doc.counts[i]!, doc.length);
  });
  return score;
}

/** Best first; ties keep the order given. Documents sharing no term with the query are left out. */
export function rankBm25<T>(query: Bm25Query, items: readonly T[], termsOf: (item: T) => TermBag, limit = Infinity): Scored<T>[] {
  return items
    .map((item) => ({ item, score: scoreBm25(query, termsOf(item)) }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

/**
 * How alike two texts are, from 0 (nothing shared) to 1 (the same terms):
 * each one's BM25 score as a query against the other, relative to its score
 * against itself, averaged both ways. For deciding whether two questions are
 * the same need (duplicates, FAQ groups), where a plain score has no scale.
 */
export function bm25Similarity(a: TermBag, b: TermBag, stats: CorpusStats, parameters: Bm25Parameters = BM25_PARAMETERS): number {
  const one = (query: TermBag, doc: TermBag) => {
    const prepared = prepareBm25Query(query, stats, parameters);
    const self = scoreBm25(prepared, query);
    return self > 0 ? Math.min(scoreBm25(prepared, doc) / self, 1) : 0;
  };
  return (one(a, b) + one(b, a)) / 2;
}
