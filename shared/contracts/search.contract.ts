import { z } from 'zod';
import { Id, Instant } from './common.contract';
import { userText } from './text.contract';

/** A matched stretch of a text, in UTF-16 offsets of the text as shown (for highlighting). */
export const TextSpan = z.strictObject({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });

/** One search result: an answered public question, or a published FAQ entry (常见问题, pinned). */
export const SearchHit = z.strictObject({
  kind: z.enum(['question', 'faq']),
  id: Id,
  title: z.string(),
  /** The start of the question's details (a question) or of the answer (an FAQ entry). */
  excerpt: z.string(),
  /** The start of the official answer (a question), or null. */
  answerExcerpt: z.string().nullable(),
  categoryId: Id.nullable(),
  categoryName: z.string().nullable(),
  /** The unit that answered (a question); null for an FAQ entry. */
  unitName: z.string().nullable(),
  /** When it was answered (a question) or last published (an FAQ entry). */
  at: Instant,
  /** BM25 score: comparable within one result list only. */
  score: z.number().nonnegative(),
  titleHighlights: z.array(TextSpan),
  excerptHighlights: z.array(TextSpan),
});
export type SearchHit = z.infer<typeof SearchHit>;

/** Free text to search with: normalised like every text, 1–100 characters. */
const QueryText = userText(1, 100, { singleLine: true });

/** 搜索: answered public questions and FAQ entries, ranked, filtered, paged. */
export const SearchQuestionsInput = z.strictObject({
  query: QueryText,
  categoryId: Id.optional(),
  unitId: Id.optional(),
  pageSize: z.number().int().min(1).max(20).default(10),
  /** The opaque cursor of the previous page. */
  cursor: z.string().regex(/^\d{1,4}$/, '分页参数无效').optional(),
});
export const SearchQuestionsOutput = z.strictObject({
  items: z.array(SearchHit),
  nextCursor: z.string().nullable(),
});

/**
 * 相似问题: as a student types a question (or a responder reads one), the
 * answered public questions and FAQ entries most like it, FAQ entries first
 * when they match. With the category the text most likely belongs to.
 */
export const QuestionSimilarInput = z.strictObject({
  text: QueryText,
  categoryId: Id.optional(),
  /** Leave this question out (a responder's reference answers for the question they answer). */
  excludeId: Id.optional(),
  limit: z.number().int().min(1).max(10).default(5),
});
export const CategorySuggestion = z.strictObject({
  /** The category the text most likely belongs to; null when unsure. */
  categoryId: Id.nullable(),
  categoryName: z.string().nullable(),
  ranked: z.array(z.strictObject({ categoryId: Id, share: z.number().min(0).max(1) })),
});
export const QuestionSimilarOutput = z.strictObject({ items: z.array(SearchHit), suggestedCategory: CategorySuggestion });

/** 类别建议: the category a question's text most likely belongs to. */
export const CategorySuggestInput = z.strictObject({ text: QueryText });
export const CategorySuggestOutput = CategorySuggestion;

/**
 * 参考答复 (responders): the answered public questions most like the one being
 * answered, with their whole official answers to quote and edit.
 */
export const AnswerReferencesInput = z.strictObject({ questionId: Id });
export const AnswerReferencesOutput = z.strictObject({
  items: z.array(
    z.strictObject({
      kind: z.enum(['question', 'faq']),
      id: Id,
      title: z.string(),
      answer: z.string(),
      unitName: z.string().nullable(),
      at: Instant,
      score: z.number().nonnegative(),
    }),
  ),
});

/** 问题已解决: a student found the answer among the suggestions and did not ask (a deflection, counted once a day per person and answer). */
export const SearchDeflectedInput = z.strictObject({ kind: z.enum(['question', 'faq']), id: Id });
export const SearchDeflectedOutput = z.strictObject({ counted: z.boolean() });
