import { prepareBm25Query, rankBm25, bm25Similarity, BM25_PARAMETERS, type Bm25Parameters } from '../shared/domain/search/bm25';
import { suggestCategory } from '../shared/domain/search/category-suggestion';
import { buildCorpusIndex } from '../shared/domain/search/corpus-index';
import { corpusStatsOf, documentFrequency, indexFields, indexQuery, type CorpusStats, type TermBag } from '../shared/domain/search/search-index';
import { applyAliases, normalizeForSearch } from '../shared/domain/search/search-text';
import { CAMPUS_ALIAS_TABLE, SEARCH_ANALYZER, type Analyzer } from '../shared/domain/search/search-terms';
import { DEMO_CATEGORIES } from './seed/demo-organisation';
import type { CampusNeed } from '../tests/fixtures/campus-paraphrases';

/**
 * How well search finds the earlier question a student means, and how well
 * it tells a pair of questions apart: the protocols and metrics behind
 * scripts/bench-search.ts and tests/unit/search-quality.test.ts.
 */

/** A way of ranking a corpus for a query: returns corpus indexes, best first (only those it retrieves at all). */
export interface Retriever {
  name: string;
  build(corpus: readonly string[]): (query: string) => number[];
  /** A pair's similarity, higher for the same meaning; given every sentence of the data set for statistics. */
  pairScorer(sentences: readonly string[]): (a: string, b: string) => number;
}

/** Text to terms; the representations the bench compares. */
export type TermsOf = (text: string) => TermBag;

export function analyzerTerms(analyzer: Analyzer): TermsOf {
  return (text) => indexFields([{ text, weight: 1 }], analyzer, Infinity);
}

