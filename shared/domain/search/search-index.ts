import { analyze, SEARCH_ANALYZER, type Analyzer } from './search-terms';

/**
 * What a question (or FAQ entry) stores to be found, computed when it is
 * written: its distinct terms (an indexed array field, queried with `_.in`),
 * how often each occurs, and its length. Queries are analysed the same way.
 *
 * Terms are letters and digits only (search-text.ts drops everything else),
 * so a term never holds "." or "$" and can be used as a field name in
 * `documentFrequency.<term>` updates.
 */
export interface TermBag {
  /** Distinct, title terms first. */
  terms: string[];
  /** counts[i]: weighted occurrences of terms[i]. */
  counts: number[];
  /** Weighted number of terms, every occurrence counted (including terms past the bound). */
  length: number;
}

export interface IndexedField {
  text: string;
  /** How much an occurrence here counts: a title word says more about the question than a word deep in its details. */
  weight: number;
}

/** Field weights for a question: its title, its details and its official answer. */
export const QUESTION_FIELD_WEIGHTS = { title: 2, content: 1, answer: 1 } as const;

/**
 * At most this many distinct terms are stored per document: enough for a
 * title, its details and an answer (a 2 000-character text has about 600
 * distinct characters, most of them in many documents), few enough to keep
 * the array index small.
 */
export const MAX_INDEXED_TERMS = 200;

export function indexFields(fields: readonly IndexedField[], analyzer: Analyzer = SEARCH_ANALYZER, maxTerms = MAX_INDEXED_TERMS): TermBag {
  const seen = new Map<string, { count: number; field: number; order: number }>();
  let length = 0;
  fields.forEach((field, fieldIndex) => {
    for (const token of analyze(field.text, analyzer)) {
      const entry = seen.get(token.term);
      if (entry) entry.count += field.weight;
      else seen.set(token.term, { count: field.weight, field: fieldIndex, order: seen.size });
      length += field.weight;
    }
  });
  const kept = [...seen.entries()]
    .sort(([, a], [, b]) => a.field - b.field || b.count - a.count || a.order - b.order)
    .slice(0, maxTerms);
  return { terms: kept.map(([term]) => term), counts: kept.map(([, e]) => e.count), length };
}

/** A question's terms: its title counted twice, its details and its official answer once. */
export function indexQuestion(question: { title: string; content?: string; answer?: string }, analyzer: Analyzer = SEARCH_ANALYZER): TermBag {
  return indexFields(
    [
      { text: question.title, weight: QUESTION_FIELD_WEIGHTS.title },
      { text: question.content ?? '', weight: QUESTION_FIELD_WEIGHTS.content },
      { text: question.answer ?? '', weight: QUESTION_FIELD_WEIGHTS.answer },
    ],
    analyzer,
  );
}

/** What someone typed in a search box or an ask form's title, as terms. */
export function indexQuery(text: string, analyzer: Analyzer = SEARCH_ANALYZER): TermBag {
  return indexFields([{ text, weight: 1 }], analyzer);
}

/**
 * Corpus statistics for ranking, kept in one document: how many documents
 * are indexed, their total length, and in how many each term occurs. A
 * change is the same shape with signed numbers, applied with `_.inc` on each
 * field, so concurrent writers add up in any order.
 */
export interface CorpusStats {
  documents: number;
  totalLength: number;
  documentFrequency: Record<string, number>;
}

export const EMPTY_CORPUS_STATS: CorpusStats = { documents: 0, totalLength: 0, documentFrequency: {} };

/** A count kept under a term; 0 when absent (and for "constructor", which every object inherits). */
function countOf(record: Record<string, number>, term: string): number {
  return Object.prototype.hasOwnProperty.call(record, term) ? record[term]! : 0;
}

/** In how many documents a term occurs. */
export function documentFrequency(stats: CorpusStats, term: string): number {
  return countOf(stats.documentFrequency, term);
}

/** The increments that take the statistics from a document's old terms to its new ones (null: absent). */
export function corpusStatsChange(before: TermBag | null, after: TermBag | null): CorpusStats {
  const frequencies: Record<string, number> = {};
  for (const term of before?.terms ?? []) frequencies[term] = -1;
  for (const term of after?.terms ?? []) {
    const change = countOf(frequencies, term) + 1;
    if (change === 0) delete frequencies[term];
    else frequencies[term] = change;
  }
  return {
    documents: (after ? 1 : 0) - (before ? 1 : 0),
    totalLength: (after?.length ?? 0) - (before?.length ?? 0),
    documentFrequency: frequencies,
  };
}

export function applyCorpusStatsChange(stats: CorpusStats, change: CorpusStats): CorpusStats {
  const frequencies = { ...stats.documentFrequency };
  for (const [term, delta] of Object.entries(change.documentFrequency)) {
    const value = documentFrequency(stats, term) + delta;
    if (value === 0) delete frequencies[term];
    else frequencies[term] = value;
  }
  return { documents: stats.documents + change.documents, totalLength: stats.totalLength + change.totalLength, documentFrequency: frequencies };
}

/** The statistics of a whole corpus at once (what the changes add up to). */
export function corpusStatsOf(documents: readonly TermBag[]): CorpusStats {
  const frequencies: Record<string, number> = {};
  let totalLength = 0;
  for (const doc of documents) {
    totalLength += doc.length;
    for (const term of doc.terms) frequencies[term] = countOf(frequencies, term) + 1;
  }
  return { documents: documents.length, totalLength, documentFrequency: frequencies };
}

/**
 * The terms to fetch candidates with (`terms: _.in(selected)`): the query's
 * rarest terms, as many as fit in `budget` documents by their frequencies,
 * at least one. Terms the corpus has never seen are left out (they fetch
 * nothing). Rare terms are the ones a matching question is likely to share;
 * ranking then scores the candidates on all the query's terms.
 */
export function selectCandidateTerms(query: TermBag, stats: CorpusStats, budget: number, maxTerms = 12): string[] {
  const known = query.terms
    .map((term) => ({ term, frequency: documentFrequency(stats, term) }))
    .filter((t) => t.frequency > 0)
    .sort((a, b) => a.frequency - b.frequency || a.term.localeCompare(b.term));
  const selected: string[] = [];
  let total = 0;
  for (const { term, frequency } of known) {
    if (selected.length > 0 && (total + frequency > budget || selected.length >= maxTerms)) break;
    selected.push(term);
    total += frequency;
  }
  return selected;
}
