import type { SearchHit } from '../../contracts/search.contract';
import { DomainError } from '../../domain/errors';
import { canAnswer, isHandlerOf } from '../../domain/permissions';
import { prepareBm25Query, rankBm25, scoreBm25, type Bm25Query, type Scored } from '../../domain/search/bm25';
import { voteCategory } from '../../domain/search/category-suggestion';
import { highlightSpans } from '../../domain/search/highlight';
import { indexFields, indexQuery, selectCandidateTerms, type TermBag } from '../../domain/search/search-index';
import { formatCampusTime } from '../../domain/shanghai-time';
import type { CategoryRecord, FaqRecord, QuestionRecord } from '../ports/records';
import type { ActionDefinition, PublicActionContext } from './action';
import { loadCatalog, type CatalogLookup } from './catalog-lookup';

/**
 * 搜索, 相似问题, 类别建议, 参考答复: one lexical engine (shared/domain/search,
 * docs/decisions/0015) over the answered, published public questions and the
 * FAQ entries.
 *
 * Cost, whatever the corpus size: the statistics come from a per-container
 * cache; the call sends two requests together — the FAQ version (the entries
 * themselves only when it moved) and the candidates holding the query's
 * rarest terms (an indexed array field), at most a few hundred — and ranks
 * them with BM25 in memory.
 */
const SIMILAR_CANDIDATES = 300;
const SEARCH_CANDIDATES = 1000;
const SEARCH_RESULTS_MAX = 100;
/**
 * A result must match at least this share of what the query would score
 * against itself: a suggestion more (it interrupts a student who is typing),
 * a search result less (the student asked to look). Below it, what is shared
 * is a common character or two, not the need.
 */
const SUGGESTION_MIN_RELATIVE_SCORE = 0.3;
const SEARCH_MIN_RELATIVE_SCORE = 0.25;
/** 参考答复 keep only matches within this share of the best one's score. */
const REFERENCE_MIN_SHARE_OF_BEST = 0.4;
const MIN_TERMS_TO_SUGGEST = 3;
/** An FAQ entry is the canonical answer: in one list with questions, its score counts this much more. */
const FAQ_BOOST = 1.5;
const EXCERPT = 80;

interface Ranked {
  kind: 'question' | 'faq';
  score: number;
  question?: QuestionRecord;
  faq?: FaqRecord;
}

