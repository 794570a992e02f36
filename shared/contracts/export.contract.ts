import { z } from 'zod';
import { Id, Instant } from './common.contract';
import { QuestionStatus } from './question.contract';

/**
 * 数据共享 (ZJU §二: 与团中央“青年之声”平台的端口对接、数据共享): an incremental
 * feed of the public questions, their published answers and their figures, in
 * the order they changed, for the central platform. Not a WeChat user's
 * action: the `feed` cloud function serves it over CloudBase's HTTP access
 * service to a caller holding the service credential (QNZS_EXPORT_TOKEN), see
 * README "Data sharing" and docs/decisions/0017.
 *
 * Only what the public may read anyway, less still: no asker's name, no
 * openid, no internal note, no rating comment; for an anonymous question not
 * even the college. Private questions (the crisis lane among them) never
 * appear; a public question the public may no longer see (hidden by a
 * moderator, waiting for review) appears as withdrawn, so a copy can be removed.
 */
export const FEED_MAX_LIMIT = 200;
export const FEED_DEFAULT_LIMIT = 100;

/** The query string of GET /feed: where to continue from, and how many at most. */
export const ExportFeedInput = z.strictObject({
  cursor: z.string().regex(/^\d{1,16}~[A-Za-z0-9_-]{1,64}$/, 'cursor 无效').optional(),
  limit: z.coerce.number().int().min(1).max(FEED_MAX_LIMIT).default(FEED_DEFAULT_LIMIT),
});

export const FeedAnswer = z.strictObject({
  id: Id,
  content: z.string(),
  unitName: z.string(),
  responderName: z.string(),
  teamLabel: z.string().nullable(),
  official: z.boolean(),
  createdAt: Instant,
});

export const FeedFigures = z.strictObject({
  answerCount: z.number().int().nonnegative(),
  /** Null while unanswered within its deadline. */
  answeredOnTime: z.boolean().nullable(),
  /** Whole minutes from asking to the official answer. */
  firstAnswerMinutes: z.number().int().nonnegative().nullable(),
  /** Missed its deadline and went to the coordinator. */
  escalated: z.boolean(),
  /** Resolved after handling, or closed. */
  settled: z.boolean(),
  /** The asker's verdict, when they gave one (never their comment). */
  satisfied: z.boolean().nullable(),
});

export const FeedQuestion = z.strictObject({
  id: Id,
  withdrawn: z.literal(false),
  updatedAt: Instant,
  title: z.string(),
  content: z.string(),
  categoryName: z.string(),
  /** The unit that answers for it (public: it is accountable). */
  unitName: z.string(),
  /** The asker's college; null for an anonymous question. */
  collegeName: z.string().nullable(),
  anonymous: z.boolean(),
  urgent: z.boolean(),
  status: QuestionStatus,
  askedAt: Instant,
  deadlineAt: Instant,
  answeredAt: Instant.nullable(),
  answers: z.array(FeedAnswer),
  /** An emergency's public notice of how it was handled. */
  notice: z.strictObject({ text: z.string(), publishedAt: Instant }).nullable(),
  figures: FeedFigures,
});
export type FeedQuestion = z.infer<typeof FeedQuestion>;

export const FeedWithdrawn = z.strictObject({ id: Id, withdrawn: z.literal(true), updatedAt: Instant });

export const FeedItem = z.discriminatedUnion('withdrawn', [FeedQuestion, FeedWithdrawn]);
export type FeedItem = z.infer<typeof FeedItem>;

export const ExportFeedOutput = z.strictObject({
  /** Oldest change first. */
  items: z.array(FeedItem),
  /** Pass it back as `cursor` to get what changed after the last item; the same cursor when nothing did (null only for an empty feed). */
  nextCursor: z.string().nullable(),
  /** More changes are ready now: ask again at once. */
  hasMore: z.boolean(),
  /** Changes are served once they are settled: everything that changed before this instant is in the feed (or still ahead of the cursor). */
  settledBefore: Instant,
});

/** The service actions: reached with the service credential, never by a WeChat user. */
export const SERVICE_ACTIONS = {
  'export.feed': { input: ExportFeedInput, output: ExportFeedOutput },
} as const;
export type ServiceActionName = keyof typeof SERVICE_ACTIONS;
