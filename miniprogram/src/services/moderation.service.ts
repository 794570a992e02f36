import type { ActionInput, ActionOutput } from '@shared/contracts/actions';
import { callAction } from './api.client';
import { PAGE_SIZE } from './question.service';

export type ReportTarget = Omit<ActionInput<'content.report'>, 'reason'>;
export type ModerationQueue = ActionOutput<'moderation.queue'>;
export type ModerationItem = ModerationQueue['items'][number];
export type ModerationDecision = ActionInput<'moderation.decide'>['decision'];
export type AuditPage = ActionOutput<'audit.list'>;

/** 举报: a person reports published content once; past the threshold it waits for a moderator. */
export function reportContent(target: ReportTarget, reason: string): Promise<ActionOutput<'content.report'>> {
  return callAction('content.report', { ...target, reason });
}

/** 内容审核 (coordinator, school admin): what waits for a moderator, longest waiting first. */
export function listModerationQueue(cursor?: string): Promise<ModerationQueue> {
  return callAction('moderation.queue', { pageSize: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
}

/** Publish or hide, with a reason (on the question's timeline and in the audit log). Carries a request id. */
export function decideModeration(
  item: Pick<ModerationItem, 'questionId' | 'target' | 'answerId'>,
  decision: ModerationDecision,
  reason: string,
  requestId: string,
): Promise<ActionOutput<'moderation.decide'>> {
  return callAction(
    'moderation.decide',
    { questionId: item.questionId, target: item.target, ...(item.answerId ? { answerId: item.answerId } : {}), decision, reason },
    { requestId },
  );
}

/** 操作日志 (school admin): admin actions, newest first. */
export function listAudit(cursor?: string): Promise<AuditPage> {
  return callAction('audit.list', { pageSize: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
}