const excerptOf = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT)}…` : flat;
};

function officialAnswer(q: QuestionRecord): string | null {
  const a = q.answers.find((x) => x.id === q.officialAnswerId);
  return a && a.moderation.state === 'published' ? a.content : null;
}

function hit(r: Ranked, query: string, catalog: CatalogLookup): SearchHit {
  if (r.kind === 'faq') {
    const f = r.faq!;
    const excerpt = excerptOf(f.answer);
    return {
      kind: 'faq',
      id: f._id,
      title: f.title,
      excerpt,
      answerExcerpt: null,
      categoryId: f.categoryId,
      categoryName: f.categoryId ? catalog.categoryName(f.categoryId) : null,
      unitName: null,
      at: f.updatedAt,
      score: r.score,
      titleHighlights: highlightSpans(f.title, query),
      excerptHighlights: highlightSpans(excerpt, query),
    };
  }
  const q = r.question!;
  const excerpt = excerptOf(q.content);
  const answer = officialAnswer(q);
  return {
    kind: 'question',
    id: q._id,
    title: q.title,
    excerpt,
    answerExcerpt: answer ? excerptOf(answer) : null,
    categoryId: q.categoryId,
    categoryName: catalog.categoryName(q.categoryId),
    unitName: catalog.unitName(q.ownerUnitId),
    at: q.answeredAt ?? q.createdAt,
    score: r.score,
    titleHighlights: highlightSpans(q.title, query),
    excerptHighlights: highlightSpans(excerpt, query),
  };
}

interface Found {
  ranked: Ranked[];
  prepared: Bm25Query;
  query: TermBag;
  catalog: CatalogLookup;
}

/** The candidates for a text, ranked: questions and (published) FAQ entries, FAQ entries boosted; questions an FAQ gathers drop behind it. */
async function find(
  ctx: Pick<PublicActionContext, 'repos'>,
  text: string,
  options: { categoryId?: string; unitId?: string; excludeId?: string; candidates: number },
): Promise<Found> {
  const { repos } = ctx;
  const query = indexQuery(text);
  const stats = await repos.search.stats();
  const terms = selectCandidateTerms(query, stats, options.candidates);
  const [faqs, rows, catalog] = await Promise.all([
    repos.search.listFaqs(),
    repos.questions.searchCandidates(terms, { categoryId: options.categoryId, unitId: options.unitId }, options.candidates),
    loadCatalog(repos),
  ]);
  const prepared = prepareBm25Query(query, stats);
  const questions = rankBm25(prepared, rows.filter((q) => q._id !== options.excludeId && q.search), (q) => q.search!);
  const entries = options.unitId
    ? []
    : rankBm25(
        prepared,
        faqs.filter((f) => f.state === 'published' && (!options.categoryId || f.categoryId === options.categoryId)),
        (f) => f.search,
      );
  const shownFaqs = new Set(entries.map((e) => e.item._id));
  const ranked: Ranked[] = [
    ...entries.map((e) => ({ kind: 'faq' as const, score: e.score * FAQ_BOOST, faq: e.item })),
    ...questions.filter((s) => !(s.item.faqId && shownFaqs.has(s.item.faqId))).map((s) => ({ kind: 'question' as const, score: s.score, question: s.item })),
  ].sort((a, b) => b.score - a.score);
  return { ranked, prepared, query, catalog };
}

/** How much the query would score against a document that is exactly itself: the scale for "similar enough". */
const selfScore = (f: Found) => scoreBm25(f.prepared, f.query);

const categoryIndexCache = new WeakMap<readonly CategoryRecord[], { category: CategoryRecord; bag: TermBag }[]>();

/** Each category as a document (its name twice, its description): a campus with no history still gets suggestions. */
function categoryDocuments(catalog: CatalogLookup) {
  let docs = categoryIndexCache.get(catalog.categories);
  if (!docs) {
    docs = catalog.categories.map((category) => ({
      category,
      bag: indexFields([
        { text: category.name, weight: 2 },
        { text: category.description ?? '', weight: 1 },
      ]),
    }));
    categoryIndexCache.set(catalog.categories, docs);
  }
  return docs;
}

/** The neighbours' vote (those close enough to count), with the categories' own descriptions voting too. */
function suggestedCategory(found: Found) {
  // Two characters say too little to correct a student's choice.
  if (found.query.terms.length < MIN_TERMS_TO_SUGGEST) return { categoryId: null, categoryName: null, ranked: [] };
  const floor = selfScore(found) * SUGGESTION_MIN_RELATIVE_SCORE;
  const neighbours: Scored<string>[] = found.ranked
    .filter((r) => r.score >= floor && (r.kind === 'question' || r.faq!.categoryId))
    .slice(0, 5)
    .map((r) => ({ item: r.kind === 'question' ? r.question!.categoryId : r.faq!.categoryId!, score: r.score }));
  const own = rankBm25(found.prepared, categoryDocuments(found.catalog), (d) => d.bag, 2)
    .filter((s) => s.score >= floor)
    .map((s) => ({ item: s.item.category._id, score: s.score }));
  const vote = voteCategory([...neighbours, ...own], (id) => id);
  return {
    categoryId: vote.categoryId,
    categoryName: vote.categoryId ? found.catalog.categoryName(vote.categoryId) : null,
    ranked: vote.ranked.slice(0, 3),
  };
}

/** 相似问题: as a student types, what was answered already (FAQ entries first), and the likely category. */
export const similarQuestions: ActionDefinition<'question.similar'> = {
  viewer: 'optional',
  async run({ text, categoryId, excludeId, limit }, ctx) {
    const found = await find(ctx, text, { categoryId, excludeId, candidates: SIMILAR_CANDIDATES });
    const floor = selfScore(found) * SUGGESTION_MIN_RELATIVE_SCORE;
    const close = found.ranked.filter((r) => r.score >= floor).slice(0, limit);
    return { items: close.map((r) => hit(r, text, found.catalog)), suggestedCategory: suggestedCategory(found) };
  },
};

/** 类别建议: the category a question's text most likely belongs to (null when unsure). */
export const suggestCategoryAction: ActionDefinition<'category.suggest'> = {
  viewer: 'optional',
  async run({ text }, ctx) {
    return suggestedCategory(await find(ctx, text, { candidates: SIMILAR_CANDIDATES }));
  },
};

/** 搜索: ranked, filtered by category and unit, paged by rank. */
export const searchQuestions: ActionDefinition<'search.questions'> = {
  viewer: 'optional',
  async run({ query, categoryId, unitId, pageSize, cursor }, ctx) {
    const found = await find(ctx, query, { categoryId, unitId, candidates: SEARCH_CANDIDATES });
    const floor = selfScore(found) * SEARCH_MIN_RELATIVE_SCORE;
    const all = found.ranked.filter((r) => r.score >= floor).slice(0, SEARCH_RESULTS_MAX);
    const from = cursor ? Number(cursor) : 0;
    const page = all.slice(from, from + pageSize);
    const next = from + pageSize;
    return { items: page.map((r) => hit(r, query, found.catalog)), nextCursor: next < all.length ? String(next) : null };
  },
};

/** 参考答复: for a responder, the most similar questions already answered (any unit) and FAQ entries, whole answers to quote. */
export const answerReferences: ActionDefinition<'answer.references', QuestionRecord | null> = {
  viewer: 'required',
  prepare: ({ questionId }, { repos }) => repos.questions.findById(questionId),
  async run(_input, ctx, question) {
    if (!question) throw new DomainError('QUESTION.NOT_FOUND');
    if (!canAnswer(ctx.viewer, question) && !isHandlerOf(ctx.viewer, question)) throw new DomainError('AUTH.FORBIDDEN', '只有负责答复的老师可以查看参考答复');
    const found = await find(ctx, `${question.title}\n${question.content}`, { excludeId: question._id, candidates: SIMILAR_CANDIDATES });
    // The bar of similar questions, and near the best match: a responder quotes what
    // is about the same thing; a weak match filling a place is a distraction, not a reference.
    const best = found.ranked[0]?.score ?? 0;
    const floor = Math.max(selfScore(found) * SUGGESTION_MIN_RELATIVE_SCORE, best * REFERENCE_MIN_SHARE_OF_BEST);
    const items = found.ranked
      .filter((r) => r.score >= floor)
      .map((r) =>
        r.kind === 'faq'
          ? { kind: 'faq' as const, id: r.faq!._id, title: r.faq!.title, answer: r.faq!.answer, unitName: null, at: r.faq!.updatedAt, score: r.score }
          : { kind: 'question' as const, id: r.question!._id, title: r.question!.title, answer: officialAnswer(r.question!) ?? '', unitName: found.catalog.unitName(r.question!.ownerUnitId), at: r.question!.answeredAt ?? r.question!.createdAt, score: r.score },
      )
      .filter((r) => r.answer !== '')
      .slice(0, 5);
    return { items };
  },
};

/** 问题已解决: the student found the answer and did not ask (once a day per person and answer). */
export const recordDeflection: ActionDefinition<'search.deflected'> = {
  viewer: 'required',
  async run({ kind, id }, { repos, ids, viewer, now }) {
    const counted = await repos.search.recordDeflection({ _id: ids.derived('df', viewer.openid, kind, id, formatCampusTime(now, 'YYYYMMDD')), at: now, kind, targetId: id });
    return { counted };
  },
};
