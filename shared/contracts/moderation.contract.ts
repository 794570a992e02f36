import { z } from 'zod';
import { MODERATION_TARGETS } from '../domain/moderation';
import { Id, Instant, PageInput } from './common.contract';
import { ModerationState } from './question.contract';
import { userText } from './text.contract';

/** What in a question is moderated: the question itself, one answer (`answerId`), or its public notice. */
export const ModerationTargetRef = {
  questionId: Id,
  target: z.enum(MODERATION_TARGETS),
  answerId: Id.optional(),
};

/** 举报: anyone who can see published content may report it, once. */
export const ContentReportInput = z.strictObject({ ...ModerationTargetRef, reason: userText(2, 200, { singleLine: true }) });
export const ContentReportOutput = z.strictObject({
  /** False when this person had reported it already. */
  reported: z.boolean(),
  /** Reports reached the threshold: it is hidden until a moderator looks. */
  hiddenPendingReview: z.boolean(),
});

export const ModerationItem = z.strictObject({
  questionId: Id,
  target: z.enum(MODERATION_TARGETS),
  answerId: Id.nullable(),
  questionTitle: z.string(),
  /** The text under review (the question's title and body, the answer, the notice). */
  text: z.string(),
  authorName: z.string(),
  state: ModerationState,
  reason: z.string().nullable(),
  reports: z.number().int().nonnegative(),
  at: Instant,
});
export type ModerationItem = z.infer<typeof ModerationItem>;

/** 内容审核: what waits for a moderator (the coordinator, the school admin), oldest first. */
export const ModerationQueueInput = PageInput;
export const ModerationQueueOutput = z.strictObject({ items: z.array(ModerationItem), nextCursor: z.string().nullable() });

export const ModerationDecideInput = z.strictObject({
  ...ModerationTargetRef,
  decision: z.enum(['publish', 'hide']),
  reason: userText(2, 200, { singleLine: true }),
});
export const ModerationDecideOutput = z.strictObject({ state: ModerationState, version: z.number().int().nonnegative() });

export const AuditEntry = z.strictObject({
  id: z.string(),
  at: Instant,
  actorName: z.string(),
  /** What was done, e.g. moderation.hide, moderation.publish. */
  action: z.string(),
  /** What it was done to, in words ("问题「…」的答复"). */
  target: z.string(),
  reason: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** 操作日志: admin actions (moderation now; roster, routing and roles as they come), for the school admin. */
export const AuditListInput = PageInput;
export const AuditListOutput = z.strictObject({ items: z.array(AuditEntry), nextCursor: z.string().nullable() });
