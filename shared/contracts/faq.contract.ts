import { z } from 'zod';
import { Id, Instant, PageInput } from './common.contract';
import { QuestionSummary } from './question.contract';
import { userText } from './text.contract';

export const FAQ_TITLE_MAX = 60;
export const FAQ_ANSWER_MAX = 3000;

/** 常见问题 (置顶公告): one canonical answer to a need students ask again and again. */
export const FaqEntry = z.strictObject({
  id: Id,
  title: z.string(),
  answer: z.string(),
  categoryId: Id.nullable(),
  categoryName: z.string().nullable(),
  /** How many asked questions it gathers. */
  questionCount: z.number().int().nonnegative(),
  state: z.enum(['published', 'retired']),
  publishedAt: Instant,
  updatedAt: Instant,
  updatedByName: z.string(),
});
export type FaqEntry = z.infer<typeof FaqEntry>;

/** 常见问题 list: the published entries, newest first (coordinators may include retired ones). */
export const FaqListInput = z.strictObject({ includeRetired: z.boolean().default(false) });
export const FaqListOutput = z.strictObject({ items: z.array(FaqEntry) });

export const FaqGetInput = z.strictObject({ id: Id });
export const FaqGetOutput = z.strictObject({
  entry: FaqEntry,
  /** The public questions it gathers, newest first (at most 50). */
  questions: z.array(QuestionSummary),
});

export const FaqCandidateQuestion = z.strictObject({
  id: Id,
  title: z.string(),
  askedAt: Instant,
  unitName: z.string(),
  answerExcerpt: z.string().nullable(),
});

/** A group of repeated questions the scheduler found in a half month, waiting for the coordinator. */
export const FaqCandidate = z.strictObject({
  id: Id,
  periodFrom: Instant,
  periodTo: Instant,
  questions: z.array(FaqCandidateQuestion),
  /** The published FAQ entry these questions look like (then: add them to it), or null. */
  faq: z.strictObject({ id: Id, title: z.string() }).nullable(),
  createdAt: Instant,
});
export type FaqCandidate = z.infer<typeof FaqCandidate>;

/** 待汇总的重复问题 (coordinator): open groups, newest period first; and the deflections of the last 14 days. */
export const FaqCandidatesInput = PageInput;
export const FaqCandidatesOutput = z.strictObject({
  items: z.array(FaqCandidate),
  nextCursor: z.string().nullable(),
  /** Students who found their answer in the suggestions and did not ask, in the last 14 days. */
  deflectedLast14Days: z.number().int().nonnegative(),
});

/**
 * 发布常见问题 (coordinator): one canonical answer for these questions, new
 * (`faqId` absent) or an update of an entry; from a candidate group or not.
 * The askers of newly linked questions are told.
 */
export const FaqPublishInput = z.strictObject({
  faqId: Id.optional(),
  candidateId: Id.optional(),
  questionIds: z.array(Id).min(1).max(50),
  title: userText(4, FAQ_TITLE_MAX, { singleLine: true }),
  answer: userText(10, FAQ_ANSWER_MAX),
  categoryId: Id.optional(),
});
export const FaqPublishOutput = z.strictObject({ faqId: Id, linked: z.number().int().nonnegative(), notified: z.number().int().nonnegative() });

/** 撤下 / 忽略: retire an entry, or dismiss a candidate group (not a repeat). */
export const FaqRetireInput = z.strictObject({ faqId: Id, reason: userText(2, 200, { singleLine: true }) });
export const FaqRetireOutput = z.strictObject({ state: z.literal('retired') });
export const FaqDismissInput = z.strictObject({ candidateId: Id });
export const FaqDismissOutput = z.strictObject({ dismissed: z.boolean() });
