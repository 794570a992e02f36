import { z } from 'zod';
import { PageInput } from './common.contract';

export const INBOX_BOXES = ['pending', 'dueSoon', 'overdue', 'handling', 'answered'] as const;
export type InboxBox = (typeof INBOX_BOXES)[number];
/** A waiting question is "due soon" in its last hours. */
export const DUE_SOON_HOURS = 4;
import { QuestionPage } from './question.contract';

export const InboxListInput = PageInput.extend({
  /**
   * 待回复 (everything still owed a reply: urgent first, then by deadline),
   * 即将超时 (≤ 4 h left), 已超时 (past the deadline, unanswered), 办理中
   * (handling), 已回复 (answered or later).
   */
  box: z.enum(INBOX_BOXES).default('pending'),
});
export const InboxListOutput = QuestionPage;

/** How many questions wait in each working box (the numbers on the workbench tabs); `pending` counts every waiting one. */
export const InboxCountsInput = z.strictObject({});
export const InboxCountsOutput = z.strictObject({
  pending: z.number().int().nonnegative(),
  dueSoon: z.number().int().nonnegative(),
  overdue: z.number().int().nonnegative(),
  handling: z.number().int().nonnegative(),
});
export type InboxCounts = z.infer<typeof InboxCountsOutput>;
