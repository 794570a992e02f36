import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareBm25Query, rankBm25 } from '../shared/domain/search/bm25';
import { buildCorpusIndex, searchCorpusIndex } from '../shared/domain/search/corpus-index';
import { buildAliasTable } from '../shared/domain/search/search-text';
import { CAMPUS_ALIASES, FILLER_WORDS } from '../shared/domain/search/campus-aliases';
import { CAMPUS_ALIAS_TABLE, SEARCH_ANALYZER, type Analyzer, type TermScheme } from '../shared/domain/search/search-terms';
import { corpusStatsOf, indexQuery, indexQuestion, selectCandidateTerms, type TermBag } from '../shared/domain/search/search-index';
import { CAMPUS_NEEDS, HARD_NEGATIVES, HELD_OUT_HARD_NEGATIVES, HELD_OUT_NEEDS, type CampusNeed } from '../tests/fixtures/campus-paraphrases';
import {
  analyzerTerms,
  bm25Retriever,
  engineRetriever,
  evaluateAllOthers,
  evaluateCategorySuggestion,
  evaluateOnePerNeed,
  evaluatePairs,
  likeRetriever,
  naiveBayesSuggester,
  neighbourVoteSuggester,
  plainCharacterTerms,
  segmentedWordTerms,
  tfidfRetriever,
  type LabelledPair,
  type Retriever,
} from './search-evaluation';

/**
 * Search quality and cost: similar-question retrieval and category
 * suggestion on the campus paraphrase set (tests/fixtures), pair scores on
 * LCQMC and BQ (read from ../shared/data at bench time, never copied into the
 * project), and the time a query takes as the corpus grows.
 */
const DATA = join(__dirname, '..', '..', 'shared', 'data');
const NEEDS = [...CAMPUS_NEEDS, ...HELD_OUT_NEEDS];
const LOOK_ALIKES = [...HARD_NEGATIVES, ...HELD_OUT_HARD_NEGATIVES];
const HELD_OUT = new Set(HELD_OUT_NEEDS.map((n) => n.id));
const fromDevelopment = (n: CampusNeed) => !HELD_OUT.has(n.id);
const fromHeldOut = (n: CampusNeed) => HELD_OUT.has(n.id);

const ALIASES_ONLY = buildAliasTable(CAMPUS_ALIASES);
const FILLERS_ONLY = buildAliasTable([], FILLER_WORDS);

function analyzer(scheme: TermScheme, aliases = CAMPUS_ALIAS_TABLE as Analyzer['aliases']): Analyzer {
  return { aliases, scheme };
}

/** Every way of matching compared: baselines, then the engine's scorer with each choice varied. */
function retrievers(): Retriever[] {
  return [
    likeRetriever,
    tfidfRetriever('TF-IDF cosine, plain characters', plainCharacterTerms),
    tfidfRetriever('TF-IDF cosine, unigram + aliases', analyzerTerms(analyzer('unigram'))),
    bm25Retriever('BM25, plain characters', plainCharacterTerms),
    bm25Retriever('BM25, unigram, normalised only', analyzerTerms(analyzer('unigram', null))),
    bm25Retriever('BM25, unigram + fillers', analyzerTerms(analyzer('unigram', FILLERS_ONLY))),
    bm25Retriever('BM25, unigram + aliases', analyzerTerms(analyzer('unigram', ALIASES_ONLY))),
    bm25Retriever('BM25, bigram, normalised only', analyzerTerms(analyzer('bigram', null))),
    bm25Retriever('BM25, bigram + aliases + fillers', analyzerTerms(analyzer('bigram'))),
    bm25Retriever('BM25, uni+bigram, normalised only', analyzerTerms(analyzer('unigram+bigram', null))),
    bm25Retriever('BM25, uni+bigram + aliases + fillers', analyzerTerms(analyzer('unigram+bigram'))),
    bm25Retriever('BM25, ICU words, normalised only', segmentedWordTerms(false)),
    bm25Retriever('BM25, ICU words + aliases + fillers', segmentedWordTerms(true)),
    { ...engineRetriever, name: 'BM25, unigram + aliases + fillers (engine)' },
  ];
}

