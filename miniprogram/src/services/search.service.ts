import type { ActionOutput } from '@shared/contracts/actions';
import type { SearchHit } from '@shared/contracts/search.contract';
import { callAction } from './api.client';

export type { SearchHit };
export type SearchPage = ActionOutput<'search.questions'>;
export type SimilarQuestions = ActionOutput<'question.similar'>;
export type CategorySuggestion = SimilarQuestions['suggestedCategory'];
export type ReferenceAnswer = ActionOutput<'answer.references'>['items'][number];

export const SEARCH_PAGE_SIZE = 10;
/** How many similar questions the ask page shows while a student types. */
export const SIMILAR_LIMIT = 5;

export interface SearchParams {
  query: string;
  categoryId?: string;
  unitId?: string;
  cursor?: string;
}

/** 搜索: answered public questions and FAQ entries, ranked, filtered by category and unit, paged by rank. */
export function searchQuestions({ query, categoryId, unitId, cursor }: SearchParams): Promise<SearchPage> {
  return callAction('search.questions', {
    query,
    pageSize: SEARCH_PAGE_SIZE,
    ...(categoryId ? { categoryId } : {}),
    ...(unitId ? { unitId } : {}),
    ...(cursor ? { cursor } : {}),
  });
}

/**
 * 相似的问题: what was answered already for the text a student is typing (FAQ
 * entries first), with the category the text most likely belongs to. Called
 * without the category the student picked: a filtered call finds nothing in a
 * wrongly picked category and then votes for a wrong correction.
 */
export function findSimilarQuestions(text: string): Promise<SimilarQuestions> {
  return callAction('question.similar', { text, limit: SIMILAR_LIMIT });
}

/** 类别建议 on its own (the text only). */
export function suggestCategory(text: string): Promise<CategorySuggestion> {
  return callAction('category.suggest', { text });
}

/** 参考答复 (responders): the most similar answered questions and FAQ entries, whole answers to quote. */
export function getAnswerReferences(questionId: string): Promise<ActionOutput<'answer.references'>> {
  return callAction('answer.references', { questionId });
}

/** 这解决了我的问题: the student found the answer and did not ask (counted once a day per person and answer). */
export function recordDeflection(kind: SearchHit['kind'], id: string): Promise<ActionOutput<'search.deflected'>> {
  return callAction('search.deflected', { kind, id });
}
