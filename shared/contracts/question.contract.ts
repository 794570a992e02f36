import { z } from 'zod';
import { CASE_STATES } from '../domain/case-lifecycle';
import { MODERATION_STATES } from '../domain/moderation';
import { CASE_KINDS } from '../domain/typical-case';
import { PICTURES_MAX } from '../domain/pictures';
import { FileId, Id, Instant, PageInput } from './common.contract';
import { userText } from './text.contract';

export const TITLE_MAX = 60;
export const CONTENT_MAX = 2000;
export const ANSWER_MAX = 3000;

export { userText } from './text.contract';

export const QUESTION_STATUSES = CASE_STATES;
export const QuestionStatus = z.enum(QUESTION_STATUSES);
export type QuestionStatus = z.infer<typeof QuestionStatus>;

export const Visibility = z.enum(['public', 'private']);

/**
 * Pictures attached to a question or an answer: up to three stored files, each
 * once (storage checks each is a JPEG/PNG/WebP/GIF of at most 2 MB).
 */
export const PictureFileIds = z
  .array(FileId)
  .max(PICTURES_MAX, `最多 ${PICTURES_MAX} 张图片`)
  .refine((ids) => new Set(ids).size === ids.length, '同一张图片只能添加一次')
  .default([]);
/** Temporary links to the pictures, issued for this viewer (an hour); a picture storage no longer has is left out. */
export const PictureUrls = z.array(z.string());
export const RouteReason = z.enum(['category', 'college', 'triage', 'crisis']);
export const ModerationState = z.enum(MODERATION_STATES);

export const QuestionAskInput = z.strictObject({
  collegeId: Id,
  categoryId: Id,
  title: userText(4, TITLE_MAX, { singleLine: true }),
  content: userText(10, CONTENT_MAX),
  anonymous: z.boolean().default(false),
  urgent: z.boolean().default(false),
  visibility: Visibility.default('public'),
  /**
   * A recommended expert (`expert.list` with the college and category) to
   * address it to: still routed and timed as usual, the expert is told first.
   */
  expertId: Id.optional(),
  pictures: PictureFileIds,
});
export type QuestionAskInput = z.input<typeof QuestionAskInput>;

export const RoutedTo = z.strictObject({
  unitId: Id,
  unitName: z.string(),
  reason: RouteReason,
});

export const QuestionAskOutput = z.strictObject({
  id: Id,
  routedTo: RoutedTo,
  createdAt: Instant,
  deadlineAt: Instant,
  /** `review`: stored and routed, published once a moderator has looked. */
  moderation: ModerationState,
  /**
   * The crisis lane: the question signalled that the student may be in danger.
   * It is kept private and sent urgently to the counselling unit; show the
   * hotlines at once.
   */
  crisis: z.strictObject({ hotlines: z.array(z.strictObject({ label: z.string(), phone: z.string() })) }).nullable(),
});
export type QuestionAskOutput = z.infer<typeof QuestionAskOutput>;

/** A row in lists: never carries the asker's identity when anonymous. */
export const QuestionSummary = z.strictObject({
  id: Id,
  title: z.string(),
  excerpt: z.string(),
  categoryId: Id,
  categoryName: z.string(),
  /** The asker's college; null for the public when the question is anonymous. */
  collegeId: Id.nullable(),
  ownerUnitId: Id,
  ownerUnitName: z.string(),
  askerName: z.string(),
  anonymous: z.boolean(),
  urgent: z.boolean(),
  visibility: Visibility,
  status: QuestionStatus,
  createdAt: Instant,
  deadlineAt: Instant,
  answeredAt: Instant.nullable(),
  answerCount: z.number().int().nonnegative(),
  /** Missed its deadline unanswered and went to the coordinator (超时升级). */
  escalated: z.boolean(),
  /** Who claimed it (认领), for handlers; null for everyone else and when nobody has. */
  assigneeName: z.string().nullable(),
  /** When the asker reopened it, if they did (重新办理). */
  reopenedAt: Instant.nullable(),
  /** Whether the public sees it (the asker and handlers always do). */
  moderation: ModerationState,
  /** 同问 and likes of its answers (kept counters; decision 19). */
  metooCount: z.number().int().nonnegative(),
  likeCount: z.number().int().nonnegative(),
});
export type QuestionSummary = z.infer<typeof QuestionSummary>;