const f3 = (x: number) => x.toFixed(3);
const NAME = 44;

function retrievalTable(title: string, queriesFrom: (n: CampusNeed) => boolean): string[] {
  const lines = [
    title,
    `  ${'ranking'.padEnd(NAME)}  one earlier question per need (strict)     all other phrasings stored (lenient)`,
    `  ${''.padEnd(NAME)}  queries  R@1    R@5    MRR    look-alike   R@1    R@5    MRR`,
  ];
  for (const retriever of retrievers()) {
    const strict = evaluateOnePerNeed(retriever, NEEDS, LOOK_ALIKES, queriesFrom);
    const lenient = evaluateAllOthers(retriever, NEEDS, LOOK_ALIKES, queriesFrom);
    lines.push(
      `  ${retriever.name.padEnd(NAME)}  ${String(strict.queries).padStart(7)}  ${f3(strict.recallAt1)}  ${f3(strict.recallAt5)}  ${f3(strict.mrr)}  ${f3(strict.hardNegativeWins).padStart(10)}   ${f3(lenient.recallAt1)}  ${f3(lenient.recallAt5)}  ${f3(lenient.mrr)}`,
    );
  }
  return lines;
}

function categoryTable(): string[] {
  const lines = [
    'category suggestion (trained on the categories\' descriptions and the other phrasings; accuracy counts unsure answers by their best guess)',
    `  ${'suggester'.padEnd(26)}  ${'set'.padEnd(12)}  ${'held out'.padEnd(13)}  questions  accuracy  coverage (sure)  accuracy when sure`,
  ];
  for (const suggester of [neighbourVoteSuggester, naiveBayesSuggester])
    for (const [set, from] of [['development', fromDevelopment], ['held-out', fromHeldOut]] as const)
      for (const holdOut of ['asked before', 'new need'] as const) {
        const r = evaluateCategorySuggestion(suggester, NEEDS, holdOut, from);
        lines.push(
          `  ${suggester.name.padEnd(26)}  ${set.padEnd(12)}  ${holdOut.padEnd(13)}  ${String(r.questions).padStart(9)}  ${f3(r.accuracy).padStart(8)}  ${f3(r.coverage).padStart(15)}  ${f3(r.accuracyWhenSure).padStart(18)}`,
        );
      }
  return lines;
}

/** One CSV line's fields: commas inside double quotes (and "" inside them) are text. */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else field += c;
  }
  return [...fields, field];
}

function dataLines(file: string): string[] | null {
  const path = join(DATA, file);
  return existsSync(path) ? readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim()) : null;
}

function readPairs(name: 'lcqmc' | 'bq'): LabelledPair[] | null {
  const lines = dataLines(name === 'lcqmc' ? 'lcqmc/test.txt' : 'bq/test.csv');
  if (!lines) return null;
  const rows = name === 'lcqmc' ? lines.map((l) => l.split('\t')) : lines.slice(1).map(csvFields);
  return rows.filter((r) => r.length === 3 && (r[2]!.trim() === '0' || r[2]!.trim() === '1')).map(([a, b, label]) => ({ a: a!, b: b!, same: label!.trim() === '1' }));
}

/** Every distinct sentence of LCQMC (dev, test), BQ and DataCLUE CIC: real questions people typed, none of them campus needs. */
function otherQuestions(): string[] {
  const out = new Set<string>();
  for (const file of ['lcqmc/dev.txt', 'lcqmc/test.txt']) for (const line of dataLines(file) ?? []) for (const s of line.split('\t').slice(0, 2)) out.add(s.trim());
  for (const line of (dataLines('bq/test.csv') ?? []).slice(1)) for (const s of csvFields(line).slice(0, 2)) out.add(s.trim());
  for (const file of ['dataclue-cic/train.json', 'dataclue-cic/test_public.json'])
    for (const line of dataLines(file) ?? []) out.add((JSON.parse(line) as { sentence: string }).sentence.trim());
  out.delete('');
  return [...out];
}

