import { z } from 'zod';
import { NOTIFICATION_KINDS } from '../domain/notification-plan';
import { Instant, PageInput } from './common.contract';

/**
 * 消息中心: the messages the platform sent a person (answered, followed
 * question updated, urged, transferred, reminders…), newest first, with what
 * they have read. Built from the delivery records themselves.
 */
export const MessageId = z.string().min(1).max(200).regex(/^[A-Za-z0-9_.-]+$/, 'id 格式不正确');

export const MessageItem = z.strictObject({
  id: MessageId,
  kind: z.enum(NOTIFICATION_KINDS),
  /** The heading it is listed under (by kind: 你的问题已答复, 双周报催交, 候补转为正式报名…). */
  title: z.string(),
  text: z.string(),
  /** The question it is about; null for a message about something else (then `subject` says what). */
  questionId: z.string().nullable(),
  /** What it is about: a question, a biweekly report, an activity or a unit. */
  subject: z.strictObject({ type: z.enum(['question', 'report', 'activity', 'unit']), id: z.string() }).nullable(),
  /** The mini-program page it opens (the question's, the report's, the activity's, the article editor). */
  page: z.string(),
  at: Instant,
  read: z.boolean(),
});
export type MessageItem = z.infer<typeof MessageItem>;

export const MessageListInput = PageInput;
export const MessageListOutput = z.strictObject({
  items: z.array(MessageItem),
  nextCursor: z.string().nullable(),
  unread: z.number().int().nonnegative(),
});

/** Marks some messages (`ids`) or every message (`all: true`) read; exactly one of the two. */
export const MessageMarkReadInput = z
  .strictObject({ ids: z.array(MessageId).min(1).max(50).optional(), all: z.literal(true).optional() })
  .refine((v) => (v.ids === undefined) !== (v.all === undefined), { message: '请指定 ids 或 all 之一' });
export const MessageMarkReadOutput = z.strictObject({ marked: z.number().int().nonnegative(), unread: z.number().int().nonnegative() });

/** The tab bar's badge: one count on an index. */
export const MessageUnreadInput = z.strictObject({});
export const MessageUnreadOutput = z.strictObject({ unread: z.number().int().nonnegative() });