export const Answer = z.strictObject({
  id: Id,
  content: z.string(),
  responderName: z.string(),
  unitName: z.string(),
  teamLabel: z.string().nullable(),
  official: z.boolean(),
  createdAt: Instant,
  /** Whether the public sees it (the asker and handlers always do). */
  moderation: ModerationState,
  pictureUrls: PictureUrls,
});
export type Answer = z.infer<typeof Answer>;

export const TIMELINE_EVENT_TYPES = [
  'ask',
  'reply',
  'answer',
  'claim',
  'transfer',
  'startHandling',
  'addProgress',
  'resolve',
  'publishNotice',
  'rate',
  'reopen',
  'escalate',
  'autoClose',
  'urge',
  'moderate',
  'markCase',
] as const;
export const TimelineEventType = z.enum(TIMELINE_EVENT_TYPES);
export type TimelineEventType = z.infer<typeof TimelineEventType>;

/**
 * One step of the question's archived timeline: who, when, what, why. Handlers
 * see every step and its note; the asker and the public see the steps and
 * notes meant for them (internal handling notes and students' names never leave
 * the handlers).
 */
export const TimelineEntry = z.strictObject({
  id: Id,
  type: TimelineEventType,
  at: Instant,
  actorName: z.string(),
  unitName: z.string().nullable(),
  fromStatus: QuestionStatus.nullable(),
  toStatus: QuestionStatus.nullable(),
  reason: z.string().nullable(),
  /** An internal step or note (only handlers are shown it). */
  internal: z.boolean(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const CASE_ACTIONS = ['claim', 'transfer', 'startHandling', 'addProgress', 'resolve', 'publishNotice', 'rate', 'reopen', 'urge'] as const;
export const CaseActionName = z.enum(CASE_ACTIONS);
export type CaseActionName = z.infer<typeof CaseActionName>;

export const QuestionDetail = QuestionSummary.extend({
  content: z.string(),
  routeReason: RouteReason,
  pictureUrls: PictureUrls,
  answers: z.array(Answer),
  timeline: z.array(TimelineEntry),
  /** The asker's rating; its comment only for the asker and handlers. */
  rating: z.strictObject({ satisfied: z.boolean(), comment: z.string(), at: Instant }).nullable(),
  reopenCount: z.number().int().nonnegative(),
  /** Emergency lane: once resolved, how it was handled must be published (紧急通道公告). */
  noticeRequired: z.boolean(),
  notice: z.strictObject({ text: z.string(), publishedAt: Instant, moderation: ModerationState }).nullable(),
  /** What the viewer may do here, so the UI does not re-derive permissions. */
  viewerCanAnswer: z.boolean(),
  viewerIsAsker: z.boolean(),
  /** The viewer handles this question (sees internal notes, may act on it). */
  viewerIsHandler: z.boolean(),
  viewerActions: z.array(CaseActionName),
  /** 案例报送: the typical-case mark, for handlers (null for everyone else, and when not marked). */
  typicalCase: z
    .strictObject({ kind: z.enum(CASE_KINDS), writeUp: z.string(), markedAt: Instant, markedByName: z.string() })
    .nullable(),
  /** The viewer may mark (or unmark) it as a typical case (case.mark). */
  viewerCanMarkCase: z.boolean(),
});
export type QuestionDetail = z.infer<typeof QuestionDetail>;

export const QuestionGetInput = z.strictObject({ id: Id });
export const QuestionGetOutput = QuestionDetail;

export const QuestionPage = z.strictObject({
  items: z.array(QuestionSummary),
  nextCursor: z.string().nullable(),
});
export type QuestionPage = z.infer<typeof QuestionPage>;

/** The states the public feed shows (a question with an official answer). */
export const PUBLIC_FEED_STATES = ['answered', 'handling', 'resolved', 'closed'] as const;
export const PUBLIC_FEED_SORTS = ['newest', 'metoo', 'likes'] as const;
export type PublicFeedSort = (typeof PUBLIC_FEED_SORTS)[number];

/**
 * 同声同心: filtered by category, the asker's college (anonymous questions are
 * then left out) and state; newest first, or most 同问, or most liked answers.
 */
export const QuestionListPublicInput = PageInput.extend({
  categoryId: Id.optional(),
  collegeId: Id.optional(),
  status: z.enum(PUBLIC_FEED_STATES).optional(),
  sort: z.enum(PUBLIC_FEED_SORTS).default('newest'),
});
export const QuestionListPublicOutput = QuestionPage;

export const QuestionListMineInput = PageInput;
export const QuestionListMineOutput = QuestionPage;