function pairTable(): string[] {
  const sets = [
    ['LCQMC test', readPairs('lcqmc')],
    ['BQ test', readPairs('bq')],
  ] as const;
  const lines = ['question pairs: is it the same question? (ROC-AUC of the pair score; accuracy at the best threshold on the set itself)'];
  const names = [
    likeRetriever,
    tfidfRetriever('TF-IDF cosine, plain characters', plainCharacterTerms),
    tfidfRetriever('TF-IDF cosine, unigram + aliases', analyzerTerms(analyzer('unigram'))),
    bm25Retriever('BM25, unigram, normalised only', analyzerTerms(analyzer('unigram', null))),
    bm25Retriever('BM25, uni+bigram + aliases + fillers', analyzerTerms(analyzer('unigram+bigram'))),
    bm25Retriever('BM25, ICU words + aliases + fillers', segmentedWordTerms(true)),
    { ...engineRetriever, name: 'BM25 similarity, engine' },
  ];
  if (sets.every(([, pairs]) => !pairs)) return [...lines, '  ../shared/data not found: nothing to measure'];
  lines.push(`  ${''.padEnd(NAME)}  ${sets.map(([name, pairs]) => `${name} (${pairs?.length ?? 0} pairs)`.padEnd(27)).join('   ')}`);
  lines.push(`  ${'pair score'.padEnd(NAME)}  ${sets.map(() => 'AUC    accuracy  threshold').join('    ')}`);
  for (const retriever of names) {
    const cells = sets.map(([, pairs]) => {
      if (!pairs) return 'missing'.padEnd(27);
      const r = evaluatePairs(retriever, pairs);
      return `${f3(r.auc)}  ${f3(r.bestAccuracy).padStart(8)}  ${(Number.isFinite(r.bestThreshold) ? r.bestThreshold.toFixed(3) : '—').padStart(9)}`;
    });
    lines.push(`  ${retriever.name.padEnd(NAME)}  ${cells.join('    ')}`);
  }
  return lines;
}

/** A deterministic stream of numbers in [0, 1) (mulberry32), so every run builds the same corpus. */
function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Questions that are none of the labelled needs, as many as asked for: each
 * a real sentence from the pair and intent data sets as its title, with two
 * others as its details (titles repeat once there are more questions than
 * sentences). Real text people typed, with real character frequencies; not
 * campus questions, so the recall figures at scale say how the look-alike-free
 * part of a corpus dilutes ranking, and the time figures are what matters.
 */
function otherQuestionsCorpus(count: number, sentences: readonly string[], random: () => number): { title: string; content: string }[] {
  const pick = () => sentences[Math.floor(random() * sentences.length)]!;
  return Array.from({ length: count }, (_, i) => ({ title: sentences[i % sentences.length]!, content: pick() + pick() }));
}

/** The most documents one database read returns. */
const FETCH_BUDGET = 1000;

interface StoredQuestion {
  need: string | null;
  bag: TermBag;
}

function milliseconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function scaleTable(): string[] {
  const sentences = otherQuestions();
  if (sentences.length === 0) return ['cost as the corpus grows: ../shared/data not found, nothing to measure'];
  const lines = [
    `cost as the corpus grows (pure ranking, no database): the labelled needs' first phrasings stored among other questions (${sentences.length} distinct`,
    'sentences of LCQMC, BQ and DataCLUE CIC as titles, two more as details), every other phrasing a query. "cache": the whole corpus in memory',
    `(the similar-questions hint); "fetch": only the candidates a query on the rarest terms would fetch (terms: _.in(selected), at most ${FETCH_BUDGET}`,
    'documents by their frequencies), ranked with the stored statistics; its time is the ranking alone, the fetch being the database\'s',
    '  questions  index build  vocabulary  stats JSON   terms/doc   cache: ms/query  R@1    R@5     fetch: candidates  ms/query  R@1    R@5',
  ];
  const queries = NEEDS.flatMap((n) => n.phrasings.slice(1).map((text) => ({ need: n.id, bag: indexQuery(text) })));
  for (const size of [1_000, 10_000, 100_000]) {
    const random = seededRandom(size);
    const synthetic = otherQuestionsCorpus(size - NEEDS.length, sentences, random);
    let start = process.hrtime.bigint();
    const corpus: StoredQuestion[] = [
      ...NEEDS.map((n) => ({ need: n.id, bag: indexQuestion({ title: n.phrasings[0]! }) })),
      ...synthetic.map((q) => ({ need: null, bag: indexQuestion(q) })),
    ];
    const stats = corpusStatsOf(corpus.map((q) => q.bag));
    const index = buildCorpusIndex(corpus, (q) => q.bag);
    const buildMs = milliseconds(start);
    const termsPerDoc = corpus.reduce((s, q) => s + q.bag.terms.length, 0) / corpus.length;

    const hits = (ranked: readonly StoredQuestion[], need: string, k: number) => ranked.slice(0, k).some((q) => q.need === need);
    let cache = { hits1: 0, hits5: 0 };
    start = process.hrtime.bigint();
    for (const q of queries) {
      const ranked = searchCorpusIndex(index, q.bag, { limit: 5 }).map((s) => s.item);
      cache = { hits1: cache.hits1 + (hits(ranked, q.need, 1) ? 1 : 0), hits5: cache.hits5 + (hits(ranked, q.need, 5) ? 1 : 0) };
    }
    const cacheMs = milliseconds(start) / queries.length;

    let fetch = { hits1: 0, hits5: 0, candidates: 0, rankingMs: 0 };
    for (const q of queries) {
      const selected = selectCandidateTerms(q.bag, stats, FETCH_BUDGET);
      const candidates = new Set<number>();
      for (const term of selected) for (const doc of index.postings.get(term)?.docs ?? []) candidates.add(doc);
      const fetched = [...candidates].slice(0, FETCH_BUDGET).map((doc) => corpus[doc]!);
      start = process.hrtime.bigint();
      const ranked = rankBm25(prepareBm25Query(q.bag, stats), fetched, (d) => d.bag, 5).map((s) => s.item);
      fetch = {
        hits1: fetch.hits1 + (hits(ranked, q.need, 1) ? 1 : 0),
        hits5: fetch.hits5 + (hits(ranked, q.need, 5) ? 1 : 0),
        candidates: fetch.candidates + fetched.length,
        rankingMs: fetch.rankingMs + milliseconds(start),
      };
    }
    const fetchMs = fetch.rankingMs / queries.length;
    lines.push(
      `  ${String(size).padStart(9)}  ${`${(buildMs / 1000).toFixed(1)} s`.padStart(11)}  ${String(Object.keys(stats.documentFrequency).length).padStart(10)}  ${`${(JSON.stringify(stats).length / 1024).toFixed(0)} KB`.padStart(9)}  ${termsPerDoc.toFixed(1).padStart(10)}   ${cacheMs.toFixed(3).padStart(15)}  ${f3(cache.hits1 / queries.length)}  ${f3(cache.hits5 / queries.length)}   ${(fetch.candidates / queries.length).toFixed(0).padStart(17)}  ${fetchMs.toFixed(3).padStart(8)}  ${f3(fetch.hits1 / queries.length)}  ${f3(fetch.hits5 / queries.length)}`,
    );
  }
  return lines;
}

export async function benchSearch(): Promise<string[]> {
  const phrasings = (needs: readonly CampusNeed[]) => needs.reduce((s, n) => s + n.phrasings.length, 0);
  return [
    `campus paraphrase set: ${CAMPUS_NEEDS.length} development needs (${phrasings(CAMPUS_NEEDS)} phrasings), ${HELD_OUT_NEEDS.length} held-out needs (${phrasings(HELD_OUT_NEEDS)} phrasings), ${LOOK_ALIKES.length} look-alike pairs; one corpus of all ${NEEDS.length} needs`,
    ...retrievalTable('similar-question retrieval, development needs (the engine\'s choices were made on these)', fromDevelopment),
    '',
    ...retrievalTable('similar-question retrieval, held-out needs (written after the choices; never tuned on)', fromHeldOut),
    '',
    ...categoryTable(),
    '',
    ...pairTable(),
    '',
    ...scaleTable(),
    `  (engine: ${SEARCH_ANALYZER.scheme} terms, ${CAMPUS_ALIASES.length} alias groups, ${FILLER_WORDS.length} filler words)`,
  ];
}

if (require.main === module) {
  benchSearch().then((lines) => console.log(lines.join('\n')));
}
