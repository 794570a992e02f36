import { z } from 'zod';
import { TEAMS } from '../domain/organisation';
import { Id, Instant, PageInput } from './common.contract';

/**
 * 同问, follows, likes, hot tags and expert profiles (issue 11). Each of 同问,
 * follow and like is set or unset (`on`), never toggled, so a retried request
 * gets the same answer (docs/decisions/0019-community-counters-and-messages.md).
 */
const On = z.boolean().default(true);

/** 同问 ("me too") on a public question: counted, and the asker's updates reach you too. */
export const QuestionMetooInput = z.strictObject({ questionId: Id, on: On });
export const QuestionMetooOutput = z.strictObject({
  questionId: Id,
  on: z.boolean(),
  /** How many people 同问 now (as far as this request saw). */
  count: z.number().int().nonnegative(),
});

/** 关注: told when the question is answered, goes into handling or is resolved. */
export const QuestionFollowInput = z.strictObject({ questionId: Id, on: On });
export const QuestionFollowOutput = z.strictObject({ questionId: Id, on: z.boolean() });

/** 点赞 an answer: one per person, credited to the responder. */
export const AnswerLikeInput = z.strictObject({ questionId: Id, answerId: Id, on: On });
export const AnswerLikeOutput = z.strictObject({ answerId: Id, on: z.boolean(), count: z.number().int().nonnegative() });

/**
 * 点赞 a take on the 话题墙 or a 青年视角 article: one per person, counted on
 * the thing itself (its `likeCount`). Answers are liked with `answer.like`.
 */
export const LikeTargetType = z.enum(['topicPost', 'article']);
export const LikeSetInput = z.strictObject({ targetType: LikeTargetType, targetId: Id, on: On });
export const LikeSetOutput = z.strictObject({ targetType: LikeTargetType, targetId: Id, on: z.boolean(), count: z.number().int().nonnegative() });

/** Which of these takes or articles the viewer liked (a list page asks once for what it shows). */
export const LikeMineInput = z.strictObject({ targetType: LikeTargetType, targetIds: z.array(Id).min(1).max(50) });
export const LikeMineOutput = z.strictObject({ targetType: LikeTargetType, liked: z.array(Id) });

/** The question page's community state: counts, and what the viewer did (one call beside `question.get`). */
export const QuestionReactionsInput = z.strictObject({ questionId: Id });
export const QuestionReactionsOutput = z.strictObject({
  questionId: Id,
  metooCount: z.number().int().nonnegative(),
  /** Whether the viewer may 同问 / follow it (a public question they did not ask). */
  canWatch: z.boolean(),
  metoo: z.boolean(),
  following: z.boolean(),
  /** The answers the viewer sees, with their likes. */
  answers: z.array(z.strictObject({ answerId: Id, likeCount: z.number().int().nonnegative(), liked: z.boolean() })),
});

/** Where a tag opens: `search.questions` with this query, or the public feed / search filtered by category. */
export const HotTagOpen = z.strictObject({ query: z.string().nullable(), categoryId: Id.nullable() });

export const HotTagView = z.strictObject({
  kind: z.enum(['category', 'keyword']),
  key: z.string(),
  label: z.string(),
  count: z.number().int().nonnegative(),
  open: HotTagOpen,
  /** A few public questions under it: titles only, never who asked. */
  samples: z.array(z.strictObject({ id: Id, title: z.string() })),
});
export type HotTagView = z.infer<typeof HotTagView>;

export const TagHotInput = z.strictObject({});
export const TagHotOutput = z.strictObject({
  /** When the scheduler last computed them; null before its first run. */
  computedAt: Instant.nullable(),
  tags: z.array(HotTagView),
});

export const Team = z.enum(TEAMS);

export const ExpertProfile = z.strictObject({
  /** The roster entry's id (what `question.ask` takes as `expertId`), never the WeChat identity. */
  id: Id,
  name: z.string(),
  team: Team,
  teamLabel: z.string(),
  unitId: Id,
  unitName: z.string(),
  categories: z.array(z.strictObject({ id: Id, name: z.string() })),
  /** Official answers given in the figures' window. */
  answers: z.number().int().nonnegative(),
  /** Satisfied ratings over rated answers (0–1); null before any rating. */
  satisfaction: z.number().min(0).max(1).nullable(),
  rated: z.number().int().nonnegative(),
  /** Median time from question to official answer, in minutes; null before any answer. */
  medianResponseMinutes: z.number().int().nonnegative().nullable(),
  likesReceived: z.number().int().nonnegative(),
});
export type ExpertProfile = z.infer<typeof ExpertProfile>;

/**
 * 专家推荐. With `collegeId` and `categoryId` (the ask form): the experts of
 * the unit the question would be routed to who cover the category — the ones
 * it can be addressed to. A page may hold fewer than `pageSize` profiles
 * (people of the units who are not experts are skipped); go on while `nextCursor`.
 */
export const ExpertListInput = PageInput.extend({
  categoryId: Id.optional(),
  collegeId: Id.optional(),
  unitId: Id.optional(),
  team: Team.optional(),
});
export const ExpertListOutput = z.strictObject({
  items: z.array(ExpertProfile),
  nextCursor: z.string().nullable(),
  /** When the answer figures were computed; null before the scheduler's first run. */
  figuresAt: Instant.nullable(),
});

export const ExpertGetInput = z.strictObject({ id: Id });
export const ExpertGetOutput = ExpertProfile;