/** Characters as typed, less spaces and punctuation: no NFKC, case, traditional or alias handling. */
export const plainCharacterTerms: TermsOf = (text) => bagOf([...text].filter((c) => /[\p{L}\p{N}]/u.test(c)));

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Word segmentation (ICU's dictionary, as Node ships it) over normalised text, with or without the aliases. */
export function segmentedWordTerms(withAliases: boolean): TermsOf {
  return (text) => {
    const normalized = normalizeForSearch(text);
    const chars = (withAliases ? applyAliases(normalized, CAMPUS_ALIAS_TABLE) : normalized).chars.join('');
    return bagOf([...segmenter.segment(chars)].filter((s) => s.isWordLike).map((s) => s.segment));
  };
}

function bagOf(tokens: readonly string[]): TermBag {
  const counts = new Map<string, number>();
  for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  return { terms: [...counts.keys()], counts: [...counts.values()], length: tokens.length };
}

/** `WHERE title LIKE '%<what was typed>%'`: the earlier question must contain the typed title as it is. */
export const likeRetriever: Retriever = {
  name: 'LIKE %title%',
  build: (corpus) => (query) => corpus.flatMap((doc, i) => (doc.includes(query.trim()) ? [i] : [])),
  pairScorer: () => (a, b) => (a.includes(b) || b.includes(a) ? 1 : 0),
};

function tfidfVector(bag: TermBag, stats: CorpusStats): Map<string, number> {
  const idf = (term: string) => Math.log((1 + stats.documents) / (1 + documentFrequency(stats, term))) + 1;
  const vector = new Map(bag.terms.map((t, i) => [t, bag.counts[i]! * idf(t)] as const));
  const norm = Math.sqrt([...vector.values()].reduce((s, v) => s + v * v, 0)) || 1;
  for (const [t, v] of vector) vector.set(t, v / norm);
  return vector;
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let sum = 0;
  for (const [t, v] of a) sum += v * (b.get(t) ?? 0);
  return sum;
}

export function tfidfRetriever(name: string, termsOf: TermsOf): Retriever {
  return {
    name,
    build(corpus) {
      const bags = corpus.map(termsOf);
      const stats = corpusStatsOf(bags);
      const vectors = bags.map((bag) => tfidfVector(bag, stats));
      return (query) => {
        const q = tfidfVector(termsOf(query), stats);
        return vectors
          .map((v, i) => ({ i, score: cosine(q, v) }))
          .filter((s) => s.score > 0)
          .sort((a, b) => b.score - a.score)
          .map((s) => s.i);
      };
    },
    pairScorer(sentences) {
      const stats = corpusStatsOf(sentences.map(termsOf));
      return (a, b) => cosine(tfidfVector(termsOf(a), stats), tfidfVector(termsOf(b), stats));
    },
  };
}

export function bm25Retriever(name: string, termsOf: TermsOf, parameters: Bm25Parameters = BM25_PARAMETERS): Retriever {
  return {
    name,
    build(corpus) {
      const bags = corpus.map(termsOf);
      const stats = corpusStatsOf(bags);
      const indexes = bags.map((_, i) => i);
      return (query) => rankBm25(prepareBm25Query(termsOf(query), stats, parameters), indexes, (i) => bags[i]!).map((s) => s.item);
    },
    pairScorer(sentences) {
      const stats = corpusStatsOf(sentences.map(termsOf));
      return (a, b) => bm25Similarity(termsOf(a), termsOf(b), stats, parameters);
    },
  };
}

/** The engine as shipped: the search analyzer and the chosen parameters. */
export const engineRetriever = bm25Retriever('BM25, engine default', analyzerTerms(SEARCH_ANALYZER));

export interface RetrievalFigures {
  queries: number;
  recallAt1: number;
  recallAt5: number;
  mrr: number;
  /** Of the queries whose need has a look-alike need (HARD_NEGATIVES), how often their own need ranked above it. */
  hardNegativeWins: number;
}

interface Ranking {
  need: string;
  /** 1-based position of the first earlier question of the same need; Infinity when not retrieved. */
  rank: number;
  /** Needs in the order they were first retrieved. */
  needs: string[];
}

function figures(rankings: readonly Ranking[], hardNegatives: readonly [string, string][]): RetrievalFigures {
  const share = (pred: (r: Ranking) => boolean, of: readonly Ranking[] = rankings) => (of.length ? of.filter(pred).length / of.length : 0);
  let pairs = 0;
  let wins = 0;
  for (const r of rankings)
    for (const [a, b] of hardNegatives) {
      const other = r.need === a ? b : r.need === b ? a : null;
      if (!other) continue;
      pairs += 1;
      const own = r.needs.indexOf(r.need);
      const theirs = r.needs.indexOf(other);
      if (own >= 0 && (theirs < 0 || own < theirs)) wins += 1;
    }
  return {
    queries: rankings.length,
    recallAt1: share((r) => r.rank <= 1),
    recallAt5: share((r) => r.rank <= 5),
    mrr: rankings.reduce((s, r) => s + (Number.isFinite(r.rank) ? 1 / r.rank : 0), 0) / (rankings.length || 1),
    hardNegativeWins: pairs ? wins / pairs : 0,
  };
}

function rankingOf(need: string, ranked: readonly number[], needOfDoc: (doc: number) => string): Ranking {
  const needs: string[] = [];
  for (const doc of ranked) {
    const n = needOfDoc(doc);
    if (!needs.includes(n)) needs.push(n);
  }
  const at = needs.indexOf(need);
  return { need, rank: at < 0 ? Infinity : at + 1, needs };
}

/**
 * One earlier question per need (the strict protocol): the corpus holds one
 * phrasing of every need, as a campus whose question history has each need
 * asked once; every other phrasing is a query and must find its need's one
 * question among all needs' (look-alikes included). Rotated so that each
 * phrasing takes its turn as the stored question: in round r, need n stores
 * phrasing r mod (its count), for r below the largest count.
 */
export function evaluateOnePerNeed(
  retriever: Retriever,
  needs: readonly CampusNeed[],
  hardNegatives: readonly [string, string][],
  queriesFrom: (need: CampusNeed) => boolean = () => true,
): RetrievalFigures {
  const rounds = Math.max(...needs.map((n) => n.phrasings.length));
  const rankings: Ranking[] = [];
  for (let r = 0; r < rounds; r++) {
    const stored = needs.map((n) => r % n.phrasings.length);
    const search = retriever.build(needs.map((n, i) => n.phrasings[stored[i]!]!));
    needs.forEach((n, i) =>
      n.phrasings.forEach((query, q) => {
        if (q !== stored[i] && queriesFrom(n)) rankings.push(rankingOf(n.id, search(query), (doc) => needs[doc]!.id));
      }),
    );
  }
  return figures(rankings, hardNegatives);
}

/**
 * Every other phrasing stored (the lenient protocol): each phrasing in turn is
 * the query against all the others, as a campus whose history has each need
 * asked several ways. A need ranks where its first phrasing does.
 */
export function evaluateAllOthers(
  retriever: Retriever,
  needs: readonly CampusNeed[],
  hardNegatives: readonly [string, string][],
  queriesFrom: (need: CampusNeed) => boolean = () => true,
): RetrievalFigures {
  const all = needs.flatMap((n) => n.phrasings.map((text) => ({ need: n.id, text, asked: queriesFrom(n) })));
  const rankings: Ranking[] = [];
  // One corpus of every phrasing; the query's own phrasing is taken out of its ranking (its statistics stay: a
  // difference of one document in a few hundred).
  const search = retriever.build(all.map((d) => d.text));
  all.forEach((query, q) => {
    if (!query.asked) return;
    const ranked = search(query.text).filter((doc) => doc !== q);
    rankings.push(rankingOf(query.need, ranked, (doc) => all[doc]!.need));
  });
  return figures(rankings, hardNegatives);
}

export interface CategoryFigures {
  questions: number;
  /** Leading category right, counting unsure answers by their best guess. */
  accuracy: number;
  /** Share answered with a category (not unsure). */
  coverage: number;
  /** Right among those answered. */
  accuracyWhenSure: number;
}

interface CategoryExample {
  text: string;
  categoryId: string;
}

/** A category suggester trained on examples: the leading category and whether it is sure. */
export interface CategorySuggester {
  name: string;
  train(examples: readonly CategoryExample[]): (text: string) => { best: string | null; sure: boolean };
}

/** The engine's: the neighbours' vote (category-suggestion.ts). */
export const neighbourVoteSuggester: CategorySuggester = {
  name: 'neighbours vote (engine)',
  train(examples) {
    const index = buildCorpusIndex(examples, (e) => indexQuery(e.text));
    return (text) => {
      const suggestion = suggestCategory(index, indexQuery(text), (e) => e.categoryId);
      return { best: suggestion.ranked[0]?.categoryId ?? null, sure: suggestion.categoryId !== null };
    };
  },
};

/**
 * The alternative measured against it: multinomial naive Bayes over the same
 * terms, each counted once per example, uniform prior, add-½ smoothing; sure
 * when the leading category has at least 0.5 probability and leads by 0.2.
 */
export const naiveBayesSuggester: CategorySuggester = {
  name: 'naive Bayes',
  train(examples) {
    const counts = new Map<string, Map<string, number>>();
    const vocabulary = new Set<string>();
    for (const e of examples) {
      const c = counts.get(e.categoryId) ?? new Map<string, number>();
      counts.set(e.categoryId, c);
      for (const t of indexQuery(e.text).terms) {
        c.set(t, (c.get(t) ?? 0) + 1);
        vocabulary.add(t);
      }
    }
    const totals = new Map([...counts].map(([id, c]) => [id, [...c.values()].reduce((a, b) => a + b, 0)] as const));
    return (text) => {
      const terms = indexQuery(text).terms.filter((t) => vocabulary.has(t));
      const logs = [...counts].map(([id, c]) => {
        const denominator = Math.log(totals.get(id)! + 0.5 * (vocabulary.size + 1));
        return { id, log: terms.reduce((s, t) => s + Math.log((c.get(t) ?? 0) + 0.5) - denominator, 0) };
      });
      const top = Math.max(...logs.map((l) => l.log));
      const sum = logs.reduce((s, l) => s + Math.exp(l.log - top), 0);
      const ranked = logs.map((l) => ({ id: l.id, p: Math.exp(l.log - top) / sum })).sort((a, b) => b.p - a.p);
      const [first, second] = ranked;
      return { best: first?.id ?? null, sure: terms.length > 0 && !!first && first.p >= 0.5 && first.p - (second?.p ?? 0) >= 0.2 };
    };
  },
};

/**
 * Category suggestion, trained on the categories' names and descriptions plus
 * labelled phrasings, tested on phrasings it was not trained on:
 * - 'new need': for each need, train on every other need (a question nobody has asked before);
 * - 'asked before': for each phrasing, train on every other phrasing, its need's other phrasings included
 *   (the usual case once a campus has a history: most needs recur).
 */
export function evaluateCategorySuggestion(
  suggester: CategorySuggester,
  needs: readonly CampusNeed[],
  holdOut: 'new need' | 'asked before',
  queriesFrom: (need: CampusNeed) => boolean = () => true,
): CategoryFigures {
  const descriptions = DEMO_CATEGORIES.map((c) => ({ need: '', text: `${c.name} ${c.description}`, categoryId: c._id }));
  const all = needs.flatMap((n) => n.phrasings.map((text) => ({ need: n.id, text, categoryId: n.categoryId, asked: queriesFrom(n) })));
  const asked = all.filter((q) => q.asked);
  let right = 0;
  let sure = 0;
  let rightWhenSure = 0;
  const trained = new Map<string, ReturnType<CategorySuggester['train']>>();
  for (const question of asked) {
    const key = holdOut === 'new need' ? question.need : question.text;
    let suggest = trained.get(key);
    if (!suggest) {
      const examples = all.filter((e) => (holdOut === 'new need' ? e.need !== question.need : e.text !== question.text));
      suggest = suggester.train([...descriptions, ...examples]);
      trained.set(key, suggest);
    }
    const suggestion = suggest(question.text);
    if (suggestion.best === question.categoryId) right += 1;
    if (suggestion.sure) {
      sure += 1;
      if (suggestion.best === question.categoryId) rightWhenSure += 1;
    }
  }
  return { questions: asked.length, accuracy: right / asked.length, coverage: sure / asked.length, accuracyWhenSure: sure ? rightWhenSure / sure : 0 };
}

export interface LabelledPair {
  a: string;
  b: string;
  same: boolean;
}

export interface PairFigures {
  pairs: number;
  auc: number;
  /** Accuracy at the threshold that maximises it on this set (an upper bound for a fixed threshold). */
  bestAccuracy: number;
  bestThreshold: number;
}

export function evaluatePairs(retriever: Retriever, pairs: readonly LabelledPair[]): PairFigures {
  const sentences = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
  const score = retriever.pairScorer(sentences);
  const scored = pairs.map((p) => ({ score: score(p.a, p.b), same: p.same })).sort((x, y) => x.score - y.score);
  const positives = scored.filter((s) => s.same).length;
  const negatives = scored.length - positives;
  // AUC by ranks (Mann–Whitney), ties sharing their average rank.
  let rankSum = 0;
  for (let i = 0; i < scored.length; ) {
    let j = i;
    while (j < scored.length && scored[j]!.score === scored[i]!.score) j += 1;
    const averageRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (scored[k]!.same) rankSum += averageRank;
    i = j;
  }
  const auc = positives && negatives ? (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives) : 0;
  // Predict "same" above a threshold: try a threshold below every distinct score.
  let best = { accuracy: negatives / scored.length, threshold: Infinity };
  let negativesBelow = 0;
  let positivesBelow = 0;
  for (let i = 0; i < scored.length; ) {
    let j = i;
    while (j < scored.length && scored[j]!.score === scored[i]!.score) j += 1;
    const accuracy = (negativesBelow + (positives - positivesBelow)) / scored.length;
    if (accuracy > best.accuracy) best = { accuracy, threshold: scored[i]!.score };
    for (let k = i; k < j; k++) {
      if (scored[k]!.same) positivesBelow += 1;
      else negativesBelow += 1;
    }
    i = j;
  }
  return { pairs: scored.length, auc, bestAccuracy: best.accuracy, bestThreshold: best.threshold };
}
